package ai.archbuilder.support.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.FormServiceImpl;
import org.camunda.bpm.engine.impl.TaskServiceImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * A task takes what its form asks for, and ends through its form. Whoever may work a task can,
 * with Camunda's own services, complete it (or submit its form, or resolve it) with any variables
 * at all, and throw a BPMN error or escalation at it: over /engine-rest a Tier 1 agent would set
 * the plan, the tier, the ceiling, the coverage or an escalation's trigger, start an escalation
 * without a reason, or end her task without an outcome. This plugin gives the engine task and
 * form services that refuse, before anything runs:
 *
 * <ul>
 *   <li>a variable that is not a field of the task's deployed Camunda Form (read-only fields
 *       included: Tasklist sends them along), of its generated form (form fields a process owner
 *       gave it in the Modeler), or of its embedded HTML form (the {@code cam-variable-name}s of
 *       its inputs; {@link EmbeddedForms}): a form validation error, so a 400 naming it over
 *       /engine-rest and a message in Tasklist; a task without a form, or whose embedded form
 *       cannot be read, takes none (the refusal says why);
 *   <li>a BPMN error or escalation thrown at a task: a 400 (no task of ours is modelled to end so).
 * </ul>
 *
 * <p>And an agent gives her own task back with TASK_WORK, as she took it (Tasklist's "Unclaim").
 *
 * <p>What the form's fields carry is checked by the delegates that read them (TaskInput). Who may
 * work a task is the engine's authorization (TASK_WORK; application.yml).
 */
@Component
class TaskFormInput extends AbstractProcessEnginePlugin {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final EmbeddedForms embeddedForms;

  TaskFormInput(ResourceLoader resources, ObjectProvider<WebProperties> web) {
    this.embeddedForms = new EmbeddedForms(resources, List.of(web.getIfAvailable(WebProperties::new).getResources().getStaticLocations()));
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    var fields = new FormFields(configuration, embeddedForms);
    configuration.setTaskService(new Tasks(fields));
    configuration.setFormService(new Forms(fields));
  }

  /** The fields of a task's form; if there are none because its form is not known, why. */
  record Fields(Set<String> names, String unknownBecause) {}

  /** The field keys of a task's form, and the check of a completion's variables against them. */
  static final class FormFields {

    private final ProcessEngineConfigurationImpl configuration;
    private final EmbeddedForms embeddedForms;

    FormFields(ProcessEngineConfigurationImpl configuration, EmbeddedForms embeddedForms) {
      this.configuration = configuration;
      this.embeddedForms = embeddedForms;
    }

    void check(String taskId, Map<String, ?> variables) {
      if (variables == null || variables.isEmpty()) {
        return;
      }
      // a task she may not see: the command itself refuses (403 or 404), with nothing said about its form
      if (configuration.getTaskService().createTaskQuery().taskId(taskId).count() == 0) {
        return;
      }
      var form = of(taskId);
      for (var name : variables.keySet()) {
        if (!form.names().contains(name)) {
          var why = form.unknownBecause() == null ? "" : ": " + form.unknownBecause();
          throw new FormFieldValidationException(name, name + " is not a field of the task's form" + why);
        }
      }
    }

    /**
     * The fields of the task's form: its embedded HTML form's declared variables (with the form
     * fields of the task, if it has both); else the deployed Camunda Form's field keys; else the
     * generated form's fields.
     */
    private Fields of(String taskId) {
      var formService = configuration.getFormService();
      var data = formService.getTaskFormData(taskId);
      var formKey = data.getFormKey();
      if (formKey != null && formKey.startsWith(EmbeddedForms.EMBEDDED)) {
        var declared = embeddedForms.of(formKey, data.getDeploymentId(), () -> formService.getDeployedTaskForm(taskId));
        var variables = new HashSet<>(declared.variables());
        variables.addAll(generatedFormFields(data));
        return new Fields(variables, declared.unknownBecause());
      }
      InputStream form;
      try {
        form = formService.getDeployedTaskForm(taskId);
      } catch (BadUserRequestException noDeployedForm) {
        return new Fields(generatedFormFields(data), null);
      }
      try (form) {
        var keys = new HashSet<String>();
        collect(JSON.readTree(form), keys);
        return new Fields(keys, null);
      } catch (JsonProcessingException notACamundaForm) {
        // a deployed resource that is not a Camunda Form, under a key Tasklist does not embed (deployment:…)
        return new Fields(generatedFormFields(data), null);
      } catch (IOException e) {
        throw new ProcessEngineException("The form of task " + taskId + " cannot be read", e);
      }
    }

    /** The form fields a process owner gave a task in the Modeler (camunda:formData): Tasklist generates its form. */
    private static Set<String> generatedFormFields(TaskFormData data) {
      var keys = new HashSet<String>();
      data.getFormFields().forEach(field -> keys.add(field.getId()));
      return keys;
    }

    static void collect(JsonNode node, Set<String> keys) {
      var key = node.path("key");
      if (key.isTextual() && node.has("type")) {
        keys.add(key.asText());
      }
      for (var child : node.path("components")) {
        collect(child, keys);
      }
    }
  }

  static BadUserRequestException notThrownAtTasks(String taskId, String what) {
    return new BadUserRequestException(
        "Task %s ends through its form: a %s thrown at it is not accepted".formatted(taskId, what));
  }

  /** The engine's task service, with completions checked against the task's form. */
  static final class Tasks extends TaskServiceImpl {

    private final FormFields fields;

    Tasks(FormFields fields) {
      this.fields = fields;
    }

    @Override
    public void complete(String taskId, Map<String, Object> variables) {
      fields.check(taskId, variables);
      super.complete(taskId, variables);
    }

    @Override
    public VariableMap completeWithVariablesInReturn(String taskId, Map<String, Object> variables, boolean deserializeValues) {
      fields.check(taskId, variables);
      return super.completeWithVariablesInReturn(taskId, variables, deserializeValues);
    }

    @Override
    public void resolveTask(String taskId, Map<String, Object> variables) {
      fields.check(taskId, variables);
      super.resolveTask(taskId, variables);
    }

    /**
     * Tasklist's "Unclaim" sets the assignee to none, which takes TASK_ASSIGN (or UPDATE): an agent
     * who works a task gives her own back as she took it (a claim of nobody, TASK_WORK). Giving a
     * task to someone else stays with whoever may assign it (managers).
     */
    @Override
    public void setAssignee(String taskId, String userId) {
      if (userId == null && assignedToCaller(taskId)) {
        claim(taskId, null);
        return;
      }
      super.setAssignee(taskId, userId);
    }

    private boolean assignedToCaller(String taskId) {
      var caller = getCommandExecutor().execute(context -> context.getAuthenticatedUserId());
      if (caller == null) {
        return false;
      }
      var task = createTaskQuery().taskId(taskId).singleResult();
      return task != null && caller.equals(task.getAssignee());
    }

    @Override
    public void handleBpmnError(String taskId, String errorCode) {
      throw notThrownAtTasks(taskId, "BPMN error");
    }

    @Override
    public void handleBpmnError(String taskId, String errorCode, String errorMessage) {
      throw notThrownAtTasks(taskId, "BPMN error");
    }

    @Override
    public void handleBpmnError(String taskId, String errorCode, String errorMessage, Map<String, Object> variables) {
      throw notThrownAtTasks(taskId, "BPMN error");
    }

    @Override
    public void handleEscalation(String taskId, String escalationCode) {
      throw notThrownAtTasks(taskId, "BPMN escalation");
    }

    @Override
    public void handleEscalation(String taskId, String escalationCode, Map<String, Object> variables) {
      throw notThrownAtTasks(taskId, "BPMN escalation");
    }
  }

  /** The engine's form service, with task form submissions checked against the task's form. */
  static final class Forms extends FormServiceImpl {

    private final FormFields fields;

    Forms(FormFields fields) {
      this.fields = fields;
    }

    @Override
    public void submitTaskForm(String taskId, Map<String, Object> properties) {
      fields.check(taskId, properties);
      super.submitTaskForm(taskId, properties);
    }

    @Override
    public VariableMap submitTaskFormWithVariablesInReturn(String taskId, Map<String, Object> properties, boolean deserializeValues) {
      fields.check(taskId, properties);
      return super.submitTaskFormWithVariablesInReturn(taskId, properties, deserializeValues);
    }

    @Override
    @SuppressWarnings("deprecation")
    public void submitTaskFormData(String taskId, Map<String, String> properties) {
      fields.check(taskId, properties);
      super.submitTaskFormData(taskId, properties);
    }
  }
}
