package ai.archbuilder.support.ticket;

/**
 * Guesses what the submitter did not say. Replaceable: the default reads keyword rules from the
 * DMN tables {@code ticketCategorization} and {@code impactInference}; a trained model can take
 * its place as another bean of this type (the corrections agents make at triage are its data).
 */
public interface TicketClassifier {

  record Classification(Category category, Subcategory subcategory) {}

  Classification categorize(String subject, String description);

  Impact inferImpact(String subject, String description);
}
