package ai.archbuilder.support.system;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * What the Camunda Modeler's "Deploy to Camunda 7" sends: one file as a multipart part named after
 * it, and the files attached to the deployment ("Include additional files") likewise, to
 * {@code /engine-rest/deployment/create}, with HTTP Basic; duplicate filtering on.
 */
public record ModelerDeployment(String deploymentName, String fileName, String content, Map<String, String> attachments) {

  public ModelerDeployment(String deploymentName, String fileName, String content) {
    this(deploymentName, fileName, content, Map.of());
  }

  public ResponseEntity<String> sendAs(TestRestTemplate rest, String user, String password) {
    return sendAs(rest, user, password, new HttpHeaders());
  }

  /** With headers of its own (a browser's {@code Origin}, {@code Sec-Fetch-Site}). */
  ResponseEntity<String> sendAs(TestRestTemplate rest, String user, String password, HttpHeaders headers) {
    var parts = new LinkedMultiValueMap<String, Object>();
    parts.add("deployment-name", deploymentName);
    parts.add("deployment-source", "Camunda Modeler");
    parts.add("enable-duplicate-filtering", "true");
    parts.add(fileName, file(fileName, content));
    attachments.forEach((name, text) -> parts.add(name, file(name, text)));
    headers.setBasicAuth(user, password);
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return rest.exchange("/engine-rest/deployment/create", HttpMethod.POST, new HttpEntity<>(parts, headers), String.class);
  }

  private static ByteArrayResource file(String name, String content) {
    return new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return name;
      }
    };
  }
}
