package ai.archbuilder.support.ticket;

import ai.archbuilder.support.system.EngineAccess;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

/** Keyword rules a process owner edits in the Modeler: {@code dmn/ticketCategorization.dmn}, {@code dmn/impactInference.dmn}. */
@Component
class DmnTicketClassifier implements TicketClassifier {

  private final DecisionService decisions;

  DmnTicketClassifier(DecisionService decisions) {
    this.decisions = decisions;
  }

  /**
   * The engine keeps a decision's string inputs (history: ACT_HI_DEC_IN.TEXT_) in 4,000 characters
   * at most; a longer text failed the whole intake with a 500 (a 20,000-character description is
   * valid). The keyword rules read the first {@value #MAX_TEXT} characters.
   */
  static final int MAX_TEXT = 3800;

  static String text(String subject, String description) {
    var text = (subject + "\n" + description).toLowerCase(Locale.ROOT);
    if (text.length() <= MAX_TEXT) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(MAX_TEXT - 1)) ? MAX_TEXT - 1 : MAX_TEXT;
    return text.substring(0, end);
  }

  @Override
  public Classification categorize(String subject, String description) {
    var result =
        EngineAccess.privileged(() -> decisions
            .evaluateDecisionByKey("ticketCategorization")
            .variables(Map.of("text", text(subject, description)))
            .evaluate()
            .getSingleResult());
    String category = result.getEntry("category");
    String subcategory = result.getEntry("subcategory");
    return new Classification(
        Category.valueOf(category), subcategory == null ? null : Subcategory.valueOf(subcategory));
  }

  @Override
  public Impact inferImpact(String subject, String description) {
    String impact =
        EngineAccess.privileged(
                () ->
                    decisions
                        .evaluateDecisionByKey("impactInference")
                        .variables(Map.of("text", text(subject, description)))
                        .evaluate()
                        .getSingleResult())
            .getEntry("impact");
    return Impact.valueOf(impact);
  }
}
