package ai.archbuilder.support.system;

import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A typed process variable: its name is written once, its type is checked when it is read.
 *
 * @param <T> the Java type of the value (String, Integer, Long, Double, Boolean, Date)
 */
public record ProcessVariable<T>(String name, Class<T> type) {

  /** The longest string variable that fits the engine's text column on every database. */
  public static final int MAX_TEXT = 3800;

  public static ProcessVariable<String> string(String name) {
    return new ProcessVariable<>(name, String.class);
  }

  public static ProcessVariable<Integer> integer(String name) {
    return new ProcessVariable<>(name, Integer.class);
  }

  public static ProcessVariable<Boolean> bool(String name) {
    return new ProcessVariable<>(name, Boolean.class);
  }

  public static ProcessVariable<Double> number(String name) {
    return new ProcessVariable<>(name, Double.class);
  }

  public T get(VariableScope scope) {
    return convert(scope.getVariable(name));
  }

  /** Its value in {@code variables} (name → value), such as the inputs a decision is asked with. */
  public T from(Map<String, ?> variables) {
    return convert(variables.get(name));
  }

  public T getOr(VariableScope scope, T fallback) {
    var v = get(scope);
    return v == null ? fallback : v;
  }

  public void set(VariableScope scope, T value) {
    scope.setVariable(name, value);
  }

  /** Numbers from DMN may arrive as Integer, Long or Double: convert to the declared type. */
  @SuppressWarnings("unchecked")
  public T convert(Object value) {
    if (value == null || type.isInstance(value)) {
      return (T) value;
    }
    if (value instanceof Number n) {
      if (type == Integer.class) {
        return (T) Integer.valueOf(n.intValue());
      }
      if (type == Double.class) {
        return (T) Double.valueOf(n.doubleValue());
      }
      if (type == Long.class) {
        return (T) Long.valueOf(n.longValue());
      }
    }
    if (type == String.class) {
      return (T) value.toString();
    }
    throw new IllegalStateException(
        "Process variable %s is a %s, expected %s".formatted(name, value.getClass().getSimpleName(), type.getSimpleName()));
  }
}
