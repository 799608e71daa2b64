package ai.archbuilder.support.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The per-transaction row cache: one read per transaction, none kept across or outside them. */
class TransactionCacheTest {

  final TransactionCache<Long, String> cache = new TransactionCache<>("test");
  final AtomicInteger reads = new AtomicInteger();
  TransactionTemplate tx;
  TransactionTemplate newTx;

  @BeforeEach
  void transactions() {
    var ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:transaction-cache-test;DB_CLOSE_DELAY=-1");
    var manager = new DataSourceTransactionManager(ds);
    tx = new TransactionTemplate(manager);
    newTx = new TransactionTemplate(manager);
    newTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  Optional<String> load(long id) {
    return cache.get(id, () -> Optional.of("row " + id + " read " + reads.incrementAndGet()));
  }

  @Test
  void aRowIsReadOncePerTransaction() {
    var values = tx.execute(s -> new String[] {load(1).orElseThrow(), load(1).orElseThrow(), load(2).orElseThrow()});
    assertThat(values).containsExactly("row 1 read 1", "row 1 read 1", "row 2 read 2");
    assertThat(reads).hasValue(2);
  }

  @Test
  void anEvictedRowIsReadAgain() {
    var values =
        tx.execute(
            s -> {
              var first = load(1).orElseThrow();
              cache.evict(1L);
              return new String[] {first, load(1).orElseThrow()};
            });
    assertThat(values).containsExactly("row 1 read 1", "row 1 read 2");
  }

  @Test
  void nothingIsKeptAcrossTransactions() {
    tx.execute(s -> load(1));
    var second = tx.execute(s -> load(1).orElseThrow());
    assertThat(second).isEqualTo("row 1 read 2");
    tx.execute(s -> assertThat(cache.holds(1L)).isFalse());
  }

  @Test
  void outsideATransactionEveryReadGoesToTheDatabase() {
    load(1);
    load(1);
    assertThat(reads).hasValue(2);
  }

  @Test
  void aMissingRowIsNotCached() {
    var calls = new AtomicInteger();
    tx.execute(
        s -> {
          cache.get(7L, () -> {
            calls.incrementAndGet();
            return Optional.empty();
          });
          return cache.get(7L, () -> {
            calls.incrementAndGet();
            return Optional.of("created meanwhile");
          });
        });
    assertThat(calls).hasValue(2);
  }

  @Test
  void aNewTransactionInsideSeesNoneOfTheOuterRowsAndTheOuterKeepsItsOwn() {
    var values =
        tx.execute(
            outer -> {
              var before = load(1).orElseThrow();
              var inner = newTx.execute(s -> load(1).orElseThrow());
              var after = load(1).orElseThrow();
              return new String[] {before, inner, after};
            });
    assertThat(values).containsExactly("row 1 read 1", "row 1 read 2", "row 1 read 1");
  }
}
