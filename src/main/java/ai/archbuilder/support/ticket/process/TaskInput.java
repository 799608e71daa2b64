package ai.archbuilder.support.ticket.process;

import java.util.Arrays;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * What an agent (or her client over /engine-rest) puts into a task completion. What is wrong with
 * it is a form validation error: 400 over /engine-rest, a message in Tasklist, and the task stays
 * open with nothing recorded.
 */
final class TaskInput {

  private TaskInput() {}

  static String required(String value, String field) {
    if (value == null || value.isBlank()) {
      throw invalid(field, "The task needs " + field);
    }
    return value;
  }

  static <E extends Enum<E>> E choice(Class<E> type, String value, String field) {
    try {
      return Enum.valueOf(type, required(value, field));
    } catch (IllegalArgumentException e) {
      throw invalid(field, "%s must be one of %s, not %s".formatted(field, Arrays.toString(type.getEnumConstants()), value));
    }
  }

  static FormFieldValidationException invalid(String field, String message) {
    return new FormFieldValidationException(field, message);
  }
}
