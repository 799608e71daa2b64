package ai.archbuilder.support.system;

import java.sql.SQLException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Indexes the stock Camunda schema lacks for a support desk's load (CAMUNDA-NOTES, measured):
 * task completion looks sub-tasks up by parent id, and job acquisition by due date while many
 * SLA timers wait. Created after the engine made its schema (Flyway runs before it exists).
 */
@Component
class EngineIndexes extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(EngineIndexes.class);

  static final String[] INDEXES = {
    "CREATE INDEX IF NOT EXISTS SUPPORT_IDX_TASK_PARENT ON ACT_RU_TASK (PARENT_TASK_ID_)",
    "CREATE INDEX IF NOT EXISTS SUPPORT_IDX_JOB_DUEDATE ON ACT_RU_JOB (DUEDATE_)",
  };

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    var dataSource = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDataSource();
    try (var connection = dataSource.getConnection();
        var statement = connection.createStatement()) {
      for (var sql : INDEXES) {
        statement.execute(sql);
      }
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    } catch (SQLException e) {
      log.warn("Could not create the engine's extra indexes: {}", e.getMessage());
    }
  }
}
