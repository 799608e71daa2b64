package ai.archbuilder.support.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.ActiveProfiles;

/**
 * A mail server that accepts the connection and then hangs must fail the delivery job in time:
 * Jakarta Mail waits forever by default, and a delivery job still running when its lock expires
 * is acquired and run again by another thread (the e-mail goes out twice), while each hanging
 * delivery holds one of the job executor's threads (enough of them stop every SLA timer). The
 * configured timeouts (application.yml) end a hanging delivery well inside the job's lock.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class MailServerTimeoutsTest {

  @Autowired JavaMailSenderImpl sender;
  /** The job executor's lock on a job it runs (the tests run jobs themselves: the setting, not the executor). */
  @Value("${camunda.bpm.job-execution.lock-time-in-millis}")
  long lockMillis;

  @Test
  void aHangingMailServerFailsTheDeliveryWellInsideTheJobsLock() {
    var session = sender.getSession().getProperties();
    var lock = Duration.ofMillis(lockMillis);
    assertThat(lock).isEqualTo(Duration.ofMinutes(2));
    for (var name : new String[] {"mail.smtp.connectiontimeout", "mail.smtp.timeout", "mail.smtp.writetimeout"}) {
      assertThat(session.getProperty(name)).as(name).isNotNull();
      var timeout = Duration.ofMillis(Long.parseLong(session.getProperty(name)));
      assertThat(timeout).as(name).isPositive().isLessThanOrEqualTo(lock.dividedBy(4));
    }
  }
}
