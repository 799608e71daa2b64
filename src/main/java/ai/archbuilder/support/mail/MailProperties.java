package ai.archbuilder.support.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Outbound mail settings.
 *
 * @param from the sender of every message
 * @param managers the support managers' address (oversight notifications)
 * @param tierAddressPattern the address of a tier's group, {@code {group}} replaced by e.g. tier2
 * @param enabled false: messages are recorded on the ticket and logged, not sent (demo profile)
 */
@ConfigurationProperties("support.mail")
public record MailProperties(String from, String managers, String tierAddressPattern, boolean enabled) {}
