package ai.archbuilder.support.system;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextFactory;
import org.springframework.stereotype.Component;

/**
 * An agent's input error is not an operator's alarm. A task completion with bad input (an unknown
 * outcome, {@code documentInKb: "yes"}, RESOLVE without a reply, a generated form's constraint) is
 * refused by the delegate that reads it, inside the engine's command, with a form validation error
 * (TaskInput): a 400 over /engine-rest and a message in Tasklist. The engine logs every exception
 * that ends a command as {@code ENGINE-16004} at ERROR with its stack trace, except the ones it
 * knows for the client's (a bad request, a missing authorization, an optimistic locking
 * conflict), which it logs at DEBUG ({@code ENGINE-16002}, logger {@code
 * org.camunda.bpm.engine.context}). This adds form validation errors to those, and a deployment
 * whose decision tables {@link DecisionTableCheck} refused (the process owner's 400 over
 * /engine-rest, or a release that does not start with {@link DecisionTablesRefusedFailureAnalyzer}'s
 * report), and nothing else: a delegate's bug, a database error or a failing job is still an ERROR
 * with its stack trace.
 *
 * <p>Turning {@code enableCmdExceptionLogging} off, or the logger's level down, would hide those
 * real failures as well.
 */
@Component
class FormErrorLogging extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    var factory = new Factory();
    // the engine hands itself only to a factory of its own making
    factory.setProcessEngineConfiguration(configuration);
    configuration.setCommandContextFactory(factory);
  }

  static final class Factory extends CommandContextFactory {
    @Override
    public CommandContext createCommandContext() {
      return new ClientErrorsAtDebug(processEngineConfiguration);
    }
  }

  static final class ClientErrorsAtDebug extends CommandContext {
    ClientErrorsAtDebug(ProcessEngineConfigurationImpl configuration) {
      super(configuration);
    }

    @Override
    protected boolean shouldLogFine(Throwable exception) {
      return super.shouldLogFine(exception)
          || exception instanceof FormFieldValidationException
          || exception instanceof DecisionTableCheck.DecisionTablesRefusedException;
    }
  }
}
