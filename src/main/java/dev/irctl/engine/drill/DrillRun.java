package dev.irctl.engine.drill;

import dev.irctl.engine.Parallel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Drills every region at once: the wall time is the slowest region's, and one region's failure
 * never stops the others. Interrupting the caller aborts every drill (their resources are removed)
 * and still returns one result per region.
 */
public final class DrillRun {
  private DrillRun() {}

  public static List<RegionDrill> runAll(
      SampleDrill drill, List<DrillTarget> targets, Duration timeout) {
    if (targets.isEmpty()) {
      return List.of();
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(targets.size(), Parallel.daemon("irctl-drill"));
    try {
      List<Future<RegionDrill>> futures = new ArrayList<>();
      for (DrillTarget target : targets) {
        futures.add(pool.submit(() -> drill.run(target, timeout)));
      }
      List<RegionDrill> results = new ArrayList<>();
      boolean interrupted = false;
      for (int i = 0; i < targets.size(); i++) {
        String region = targets.get(i).region();
        while (true) {
          try {
            results.add(futures.get(i).get());
            break;
          } catch (InterruptedException e) {
            // Ctrl-C: remove every drill's queue now; each drill then ends promptly.
            interrupted = true;
            drill.abort();
          } catch (ExecutionException e) {
            results.add(
                RegionDrill.ended(
                    region,
                    DeliveryStatus.FAILED,
                    String.valueOf(e.getCause().getMessage()),
                    List.of()));
            break;
          }
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
