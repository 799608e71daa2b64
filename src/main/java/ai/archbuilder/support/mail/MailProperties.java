package ai.archbuilder.support.mail;

import ai.archbuilder.support.system.Tiers;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Outbound mail settings.
 *
 * @param from the sender of every message
 * @param managers the support managers' address (oversight notifications)
 * @param tierAddressPattern the address of a tier's group, {@code {group}} replaced by e.g. tier2
 * @param enabled false: messages are recorded on the ticket and logged, not sent (demo profile)
 * @param templatesLocation where the e-mail templates are looked up, first match wins (Spring
 *     resource prefixes, e.g. {@code file:./mail-templates/} before {@code classpath:/mail-templates/})
 * @param contact the contact details every e-mail ends with
 */
@ConfigurationProperties("support.mail")
public record MailProperties(
    String from,
    String managers,
    String tierAddressPattern,
    boolean enabled,
    List<String> templatesLocation,
    Contact contact) {

  static final List<String> DEFAULT_TEMPLATES_LOCATION = List.of("file:./mail-templates/", "classpath:/mail-templates/");

  /** How customers reach support, printed in every e-mail (templates: {@code ${contact.phone}} …). */
  public record Contact(String team, String email, String phone, String web) {}

  /** The address of a tier's group, e.g. tier2@…. */
  public String tierAddress(int tier) {
    return tierAddressPattern.replace("{group}", Tiers.group(tier));
  }

  /** Whether the address is one of the desk's internal group addresses (a tier's or the managers'). */
  public boolean isInternal(String address) {
    var parts = tierAddressPattern.split("\\{group}", -1);
    var tier = Pattern.compile(Pattern.quote(parts[0]) + "tier\\d+" + (parts.length > 1 ? Pattern.quote(parts[1]) : ""),
        Pattern.CASE_INSENSITIVE);
    return tier.matcher(address).matches() || (managers != null && managers.strip().equalsIgnoreCase(address));
  }

  public MailProperties {
    templatesLocation =
        templatesLocation == null || templatesLocation.isEmpty() ? DEFAULT_TEMPLATES_LOCATION : List.copyOf(templatesLocation);
    contact = contact == null ? new Contact("ArchBuilder.AI Support", "support@archbuilder.app", null, null) : contact;
  }
}
