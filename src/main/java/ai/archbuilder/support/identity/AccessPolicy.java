package ai.archbuilder.support.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import ai.archbuilder.support.system.Tiers;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * The groups of policy §8 and what each may do in the engine, created at start-up in every
 * profile (users are not: demo users come with the demo profile only). Tier agents get their
 * tasks through the candidate-group authorizations the engine grants per task; managers see every
 * task, assign it and work it, and, like agents, write no variables of a task or its process.
 */
@Component
class AccessPolicy implements SmartInitializingSingleton {

  static final List<String> TIERS = Tiers.groups();
  static final String MANAGERS = "support-managers";
  static final String PROCESS_OWNERS = "process-owners";
  static final String AUDITORS = "auditors";
  static final String CUSTOMERS = "customers";

  private final IdentityService identity;
  private final AuthorizationService authorizations;

  AccessPolicy(IdentityService identity, AuthorizationService authorizations) {
    this.identity = identity;
    this.authorizations = authorizations;
  }

  /**
   * Before the web server starts (Spring Boot binds its port when the context's lifecycle starts,
   * after every singleton is made): older grants, wider than this version's, are narrowed before the
   * first request, and the groups exist when it comes.
   */
  @Override
  public void afterSingletonsInstantiated() {
    atStart();
  }

  void atStart() {
    ConcurrentStarts.retried("Creating the groups and their grants", this::ensureGroups);
  }

  void ensureGroups() {
    for (int i = 0; i < TIERS.size(); i++) {
      group(TIERS.get(i), "Tier " + (i + 1) + " agents");
      grant(TIERS.get(i), Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      grant(TIERS.get(i), Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
      // each shared filter is granted to its own group (TasklistFilters); older versions granted all
      revoke(TIERS.get(i), Resources.FILTER, ANY);
    }
    group(MANAGERS, "Support managers");
    grant(MANAGERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grant(MANAGERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    revoke(MANAGERS, Resources.FILTER, ANY);
    // TASK_ASSIGN: assign, delegate, candidate groups, due dates; TASK_WORK: claim, complete through the form
    grant(MANAGERS, Resources.TASK, ANY, Permissions.READ, Permissions.TASK_ASSIGN, Permissions.TASK_WORK);
    grant(MANAGERS, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.READ_INSTANCE, Permissions.READ_HISTORY, Permissions.READ_TASK,
        Permissions.TASK_ASSIGN, Permissions.TASK_WORK);
    grant(MANAGERS, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
    grant(MANAGERS, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);

    group(PROCESS_OWNERS, "Process owners");
    grant(PROCESS_OWNERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(PROCESS_OWNERS, Resources.DEPLOYMENT, ANY, Permissions.CREATE, Permissions.READ);
    grant(PROCESS_OWNERS, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY, Permissions.READ_INSTANCE);
    grant(PROCESS_OWNERS, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
    grant(PROCESS_OWNERS, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);

    group(AUDITORS, "Auditors (read only)");
    grant(AUDITORS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(AUDITORS, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY, Permissions.READ_INSTANCE);
    grant(AUDITORS, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
    grant(AUDITORS, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
    grant(AUDITORS, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
    grant(AUDITORS, Resources.DEPLOYMENT, ANY, Permissions.READ);
    grant(AUDITORS, Resources.OPERATION_LOG_CATEGORY, ANY, UserOperationLogCategoryPermissions.READ);

    group(CUSTOMERS, "Customers (API: own tickets only)");
    ensureAdminGroup();
    narrowOwnProfileGrants();
    narrowTaskGrants();
    narrowManagerGrants();
  }

  /**
   * camunda-admin with every permission. The prod profile's admin is made a member of it before the
   * web server starts (ProductionAdmin), earlier than {@link #ensureGroups()} runs, so it calls this
   * itself.
   */
  void ensureAdminGroup() {
    group(Groups.CAMUNDA_ADMIN, "Camunda administrators");
    for (var resource : Resources.values()) {
      grant(Groups.CAMUNDA_ADMIN, resource, ANY, Permissions.ALL);
    }
  }

  /**
   * Users read their own profile only (OwnProfileReadOnly); those created before were granted ALL on
   * themselves by the engine.
   */
  private void narrowOwnProfileGrants() {
    authorizations.createAuthorizationQuery().resourceType(Resources.USER).hasPermission(Permissions.UPDATE).list().stream()
        .filter(a -> a.getAuthorizationType() == AUTH_TYPE_GRANT && a.getUserId() != null && a.getUserId().equals(a.getResourceId()))
        .forEach(
            a -> {
              a.setPermissions(new Permission[] {Permissions.READ});
              authorizations.saveAuthorization(a);
            });
  }

  /**
   * A task's candidates and assignee work it (TASK_WORK: claim, complete) and do not update it or
   * its variables (application.yml, default-user-permission-name-for-task); tasks created before
   * were granted UPDATE on their own.
   */
  private void narrowTaskGrants() {
    authorizations.createAuthorizationQuery().resourceType(Resources.TASK).hasPermission(Permissions.UPDATE).list().stream()
        .filter(a -> a.getAuthorizationType() == AUTH_TYPE_GRANT && !ANY.equals(a.getResourceId()) && !a.isEveryPermissionGranted())
        .forEach(
            a -> {
              a.removePermission(Permissions.UPDATE);
              a.addPermission(Permissions.TASK_WORK);
              authorizations.saveAuthorization(a);
            });
  }

  /**
   * Managers assign and work every task and write none of its variables: older versions granted
   * them UPDATE on every task and UPDATE_TASK on every process definition, with which a manager set
   * any variable of any ticket's process over /engine-rest, past the task's form (TaskFormInput).
   */
  private void narrowManagerGrants() {
    withdraw(MANAGERS, Resources.TASK, ANY, Permissions.UPDATE);
    withdraw(MANAGERS, Resources.PROCESS_DEFINITION, ANY, Permissions.UPDATE_TASK);
  }

  private void group(String id, String name) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      var g = identity.newGroup(id);
      g.setName(name);
      g.setType(Groups.GROUP_TYPE_WORKFLOW);
      identity.saveGroup(g);
    }
  }

  private void revoke(String group, Resource resource, String resourceId) {
    authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(resource).resourceId(resourceId).list()
        .forEach(a -> authorizations.deleteAuthorization(a.getId()));
  }

  /** Takes permissions out of the group's stored grant, if it has one; its other permissions stay. */
  private void withdraw(String group, Resource resource, String resourceId, Permission... permissions) {
    authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(resource).resourceId(resourceId).list().stream()
        .filter(a -> a.getAuthorizationType() == AUTH_TYPE_GRANT)
        .filter(a -> Arrays.stream(permissions).anyMatch(a::isPermissionGranted))
        .forEach(
            a -> {
              for (var p : permissions) {
                a.removePermission(p);
              }
              authorizations.saveAuthorization(a);
            });
  }

  private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
    var existing =
        authorizations
            .createAuthorizationQuery()
            .groupIdIn(group)
            .resourceType(resource)
            .resourceId(resourceId)
            .list();
    // saved only when it changes: a save is an update with a revision check, and every node of a
    // cluster runs this at its start (ConcurrentStarts): unchanged grants must not collide
    if (!existing.isEmpty() && existing.get(0).getAuthorizationType() == AUTH_TYPE_GRANT
        && Arrays.stream(permissions).allMatch(existing.get(0)::isPermissionGranted)) {
      return;
    }
    var authorization = existing.isEmpty() ? authorizations.createNewAuthorization(AUTH_TYPE_GRANT) : existing.get(0);
    authorization.setGroupId(group);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    for (var p : permissions) {
      authorization.addPermission(p);
    }
    authorizations.saveAuthorization(authorization);
  }
}
