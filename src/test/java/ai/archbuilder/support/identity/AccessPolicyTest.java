package ai.archbuilder.support.identity;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * What the engine grants on its own, narrowed: a user reads her own profile and changes nothing of
 * it, a task's candidates work it and do not update it, and managers assign and work every task
 * without updating it. New users and tasks get so from the engine; those an older version created,
 * and the managers' older grants, are narrowed when the application starts (AccessPolicy).
 */
@SpringBootTest
@ActiveProfiles({"test", "demo"})
class AccessPolicyTest {

  @Autowired AccessPolicy policy;
  @Autowired IdentityService identity;
  @Autowired AuthorizationService authorizations;
  @Autowired TaskService tasks;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;

  private boolean may(String user, List<String> groups, Permission permission, Resources resource, String id) {
    return authorizations.isUserAuthorized(user, groups, permission, resource, id);
  }

  /**
   * A start on a database whose grants are in place writes none: a save is an update with a
   * revision check, so rewriting unchanged grants made nodes starting together collide every time.
   */
  @Test
  void aStartWithTheGrantsInPlaceSavesNone() {
    policy.ensureGroups();
    var before = revisions();
    policy.ensureGroups();
    assertThat(revisions()).isEqualTo(before).isNotEmpty();
  }

  private java.util.Map<String, Integer> revisions() {
    var all = new java.util.TreeMap<String, Integer>();
    authorizations.createAuthorizationQuery().list()
        .forEach(a -> all.put(a.getId(), ((org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity) a).getRevision()));
    return all;
  }

  /** Nodes starting together on one database all create the groups and grants: none fails its start. */
  @Test
  void nodesStartingTogetherAllGetThroughTheGroupsAndGrants() throws Exception {
    NodesStarting.together(4, policy::atStart);
    assertThat(identity.createGroupQuery().groupId(AccessPolicy.MANAGERS).count()).isEqualTo(1);
    assertThat(authorizations.createAuthorizationQuery().groupIdIn(org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN)
        .resourceType(org.camunda.bpm.engine.authorization.Resources.TASK).count()).isEqualTo(1);
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
      // nor do the managers update it: they assign and work it
      var managers = List.of(AccessPolicy.MANAGERS);
      assertThat(may("mona", managers, Permissions.TASK_ASSIGN, Resources.TASK, task.getId())).isTrue();
      assertThat(may("mona", managers, Permissions.TASK_WORK, Resources.TASK, task.getId())).isTrue();
      assertThat(may("mona", managers, Permissions.UPDATE, Resources.TASK, task.getId())).isFalse();
    } finally {
      tasks.deleteTask(task.getId(), true);
    }
  }

  @Test
  void managersOlderGrantsToUpdateEveryTaskAreNarrowedAtStartToAssignAndWork() {
    var model = Bpmn.createExecutableProcess("ManagerGrantsProcess").camundaHistoryTimeToLive(1)
        .startEvent().userTask("Task_Check").camundaCandidateGroups("tier1").endEvent().done();
    var deployment = repository.createDeployment().name("manager grants").addModelInstance("ManagerGrantsProcess.bpmn", model).deploy();
    var managers = List.of(AccessPolicy.MANAGERS);
    try {
      var instance = runtime.startProcessInstanceByKey("ManagerGrantsProcess", Map.of("tier", 1));
      var task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();

      // as an older version left them: UPDATE on every task, UPDATE_TASK on every process definition
      var onTasks = managersGrant(Resources.TASK);
      onTasks.addPermission(Permissions.UPDATE);
      authorizations.saveAuthorization(onTasks);
      var onDefinitions = managersGrant(Resources.PROCESS_DEFINITION);
      onDefinitions.addPermission(Permissions.UPDATE_TASK);
      authorizations.saveAuthorization(onDefinitions);
      asManager(() -> tasks.setVariable(task.getId(), "tier", 4));
      assertThat(runtime.getVariable(instance.getId(), "tier")).as("the older grant let her write the process's variables").isEqualTo(4);
      runtime.setVariable(instance.getId(), "tier", 1);

      policy.ensureGroups();
      assertThat(managersGrant(Resources.TASK).isPermissionGranted(Permissions.UPDATE)).isFalse();
      assertThat(managersGrant(Resources.PROCESS_DEFINITION).isPermissionGranted(Permissions.UPDATE_TASK)).isFalse();
      assertThat(managersGrant(Resources.PROCESS_DEFINITION).isPermissionGranted(Permissions.READ_INSTANCE)).as("the rest stays").isTrue();
      assertThat(may("mona", managers, Permissions.UPDATE, Resources.TASK, task.getId())).isFalse();
      assertThat(may("mona", managers, Permissions.UPDATE_TASK, Resources.PROCESS_DEFINITION, "ManagerGrantsProcess")).isFalse();
      assertThatThrownBy(() -> asManager(() -> tasks.setVariable(task.getId(), "tier", 4))).isInstanceOf(AuthorizationException.class);
      assertThatThrownBy(() -> asManager(() -> tasks.setVariableLocal(task.getId(), "tier", 4))).isInstanceOf(AuthorizationException.class);
      assertThat(runtime.getVariable(instance.getId(), "tier")).isEqualTo(1);
      assertThat(tasks.getVariablesLocal(task.getId())).isEmpty();

      // she still sees, assigns, claims and completes it
      asManager(() -> tasks.setAssignee(task.getId(), "tier1"));
      asManager(() -> tasks.setAssignee(task.getId(), null));
      asManager(() -> tasks.claim(task.getId(), "mona"));
      asManager(() -> tasks.complete(task.getId()));
      assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
    } finally {
      repository.deleteDeployment(deployment.getId(), true);
    }
  }

  private Authorization managersGrant(Resources resource) {
    return authorizations.createAuthorizationQuery().groupIdIn(AccessPolicy.MANAGERS).resourceType(resource).resourceId(Authorization.ANY)
        .singleResult();
  }

  private void asManager(Runnable work) {
    identity.setAuthentication("mona", List.of(AccessPolicy.MANAGERS));
    try {
      work.run();
    } finally {
      identity.clearAuthentication();
    }
  }
}
