package ai.archbuilder.support.mail.inbound;

import static ai.archbuilder.support.system.DecisionContract.decision;

import ai.archbuilder.support.mail.inbound.ReplyIntents.Intent;
import ai.archbuilder.support.system.DecisionContract;
import ai.archbuilder.support.system.DecisionContracts;
import java.util.List;
import org.springframework.stereotype.Component;

/** The reply intent a customer's e-mail answer is read as ({@link ReplyIntents}; no answer is NONE). */
@Component
class ReplyIntentContract implements DecisionContracts {

  @Override
  public List<DecisionContract> decisions() {
    return List.of(decision(ReplyIntents.DECISION).oneOfOrNull("intent", Intent.class));
  }
}
