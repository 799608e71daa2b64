package ai.archbuilder.support.system;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Rows read once per transaction. One engine command (a ticket's intake, a timer, a completed
 * task) reads the same ticket row from a dozen places: the delegates, the listeners and every timer
 * expression. Within one transaction the row can only change through our own store, which evicts
 * it, so the first read serves the rest. Outside a transaction nothing is kept. A suspended
 * transaction's rows are not visible to the one that runs while it waits ({@code REQUIRES_NEW}).
 *
 * @param <K> the row's key
 * @param <V> the row
 */
public final class TransactionCache<K, V> {

  private final String name;

  /** {@code name}: what the rows are, for the transaction's resource map (one cache per name). */
  public TransactionCache(String name) {
    this.name = TransactionCache.class.getName() + "." + name;
  }

  /** The row from this transaction's cache, or from {@code load} (then kept if present). */
  public Optional<V> get(K key, Supplier<Optional<V>> load) {
    var rows = rows();
    if (rows == null) {
      return load.get();
    }
    var cached = rows.get(key);
    if (cached != null) {
      return Optional.of(cached);
    }
    var loaded = load.get();
    loaded.ifPresent(v -> rows.put(key, v));
    return loaded;
  }

  /** The row was written: the next read in this transaction goes to the database. */
  public void evict(K key) {
    var rows = rows();
    if (rows != null) {
      rows.remove(key);
    }
  }

  @SuppressWarnings("unchecked")
  private Map<K, V> rows() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return null;
    }
    var rows = (Map<K, V>) TransactionSynchronizationManager.getResource(name);
    if (rows == null) {
      var fresh = new HashMap<K, V>();
      TransactionSynchronizationManager.bindResource(name, fresh);
      TransactionSynchronizationManager.registerSynchronization(new Unbind(name, fresh));
      rows = fresh;
    }
    return rows;
  }

  /** Keeps the map with its transaction: away while it is suspended, gone when it completes. */
  private record Unbind(String name, Map<?, ?> rows) implements TransactionSynchronization {
    @Override
    public void suspend() {
      TransactionSynchronizationManager.unbindResourceIfPossible(name);
    }

    @Override
    public void resume() {
      TransactionSynchronizationManager.bindResource(name, rows);
    }

    @Override
    public void afterCompletion(int status) {
      TransactionSynchronizationManager.unbindResourceIfPossible(name);
    }
  }

  /** Whether the row is held in the current transaction (for tests). */
  public boolean holds(K key) {
    return TransactionSynchronizationManager.getResource(name) instanceof Map<?, ?> rows && rows.containsKey(key);
  }
}
