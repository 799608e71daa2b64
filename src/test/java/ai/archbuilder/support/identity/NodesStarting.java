package ai.archbuilder.support.identity;

import java.util.ArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Nodes of a cluster starting on one database at the same moment, played by threads. */
final class NodesStarting {

  private NodesStarting() {}

  /** Runs {@code start} on {@code nodes} threads released together; a failed node's exception comes out. */
  static void together(int nodes, Runnable start) throws Exception {
    var barrier = new CyclicBarrier(nodes);
    var pool = Executors.newFixedThreadPool(nodes);
    try {
      var starts = new ArrayList<Future<?>>();
      for (int i = 0; i < nodes; i++) {
        starts.add(pool.submit(() -> {
          barrier.await();
          start.run();
          return null;
        }));
      }
      for (var s : starts) {
        s.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
