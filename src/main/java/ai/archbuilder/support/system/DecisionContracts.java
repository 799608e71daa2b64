package ai.archbuilder.support.system;

import java.util.List;

/**
 * A module's contracts with the decisions it reads (a bean per module, with no dependencies: the
 * engine asks for them while it starts). {@link DecisionTableCheck} holds every deployment to them.
 */
public interface DecisionContracts {

  List<DecisionContract> decisions();
}
