package ai.archbuilder.support.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.attoparser.ParseException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

/** What an embedded HTML form declares: the variables Tasklist's form SDK submits from its elements. */
class EmbeddedFormsTest {

  private final EmbeddedForms forms = new EmbeddedForms(new DefaultResourceLoader(), List.of("classpath:/static/"));

  @Test
  void theCamVariableNamesOfInputsSelectsAndTextareasWhateverTheirCaseOrQuotes() throws ParseException {
    assertThat(EmbeddedForms.variableNames("""
        <form>
          <INPUT Cam-Variable-Name="upper" type=checkbox checked>
          <input cam-variable-name='single'/>
          <input type="hidden" cam-variable-name=unquoted>
          <select cam-variable-name="choice"><option>A<option>B</select>
          <textarea cam-variable-name="text">a < b and c > d</textarea>
          <label>x < y</label><p>open paragraph<br>
          <div ng-if="count > 1"><input cam-variable-name="inside"></div>
        </form>
        """)).containsExactly("choice", "inside", "single", "text", "unquoted", "upper");
  }

  @Test
  void nothingElseDeclaresAVariable() throws ParseException {
    assertThat(EmbeddedForms.variableNames("""
        <!-- <input cam-variable-name="commented"> -->
        <div cam-variable-name="div"></div><span cam-variable-name="span"></span>
        <input cam-variable-name=""><input cam-variable-name><input name="plainName">
        <script cam-script type="text/form-script">
          var html = '<input cam-variable-name="inScript">';
          for (var i = 0; i < 3; i++) {}
          camForm.variableManager.createVariable({ name: 'scripted', type: 'String', value: 'x', isDirty: true });
        </script>
        <style>input[cam-variable-name="css"] { color: red }</style>
        <input cam-variable-name="real">
        """)).containsExactly("real");
    // a script never closed runs to the end of the file, as in a browser
    assertThat(EmbeddedForms.variableNames("<input cam-variable-name=\"a\"><script>var x = '<input cam-variable-name=\"b\">'"))
        .containsExactly("a");
  }

  @Test
  void markupThatCannotBeReadIsAnError() {
    assertThatThrownBy(() -> EmbeddedForms.variableNames("<form><input cam-variable-name=\"a>")).isInstanceOf(ParseException.class);
    assertThatThrownBy(() -> EmbeddedForms.variableNames("<input cam-variable-name=\"a\" <div")).isInstanceOf(ParseException.class);
  }

  @Test
  void aDeployedFormIsReadOncePerDeploymentAndResource() {
    var reads = new AtomicInteger();
    java.util.function.Supplier<java.io.InputStream> form = () -> {
      reads.incrementAndGet();
      return new ByteArrayInputStream("<input cam-variable-name=\"ok\">".getBytes(StandardCharsets.UTF_8));
    };
    for (int i = 0; i < 3; i++) {
      assertThat(forms.of("embedded:deployment:check.html", "deployment-1", form).variables()).containsExactly("ok");
    }
    assertThat(reads).hasValue(1);
    forms.of("embedded:deployment:check.html", "deployment-2", form);
    forms.of("embedded:deployment:other.html", "deployment-1", form);
    assertThat(reads).hasValue(3);
  }

  @Test
  void aFormThatCannotBeReadOrFoundDeclaresNothingAndSaysWhy() {
    var broken = forms.of("embedded:deployment:broken.html", "d", () -> new ByteArrayInputStream("<input cam-variable-name=\"a".getBytes()));
    assertThat(broken.variables()).isEmpty();
    assertThat(broken.unknownBecause()).startsWith("its embedded form embedded:deployment:broken.html cannot be read as HTML");

    var missing = forms.of("embedded:deployment:missing.html", "d", () -> {
      throw new NotFoundException("The form with the resource name 'missing.html' cannot be found in deployment.");
    });
    assertThat(missing.variables()).isEmpty();
    assertThat(missing.unknownBecause()).isEqualTo("its embedded form embedded:deployment:missing.html is not a resource of the task's deployment");

    var elsewhere = forms.of("embedded:https://forms.example.com/check.html", "d", () -> {
      throw new AssertionError("not a deployed form");
    });
    assertThat(elsewhere.variables()).isEmpty();
    assertThat(elsewhere.unknownBecause()).contains("neither in the task's deployment", "nor a file of the application");
  }

  @Test
  void anApplicationFormIsReadFromTheStaticFilesAndOnlyFromThere() {
    java.util.function.Supplier<java.io.InputStream> notDeployed = () -> {
      throw new AssertionError("not a deployed form");
    };
    assertThat(forms.of("embedded:app:forms/CheckLicence.html", "d", notDeployed).variables()).containsExactly("licenceValid");
    assertThat(forms.of("embedded:app:/forms/CheckLicence.html", "d", notDeployed).variables()).containsExactly("licenceValid");
    assertThat(forms.of("embedded:app:forms/Missing.html", "d", notDeployed).unknownBecause())
        .contains("is not a file of the application (static/forms/Missing.html)", "embedded:deployment:");
    for (var outside : List.of("embedded:app:../application.yml", "embedded:app:forms/../../application.yml", "embedded:app:classpath:application.yml", "embedded:app:",
        "embedded:app:%2e%2e/application.yml", "embedded:app:forms/%2E%2E/%2E%2E/application.yml")) {
      var declared = forms.of(outside, "d", notDeployed);
      assertThat(declared.variables()).as(outside).isEmpty();
      assertThat(declared.unknownBecause()).as(outside).contains("is not a path of the application's files");
    }
  }
}
