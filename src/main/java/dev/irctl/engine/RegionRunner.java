package dev.irctl.engine;

import dev.irctl.engine.port.AwsCallException;
import dev.irctl.engine.region.RegionSelection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs one task per region, at most {@code concurrency} at once. A failure in one region is caught
 * and becomes that region's outcome; the others go on. Outcomes come back in the order the regions
 * were given, and each is also handed to {@code onDone} as soon as it is known (for progress
 * lines).
 */
public final class RegionRunner {
  private final int concurrency;

  public RegionRunner(int concurrency) {
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1");
    }
    this.concurrency = concurrency;
  }

  public <T> List<RegionOutcome<T>> run(
      List<String> regions, Function<String, T> task, Consumer<RegionOutcome<T>> onDone) {
    if (regions.isEmpty()) {
      return List.of();
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(concurrency, regions.size()),
            r -> {
              Thread thread = new Thread(r, "irctl-region");
              thread.setDaemon(true);
              return thread;
            });
    try {
      List<Future<RegionOutcome<T>>> futures = new ArrayList<>();
      for (String region : regions) {
        futures.add(
            pool.submit(
                () -> {
                  RegionOutcome<T> outcome = attempt(region, task);
                  synchronized (onDone) {
                    onDone.accept(outcome);
                  }
                  return outcome;
                }));
      }
      List<RegionOutcome<T>> outcomes = new ArrayList<>();
      for (Future<RegionOutcome<T>> future : futures) {
        outcomes.add(await(future));
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Runs {@code task} in the selection's regions and returns one result per region, the regions the
   * account cannot use first: each of those, and each region whose task failed, becomes {@code
   * failed(region, reason)}. Every result is also handed to {@code progress} as soon as it is
   * known.
   */
  public <T> List<T> run(
      RegionSelection selection,
      Function<String, T> task,
      BiFunction<String, String, T> failed,
      Consumer<T> progress) {
    List<T> results = new ArrayList<>();
    selection
        .unusable()
        .forEach(
            (region, why) -> {
              T result = failed.apply(region, why);
              progress.accept(result);
              results.add(result);
            });
    Function<RegionOutcome<T>, T> toResult =
        outcome ->
            outcome
                .value()
                .orElseGet(() -> failed.apply(outcome.region(), outcome.error().orElse("failed")));
    run(selection.regions(), task, outcome -> progress.accept(toResult.apply(outcome)))
        .forEach(outcome -> results.add(toResult.apply(outcome)));
    return results;
  }

  private static <T> RegionOutcome<T> attempt(String region, Function<String, T> task) {
    try {
      return RegionOutcome.success(region, task.apply(region));
    } catch (AwsCallException | PlanConflictException e) {
      return RegionOutcome.failure(region, e.getMessage(), e);
    } catch (RuntimeException e) {
      return RegionOutcome.failure(
          region, "unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  private static <T> RegionOutcome<T> await(Future<RegionOutcome<T>> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for regions", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("region task escaped its own error handling", e.getCause());
    }
  }
}
