package ai.archbuilder.support;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class SupportDeskApplication {

  public static void main(String[] args) {
    SpringApplication.run(SupportDeskApplication.class, args);
  }
}
