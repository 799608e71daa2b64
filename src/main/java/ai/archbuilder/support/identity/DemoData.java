package ai.archbuilder.support.identity;

import ai.archbuilder.support.customer.CustomerStore;
import ai.archbuilder.support.customer.Plan;
import ai.archbuilder.support.mail.inbound.MailGatewayIdentity;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Demo users (password "demo") and demo customers on each plan: the demo profile only. */
@Component
@Profile("demo")
class DemoData {

  private static final Logger log = LoggerFactory.getLogger(DemoData.class);
  static final String PASSWORD = "demo";

  record DemoUser(String id, String first, String last, String email, List<String> groups) {}

  static final List<DemoUser> USERS =
      List.of(
          new DemoUser("admin", "Ada", "Admin", "admin@archbuilder.app", List.of(Groups.CAMUNDA_ADMIN)),
          new DemoUser("tier1", "Tim", "One", "tier1@archbuilder.app", List.of("tier1")),
          new DemoUser("tier2", "Tara", "Two", "tier2@archbuilder.app", List.of("tier2")),
          new DemoUser("tier3", "Theo", "Three", "tier3@archbuilder.app", List.of("tier3")),
          new DemoUser("tier4", "Fay", "Four", "tier4@archbuilder.app", List.of("tier4")),
          new DemoUser("manager", "Mona", "Manager", "manager@archbuilder.app", List.of(AccessPolicy.MANAGERS)),
          new DemoUser("owner", "Otto", "Owner", "owner@archbuilder.app", List.of(AccessPolicy.PROCESS_OWNERS)),
          new DemoUser("auditor", "Aude", "Auditor", "auditor@archbuilder.app", List.of(AccessPolicy.AUDITORS)),
          new DemoUser("alice", "Alice", "Basic", "alice@example.com", List.of(AccessPolicy.CUSTOMERS)),
          new DemoUser("paul", "Paul", "Pro", "paul@example.com", List.of(AccessPolicy.CUSTOMERS)),
          new DemoUser("erin", "Erin", "Enterprise", "erin@example.com", List.of(AccessPolicy.CUSTOMERS)));

  /** Every user the demo profile creates (password {@link #PASSWORD}), the mail gateway's included. */
  static List<String> userIds() {
    var ids = new java.util.ArrayList<>(USERS.stream().map(DemoUser::id).toList());
    ids.add(MailGatewayIdentity.DEMO_USER);
    return ids;
  }

  private final IdentityService identity;
  private final CustomerStore customers;
  private final TransactionTemplate transaction;
  private final Environment environment;

  DemoData(IdentityService identity, CustomerStore customers, TransactionTemplate transaction, Environment environment) {
    this.identity = identity;
    this.customers = customers;
    this.transaction = transaction;
    this.environment = environment;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(10)
  void load() {
    for (var u : USERS) {
      if (identity.createUserQuery().userId(u.id()).count() == 0) {
        var user = identity.newUser(u.id());
        user.setFirstName(u.first());
        user.setLastName(u.last());
        user.setEmail(u.email());
        user.setPassword(PASSWORD);
        identity.saveUser(user);
      }
      for (var g : u.groups()) {
        if (identity.createUserQuery().userId(u.id()).memberOfGroup(g).count() == 0) {
          identity.createMembership(u.id(), g);
        }
      }
    }
    transaction.executeWithoutResult(
        s -> {
          customer("alice@example.com", "Alice Basic", "Basic Builders", Plan.BASIC, false);
          customer("paul@example.com", "Paul Pro", "Pro Planners", Plan.PROFESSIONAL, false);
          customer("erin@example.com", "Erin Enterprise", "Enterprise Estates", Plan.ENTERPRISE, true);
        });
    var port = environment.getProperty("local.server.port", "8080");
    log.info(
        """

        ============================================================
         ArchBuilder.AI Support Desk is running (demo profile)
           Tasklist : http://localhost:{}/camunda/app/tasklist/
           Cockpit  : http://localhost:{}/camunda/app/cockpit/
           Admin    : http://localhost:{}/camunda/app/admin/
           Ticket API: http://localhost:{}/api/tickets
           Engine REST: http://localhost:{}/engine-rest
           Health   : http://localhost:{}/actuator/health
         Demo logins (password "demo"): admin, tier1, tier2, tier3, tier4,
           manager, owner, auditor; customers alice (BASIC), paul (PROFESSIONAL),
           erin (ENTERPRISE, VIP); mail-gateway (posts raw e-mail)
        ============================================================""",
        port, port, port, port, port, port);
  }

  private void customer(String email, String name, String organisation, Plan plan, boolean vip) {
    if (customers.findByEmail(email).isEmpty()) {
      customers.insert(email, name, organisation, plan, vip);
    }
  }
}
