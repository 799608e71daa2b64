package ai.archbuilder.support.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
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
 * it, a task's candidates work it and do not update it. New users and tasks get so from the engine;
 * those an older version created are narrowed when the application starts (AccessPolicy).
 */
@SpringBootTest
@ActiveProfiles({"test", "demo"})
class AccessPolicyTest {

  @Autowired AccessPolicy policy;
  @Autowired IdentityService identity;
  @Autowired AuthorizationService authorizations;
  @Autowired TaskService tasks;

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

  @Test
  void aTasksCandidatesWorkItAndThoseOfTasksCreatedBeforeAreNarrowedAtStart() {
    var task = tasks.newTask();
    task.setName("Call the customer back");
    tasks.saveTask(task);
    try {
      tasks.addCandidateGroup(task.getId(), "tier1");
      var tier1 = List.of("tier1");
      assertThat(may("tim", tier1, Permissions.READ, Resources.TASK, task.getId())).isTrue();
      assertThat(may("tim", tier1, Permissions.TASK_WORK, Resources.TASK, task.getId())).isTrue();
      assertThat(may("tim", tier1, Permissions.UPDATE, Resources.TASK, task.getId())).isFalse();

      // as an older version left it: Camunda's default UPDATE for the candidate group
      var grant = authorizations.createAuthorizationQuery().groupIdIn("tier1").resourceType(Resources.TASK).resourceId(task.getId())
          .singleResult();
      grant.setPermissions(new Permission[] {Permissions.READ, Permissions.UPDATE});
      authorizations.saveAuthorization(grant);
      assertThat(may("tim", tier1, Permissions.UPDATE, Resources.TASK, task.getId())).isTrue();

      policy.ensureGroups();
      assertThat(may("tim", tier1, Permissions.READ, Resources.TASK, task.getId())).isTrue();
      assertThat(may("tim", tier1, Permissions.TASK_WORK, Resources.TASK, task.getId())).isTrue();
      assertThat(may("tim", tier1, Permissions.UPDATE, Resources.TASK, task.getId())).isFalse();
      // the managers' grant on every task is theirs to keep
      assertThat(may("mona", List.of(AccessPolicy.MANAGERS), Permissions.UPDATE, Resources.TASK, task.getId())).isTrue();
    } finally {
      tasks.deleteTask(task.getId(), true);
    }
  }
}
