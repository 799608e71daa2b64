package ai.archbuilder.support.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.archbuilder.support.system.RefusedConfigurationException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The warning share is configuration ({@code support.sla.warning-ratio}, policy §4: 75 %): set to
 * half, the warning timer, the history and the e-mail all follow it.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "support.sla.warning-ratio=0.5",
      "spring.datasource.url=jdbc:h2:mem:support-warning-ratio;DB_CLOSE_DELAY=-1"
    })
@ActiveProfiles({"test", "demo"})
class SlaWarningRatioTest extends ProcessScenarios {

  @Test
  void theWarningComesAtTheConfiguredShareOfTheWindowAndSaysSo() {
    setClock(la("2026-11-24T10:00:00")); // Tuesday
    // PROFESSIONAL P2: first response within 4 business hours, by 14:00
    var key = create("admin", "paul@example.com", "Card charged twice", "The payment was taken twice this month",
        "category", "BILLING", "subcategory", "PAYMENT", "impact", "MAJOR");
    assertThat(timerDueDates(key, "Boundary_ResponseWarning")).containsExactly(la("2026-11-24T12:00:00"));

    advanceTo(la("2026-11-24T12:00:00"));

    assertThat(details(key, "SLA_WARNING")).containsExactly("RESPONSE window 50 % used");
    var text = jdbc.sql("SELECT body_text FROM outbound_mail WHERE id = ?")
        .param(mails(key, "sla-warning").get(0).id()).query(String.class).single();
    assertThat(text).contains("has used 50 % of its response window");
  }

  @Test
  void aShareThatIsNoneOrAllOfTheWindowIsRefusedAtStart() {
    for (double wrong : new double[] {0, 1, 1.5, -0.25, Double.NaN}) {
      assertThatThrownBy(() -> SlaPlanner.checkedWarningRatio(wrong))
          .as("%s", wrong)
          .isInstanceOf(RefusedConfigurationException.class)
          .hasMessageContaining("support.sla.warning-ratio (SUPPORT_SLA_WARNING_RATIO) is " + wrong)
          .extracting(e -> ((RefusedConfigurationException) e).action()).asString().contains("e.g. 0.75");
    }
    assertThat(SlaPlanner.checkedWarningRatio(0.75)).isEqualTo(0.75);
  }
}
