package ai.archbuilder.support.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The engine's entity manager is ours (EntityIdCheck): an insert with a valid id no longer renders
 * the entity as text, and an invalid id fails exactly as in the engine.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class EntityIdCheckTest {

  @Autowired ProcessEngine engine;

  /** A row whose text rendering is counted, like a history event that lists all its fields. */
  static final class Row implements DbEntity {
    final AtomicInteger rendered = new AtomicInteger();
    String id;

    Row(String id) {
      this.id = id;
    }

    @Override
    public String getId() {
      return id;
    }

    @Override
    public void setId(String id) {
      this.id = id;
    }

    @Override
    public Object getPersistentState() {
      return id;
    }

    @Override
    public String toString() {
      rendered.incrementAndGet();
      return "Row[" + id + "]";
    }
  }

  private <T> T inCommand(Command<T> command) {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired().execute(command);
  }

  private EntityIdCheck.Manager manager() {
    var manager = inCommand(context -> context.getSession(DbEntityManager.class));
    assertThat(manager).isInstanceOf(EntityIdCheck.Manager.class);
    return (EntityIdCheck.Manager) manager;
  }

  @Test
  void theEngineOpensOurEntityManagerInEveryCommand() {
    manager();
    var factory =
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getSessionFactories().get(DbEntityManager.class);
    assertThat(factory).isInstanceOf(EntityIdCheck.Factory.class);
    // and the engine writes through it: a row inserted and read back
    var identity = engine.getIdentityService();
    var user = identity.newUser("idcheck");
    user.setFirstName("Id");
    user.setLastName("Check");
    identity.saveUser(user);
    try {
      assertThat(identity.createUserQuery().userId("idcheck").singleResult().getLastName()).isEqualTo("Check");
    } finally {
      identity.deleteUser("idcheck");
    }
  }

  @Test
  void aValidIdIsNotRenderedAsText() {
    var row = new Row("3f1c2a8e-0000-4000-8000-000000000001");
    manager().validateId(row);
    assertThat(row.rendered).hasValue(0);
  }

  @Test
  void aMissingOrReservedIdFailsWithTheEnginesMessage() {
    var manager = manager();
    assertThatThrownBy(() -> manager.validateId(new Row(null)))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("Entity Row[null] has an invalid id")
        .hasMessageContaining("id is null");
    assertThatThrownBy(() -> manager.validateId(new Row("*")))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("Entity Row[*] has an invalid id")
        .hasMessageContaining("cannot be *");
  }
}
