package ai.archbuilder.support.mail.inbound;

import ai.archbuilder.support.system.EngineAccess;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

/**
 * Reads what a reply says about a proposed solution from its first line, with the keyword rules
 * of {@code dmn/replyIntent.dmn} (latest deployed version: a process owner changes the words in
 * the Modeler).
 */
@Component
class ReplyIntents {

  enum Intent {
    CONFIRM,
    REJECT,
    NONE
  }

  static final String DECISION = "replyIntent";

  private final DecisionService decisions;

  ReplyIntents(DecisionService decisions) {
    this.decisions = decisions;
  }

  Intent of(String text) {
    var firstLine = firstLine(text);
    var result =
        EngineAccess.privileged(
            () -> decisions.evaluateDecisionTableByKey(DECISION, Map.<String, Object>of("text", firstLine)).getSingleResult());
    if (result == null || result.getEntry("intent") == null) {
      return Intent.NONE;
    }
    return Intent.valueOf(result.<String>getEntry("intent"));
  }

  /**
   * The first line that is not blank, lower case, with typographic apostrophes made plain (mail
   * programs type "doesn’t"): where people answer "yes, solved".
   */
  static String firstLine(String text) {
    if (text == null) {
      return "";
    }
    for (var line : text.split("\n")) {
      if (!line.isBlank()) {
        return line.strip().toLowerCase(Locale.ROOT).replace('\u2019', '\'').replace('\u2018', '\'');
      }
    }
    return "";
  }
}
