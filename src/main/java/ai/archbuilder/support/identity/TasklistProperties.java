package ai.archbuilder.support.identity;

import ai.archbuilder.support.system.RefusedConfigurationException;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The shared Tasklist filters.
 *
 * @param atRiskWithin "SLA at risk" lists the tasks due (earlier of tier response and resolution
 *     due) within this time from now; default 2 hours. The per-ticket warning e-mails at 75 % of
 *     each window ({@code support.sla.warning-ratio}) are separate: this is the queue view.
 */
@ConfigurationProperties("support.tasklist")
public record TasklistProperties(@DefaultValue("PT2H") Duration atRiskWithin) {

  public TasklistProperties {
    if (atRiskWithin == null || atRiskWithin.isNegative() || atRiskWithin.isZero()) {
      throw new RefusedConfigurationException(
          "support.tasklist.at-risk-within must be a positive duration",
          "Set support.tasklist.at-risk-within (SUPPORT_TASKLIST_AT_RISK_WITHIN) to a duration such as PT2H or 2h, or leave it out.");
    }
  }
}
