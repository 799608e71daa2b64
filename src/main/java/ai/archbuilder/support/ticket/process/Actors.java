package ai.archbuilder.support.ticket.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Who did it: the user on whose behalf the engine runs this step, or "system" for timers and jobs. */
final class Actors {

  private Actors() {}

  static String of(DelegateExecution execution) {
    var auth = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return auth == null || auth.getUserId() == null ? "system" : auth.getUserId();
  }
}
