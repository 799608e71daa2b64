package ai.archbuilder.support.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * What a customer reads of her own ticket through the API (CustomerFacing#ticket): every answer
 * that carries her ticket (create, get, list, message, escalation request) has the fields staff
 * see, with the desk's bookkeeping null, and the rest equal to what staff read.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
@Import(ProcessEngineCoverageConfiguration.class)
class CustomerTicketViewOnH2Test extends ProcessScenarios {

  /** The desk's bookkeeping: staff read them, the customer reads null. */
  private static final List<String> INTERNAL =
      List.of("issueType", "maxTier", "coverage", "tierResponseDueAt", "escalationDueAt", "failedAttempts", "inferred");

  /** Hers: what she sent and how it was classified, where it stands, and the SLA the desk owes her. */
  private static final List<String> SHARED =
      List.of("key", "status", "subject", "description", "channel", "category", "subcategory", "impact", "urgency", "priority",
          "security", "tier", "firstResponseDueAt", "resolutionDueAt", "firstRespondedAt", "resolvedAt", "closedAt", "linkedTicket",
          "createdAt");

  private static void assertSeenByCustomer(JsonNode hers, JsonNode staff) {
    assertThat(fieldNames(hers)).as("the same shape as staff read").isEqualTo(fieldNames(staff));
    for (var field : INTERNAL) {
      assertThat(hers.get(field).isNull()).as("%s is not hers: %s", field, hers.get(field)).isTrue();
    }
    for (var field : SHARED) {
      assertThat(hers.get(field)).as(field).isEqualTo(staff.get(field));
    }
    assertThat(fieldNames(hers.get("customer"))).isEqualTo(fieldNames(staff.get("customer")));
    assertThat(hers.get("customer").get("email")).isEqualTo(staff.get("customer").get("email"));
    assertThat(hers.get("customer").get("name")).isEqualTo(staff.get("customer").get("name"));
    assertThat(hers.get("customer").get("plan")).isEqualTo(staff.get("customer").get("plan"));
    assertThat(staff.get("customer").get("vip").isBoolean()).isTrue();
    assertThat(hers.get("customer").get("vip").isNull()).as("her VIP flag is the desk's").isTrue();
  }

  private static List<String> fieldNames(JsonNode node) {
    var names = new ArrayList<String>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void aCustomerReadsHerTicketWithoutTheDesksBookkeepingAndStaffReadItWhole() {
    setClock(la("2026-11-24T10:00:00")); // a Tuesday
    // no category, no impact: intake infers them
    var created = post("paul", "/api/tickets", ticket("paul@example.com", "PDF export drops page numbers",
        "The PDF export leaves out the page numbers on every sheet."));
    assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
    var key = created.getBody().get("key").asText();
    var staff = ticket(key);
    for (var field : INTERNAL) {
      assertThat(staff.get(field).isNull()).as("staff read %s", field).isFalse();
    }
    assertThat(staff.get("inferred")).as("intake inferred the classification").isNotEmpty();
    assertThat(staff.get("customer").get("plan").asText()).isEqualTo("PROFESSIONAL");
    assertSeenByCustomer(created.getBody(), staff);

    // an agent escalates with a reason and a justification: staff read both, she reads a move by the desk
    setClock(la("2026-11-24T10:10:00"));
    triage(key, "TECHNICAL", "SOFTWARE_BUG", "MINOR", "ESCALATE", "escalationReason", "COMPLEX_ISSUE",
        "justification", "Needs the PDF renderer team");
    staff = ticket(key);
    assertThat(staff.get("tier").asInt()).isEqualTo(2);
    assertThat(staff.get("escalations").get(0).get("justification").asText()).isEqualTo("Needs the PDF renderer team");
    var hers = get("paul", "/api/tickets/" + key);
    assertThat(hers.getStatusCode().value()).isEqualTo(200);
    assertSeenByCustomer(hers.getBody(), staff);
    assertThat(hers.getBody().get("escalations")).hasSize(1);
    var move = hers.getBody().get("escalations").get(0);
    assertThat(move.get("toTier").asInt()).isEqualTo(2);
    assertThat(move.get("trigger").asText()).isEqualTo("MANUAL");
    assertThat(move.get("reason").isNull()).isTrue();
    assertThat(move.get("justification").isNull()).isTrue();

    // the list, her message's answer and her own escalation request's answer read the same
    var list = get("paul", "/api/tickets?size=200").getBody().get("items");
    var listed = new ArrayList<JsonNode>();
    list.forEach(t -> {
      if (t.get("key").asText().equals(key)) {
        listed.add(t);
      }
    });
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0)).isEqualTo(hers.getBody());
    var message = post("paul", "/api/tickets/" + key + "/messages", Map.of("from", "CUSTOMER", "body", "It happens on A3 sheets only."));
    assertThat(message.getStatusCode().value()).as("%s", message.getBody()).isEqualTo(202);
    assertSeenByCustomer(message.getBody().get("ticket"), ticket(key));
    var request = post("paul", "/api/tickets/" + key + "/escalations", Map.of("reason", "CUSTOMER_REQUEST", "justification", "Our print run is Friday"));
    assertThat(request.getStatusCode().value()).as("%s", request.getBody()).isEqualTo(202);
    assertSeenByCustomer(request.getBody(), ticket(key));

    // staff read every field through the same endpoints
    var staffList = new ArrayList<JsonNode>();
    get("tier2", "/api/tickets?tier=2&size=200").getBody().get("items").forEach(t -> {
      if (t.get("key").asText().equals(key)) {
        staffList.add(t);
      }
    });
    assertThat(staffList).hasSize(1);
    assertThat(staffList.get(0)).isEqualTo(ticket(key));
    for (var field : List.of("issueType", "maxTier", "coverage", "tierResponseDueAt", "failedAttempts", "inferred")) {
      assertThat(staffList.get(0).get(field).isNull()).as("the agent reads %s", field).isFalse();
    }
    assertThat(staffList.get(0).get("customer").get("vip").isBoolean()).isTrue();
  }
}
