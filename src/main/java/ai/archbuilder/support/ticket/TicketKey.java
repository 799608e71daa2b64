package ai.archbuilder.support.ticket;

import java.util.Optional;
import java.util.regex.Pattern;

/** Ticket keys read {@code TCK-000123}: the prefix and the ticket's number, six digits at least. */
public final class TicketKey {

  private static final Pattern KEY = Pattern.compile("TCK-(\\d{6,18})");

  private TicketKey() {}

  public static String of(long id) {
    return "TCK-%06d".formatted(id);
  }

  public static Optional<Long> parse(String key) {
    if (key == null) {
      return Optional.empty();
    }
    var m = KEY.matcher(key.trim().toUpperCase(java.util.Locale.ROOT));
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(m.group(1)));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
