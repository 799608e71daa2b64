package ai.archbuilder.support.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * What an auditor relies on is deliberate: full history, a time-to-live on every deployed diagram
 * and decision, and history cleanup that runs in its nightly window (application.yml).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class HistoryConfigurationTest {

  static final int TTL_DAYS = 365;

  @Autowired ProcessEngine engine;

  ProcessEngineConfigurationImpl configuration() {
    return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  @Test
  void historyLevelIsFull() {
    // the decisions' inputs and outputs, every variable change and the operation log need FULL
    assertThat(configuration().getHistoryLevel()).isEqualTo(HistoryLevel.HISTORY_LEVEL_FULL);
    assertThat(configuration().getHistory()).isEqualTo("full");
  }

  @Test
  void engineEventsAreNotRepublishedAsSpringEvents() {
    // nothing of ours listens; each job would pay for every execution, task and history event
    var c = configuration();
    var hooks = new ArrayList<Object>();
    hooks.addAll(c.getCustomPreBPMNParseListeners());
    hooks.addAll(c.getCustomPostBPMNParseListeners());
    hooks.addAll(c.getCustomHistoryEventHandlers());
    assertThat(hooks).extracting(h -> h.getClass().getName())
        .noneMatch(name -> name.startsWith("org.camunda.bpm.spring.boot.starter.event."));
  }

  @Test
  void cleanupRunsInTheNightlyWindowByRemovalTime() {
    var c = configuration();
    assertThat(c.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
    assertThat(c.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
    assertThat(c.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
    // a ticket's history is kept for the TTL counted from the end of its process, not its start
    assertThat(c.getHistoryRemovalTimeStrategy()).isEqualTo("end");
    assertThat(c.isEnforceHistoryTimeToLive()).isTrue();
    // with a window configured the engine schedules the cleanup job itself
    assertThat(engine.getHistoryService().findHistoryCleanupJobs()).isNotEmpty();
  }

  @Test
  void everyDeployedDiagramAndDecisionHasItsTimeToLive() {
    var repository = engine.getRepositoryService();
    var processes = repository.createProcessDefinitionQuery().list();
    var decisions = repository.createDecisionDefinitionQuery().list();
    assertThat(processes).extracting(ProcessDefinition::getKey)
        .contains("TicketLifecycleProcess", "EscalationProcess", "MailDeliveryProcess");
    assertThat(decisions).extracting(DecisionDefinition::getKey).contains("ticketPriority", "basePriority", "slaTargets");
    assertThat(processes).allSatisfy(p ->
        assertThat(p.getHistoryTimeToLive()).as("historyTimeToLive of %s", p.getId()).isEqualTo(TTL_DAYS));
    assertThat(decisions).allSatisfy(d ->
        assertThat(d.getHistoryTimeToLive()).as("historyTimeToLive of %s", d.getId()).isEqualTo(TTL_DAYS));
  }

  @Test
  void decisionEvaluationsGetARemovalTime() {
    // evaluating a decision on its own (not in a process) still ends after its TTL
    var before = ClockUtil.getCurrentTime();
    var result = engine.getDecisionService().evaluateDecisionByKey("slaTargets")
        .variables(java.util.Map.of("priority", "P3")).evaluate();
    assertThat(result.getSingleResult().getEntryMap()).containsKey("firstResponseHours");
    // this evaluation: on its own, from now on (other tests' tickets evaluate the table in processes, some dated later)
    var evaluation = engine.getHistoryService().createHistoricDecisionInstanceQuery()
        .decisionDefinitionKey("slaTargets").evaluatedAfter(new Date(before.getTime() - 1000)).list().stream()
        .filter(d -> d.getProcessInstanceId() == null)
        .max(Comparator.comparing(HistoricDecisionInstance::getEvaluationTime))
        .orElseThrow();
    assertThat(evaluation).extracting(HistoricDecisionInstance::getRemovalTime).isNotNull();
  }
}
