package ai.archbuilder.support.report;

import static org.assertj.core.api.Assertions.assertThat;

import ai.archbuilder.support.PostgresDatabase;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo", "postgres", "pgtest"})
@ContextConfiguration(initializers = PostgresDatabase.class)
@Import(ProcessEngineCoverageConfiguration.class)
class SlaReportOnPostgresTest extends SlaReportScenarios {

  @Autowired JdbcClient jdbc;

  @Test
  void theApplicationsSessionsPlanForSsdsAndCompileNoQuery() {
    // application-postgres.yml: JIT compiling took half of the report's time (README, Benchmarks)
    assertThat(jdbc.sql("SHOW jit").query(String.class).single()).isEqualTo("off");
    assertThat(jdbc.sql("SHOW random_page_cost").query(String.class).single()).isEqualTo("1.1");
  }
}
