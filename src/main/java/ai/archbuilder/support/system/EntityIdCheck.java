package ai.archbuilder.support.system;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.IdGenerator;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.PersistenceSession;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManagerFactory;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.stereotype.Component;

/**
 * The engine checks the id of every row it inserts (not null, not the reserved {@code *}), and
 * builds the error message first: {@code "Entity " + entity + " has an invalid id"}, so every
 * insert renders the whole entity as text (a history event lists all its fields). That took 5–8 %
 * of the job threads' CPU in the benchmark's timer drain (README, Benchmarks). This plugin gives
 * the engine an entity manager that checks the id first and builds the same message only for an
 * id that fails, by asking the engine's own check. Nothing else changes.
 */
@Component
class EntityIdCheck extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    var factories = new ArrayList<SessionFactory>();
    if (configuration.getCustomSessionFactories() != null) {
      factories.addAll(configuration.getCustomSessionFactories());
    }
    // custom session factories are registered after the engine's own: this one replaces its DbEntityManagerFactory
    factories.add(new Factory());
    configuration.setCustomSessionFactories(factories);
  }

  /** Opens {@link Manager}s; the id generator is the engine's, read when a session opens. */
  static class Factory extends DbEntityManagerFactory {

    Factory() {
      super(null);
    }

    @Override
    public DbEntityManager openSession() {
      var persistence = Context.getCommandContext().getSession(PersistenceSession.class);
      return new Manager(Context.getProcessEngineConfiguration().getIdGenerator(), persistence);
    }
  }

  /** The engine's entity manager with the id check's message built on failure only. */
  static class Manager extends DbEntityManager {

    Manager(IdGenerator ids, PersistenceSession persistence) {
      super(ids, persistence);
    }

    @Override
    protected void validateId(DbEntity entity) {
      var id = entity.getId();
      if (id == null || id.equals("*")) {
        super.validateId(entity);
      }
    }
  }
}
