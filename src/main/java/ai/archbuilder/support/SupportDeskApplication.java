package ai.archbuilder.support;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.thymeleaf.ThymeleafAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The application. Thymeleaf renders the e-mail templates with an engine of its own
 * (MailTemplates): Spring Boot's web template engine and view resolver would serve no page, and
 * warned at every start that {@code classpath:/templates/} does not exist.
 */
@SpringBootApplication(exclude = ThymeleafAutoConfiguration.class)
@ConfigurationPropertiesScan
@EnableScheduling
public class SupportDeskApplication {

  public static void main(String[] args) {
    SpringApplication.run(SupportDeskApplication.class, args);
  }
}
