package ai.archbuilder.support.mail.inbound;

import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * The group {@code mail-gateways}, whose members may post raw e-mail to {@code /api/inbound-mail};
 * in the demo profile also its member {@code mail-gateway} (password {@code demo}).
 */
@Component
public class MailGatewayIdentity implements ApplicationRunner {

  static final String GROUP = "mail-gateways";
  public static final String DEMO_USER = "mail-gateway";

  private static final Logger log = LoggerFactory.getLogger(MailGatewayIdentity.class);

  private final IdentityService identity;
  private final Environment environment;

  MailGatewayIdentity(IdentityService identity, Environment environment) {
    this.identity = identity;
    this.environment = environment;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (identity.createGroupQuery().groupId(GROUP).count() == 0) {
      var group = identity.newGroup(GROUP);
      group.setName("Mail gateways");
      group.setType("SYSTEM");
      identity.saveGroup(group);
      log.info("Created group {}", GROUP);
    }
    if (environment.acceptsProfiles(Profiles.of("demo"))) {
      if (identity.createUserQuery().userId(DEMO_USER).count() == 0) {
        var user = identity.newUser(DEMO_USER);
        user.setFirstName("Mail");
        user.setLastName("Gateway");
        user.setPassword("demo");
        identity.saveUser(user);
      }
      if (identity.createUserQuery().userId(DEMO_USER).memberOfGroup(GROUP).count() == 0) {
        identity.createMembership(DEMO_USER, GROUP);
      }
    }
  }
}
