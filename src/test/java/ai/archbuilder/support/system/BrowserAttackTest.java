package ai.archbuilder.support.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Groups;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * What a browser can be made to do against a start without the demo profile (no admin yet, as a
 * plain {@code java -jar} starts): Camunda's first-admin page must not hand the instance to the
 * first visitor, and a process owner's cached Basic credentials must not carry another site's
 * form post to {@code /engine-rest/deployment/create}. Its own context and database, no demo
 * users, the engine named {@code default} for the webapps and the engine REST API.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "camunda.bpm.generate-unique-process-engine-name=false",
      "camunda.bpm.process-engine-name=default",
      "spring.datasource.url=jdbc:h2:mem:support-browser-attacks;DB_CLOSE_DELAY=-1"
    })
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class BrowserAttackTest {

  private static final String BPMN =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                   xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="https://archbuilder.ai/test">
        <process id="CrossSiteProcess" isExecutable="true" camunda:historyTimeToLive="P1D">
          <startEvent id="Start"/>
          <sequenceFlow id="Flow" sourceRef="Start" targetRef="End"/>
          <endEvent id="End"/>
        </process>
      </definitions>
      """;

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identity;
  @Autowired RepositoryService repository;

  @Test
  void nobodyMakesHimselfAdminThroughTheFirstAdminPage() {
    assertThat(identity.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).count()).as("no admin yet").isZero();
    // what the admin webapp's setup page does: its CSRF cookie from a page, then the POST with it
    var page = rest.getForEntity("/camunda/app/admin/default/", String.class);
    var cookies = page.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE);
    var token = cookies.stream().filter(c -> c.startsWith("XSRF-TOKEN=")).map(c -> c.substring(11, c.indexOf(';'))).findFirst();
    assertThat(token).as("the webapp hands out its CSRF token: %s", cookies).isPresent();
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.add("X-XSRF-TOKEN", token.get());
    headers.put(HttpHeaders.COOKIE, cookies.stream().map(c -> c.substring(0, c.indexOf(';'))).toList());
    var body = "{\"profile\":{\"id\":\"eve\",\"firstName\":\"Eve\",\"lastName\":\"Intruder\",\"email\":\"eve@example.com\"},"
        + "\"credentials\":{\"password\":\"eve-was-here-123\"}}";
    var setup = rest.exchange("/camunda/api/admin/setup/default/user/create", HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    assertThat(setup.getStatusCode().value()).as("%s", setup.getBody()).isEqualTo(403);
    assertThat(identity.createUserQuery().userId("eve").count()).isZero();
  }

  @Test
  void anotherSitesFormCannotDeployWithAProcessOwnersCachedPassword() {
    var owner = identity.newUser("otto");
    owner.setPassword("owner-password-123");
    identity.saveUser(owner);
    identity.createMembership("otto", "process-owners");

    var crossSite = deploy("https://evil.example", "cross-site");
    assertThat(crossSite.getStatusCode().value()).as("%s", crossSite.getBody()).isEqualTo(403);
    assertThat(crossSite.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    assertThat(crossSite.getBody()).contains("another site");
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("CrossSiteProcess").count()).isZero();

    // the same owner from a tool (no browser headers) or from this site's own pages deploys
    for (var site : List.of("none", "same-origin")) {
      var deployed = deploy(null, site.equals("none") ? null : site);
      assertThat(deployed.getStatusCode().value()).as("%s: %s", site, deployed.getBody()).isEqualTo(200);
    }
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("CrossSiteProcess").count()).isEqualTo(1);
  }

  private ResponseEntity<String> deploy(String origin, String fetchSite) {
    var headers = new HttpHeaders();
    if (origin != null) {
      headers.setOrigin(origin);
    }
    if (fetchSite != null) {
      headers.add("Sec-Fetch-Site", fetchSite);
    }
    return new ModelerDeployment("Cross-site test", "cross-site.bpmn", BPMN).sendAs(rest, "otto", "owner-password-123", headers);
  }
}
