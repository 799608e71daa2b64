package ai.archbuilder.support.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * What the engine grants on its own, narrowed: a user reads her own profile and changes nothing of
 * it. New users get so from the engine; those an older version created are narrowed when the
 * application starts (AccessPolicy).
 */
@SpringBootTest
@ActiveProfiles({"test", "demo"})
class AccessPolicyTest {

  @Autowired AccessPolicy policy;
  @Autowired IdentityService identity;
  @Autowired AuthorizationService authorizations;

  private boolean may(String user, List<String> groups, Permission permission, Resources resource, String id) {
    return authorizations.isUserAuthorized(user, groups, permission, resource, id);
  }

  @Test
  void aUserReadsHerOwnProfileOnlyAndThoseCreatedBeforeAreNarrowedAtStart() {
    var user = identity.newUser("olga");
    user.setEmail("olga@example.com");
    user.setPassword("olga-password");
    identity.saveUser(user);
    try {
      assertThat(may("olga", List.of(), Permissions.READ, Resources.USER, "olga")).isTrue();
      assertThat(may("olga", List.of(), Permissions.UPDATE, Resources.USER, "olga")).isFalse();
      assertThat(may("olga", List.of(), Permissions.DELETE, Resources.USER, "olga")).isFalse();

      // as an older version left her: the engine's ALL on herself
      var own = authorizations.createAuthorizationQuery().userIdIn("olga").resourceType(Resources.USER).resourceId("olga").singleResult();
      own.setPermissions(new Permission[] {Permissions.ALL});
      authorizations.saveAuthorization(own);
      assertThat(may("olga", List.of(), Permissions.UPDATE, Resources.USER, "olga")).isTrue();

      policy.ensureGroups();
      assertThat(may("olga", List.of(), Permissions.READ, Resources.USER, "olga")).isTrue();
      assertThat(may("olga", List.of(), Permissions.UPDATE, Resources.USER, "olga")).isFalse();
      assertThat(may("olga", List.of(), Permissions.DELETE, Resources.USER, "olga")).isFalse();
      // the administrators still manage her, and every demo user was narrowed too
      assertThat(may("admin", List.of(Groups.CAMUNDA_ADMIN), Permissions.UPDATE, Resources.USER, "olga")).isTrue();
      for (var demo : DemoData.USERS) {
        assertThat(may(demo.id(), List.of(), Permissions.UPDATE, Resources.USER, demo.id())).as(demo.id()).isFalse();
      }
    } finally {
      identity.deleteUser("olga");
    }
  }
}
