package dev.irctl.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Independent AWS calls within one region, run at once: at most {@code maxInFlight} calls of one
 * {@link #map} at a time, so a region never bursts past what its endpoint takes before the SDK's
 * throttling retries must step in. Tasks wait for their own calls only, so nesting (a map inside a
 * fork) cannot deadlock.
 */
public final class Parallel implements AutoCloseable {
  private final ExecutorService pool = Executors.newCachedThreadPool(daemon("irctl-call"));

  /** Threads that never keep the JVM alive: a stuck AWS call must not stop irctl from exiting. */
  public static ThreadFactory daemon(String name) {
    return r -> {
      Thread thread = new Thread(r, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  public <T> CompletableFuture<T> fork(Supplier<T> task) {
    return CompletableFuture.supplyAsync(task, pool);
  }

  public CompletableFuture<Void> forkRun(Runnable task) {
    return CompletableFuture.runAsync(task, pool);
  }

  /**
   * Applies {@code task} to every item, at most {@code maxInFlight} at once; the first failure is
   * rethrown after all end.
   */
  public <T, R> List<R> map(List<T> items, int maxInFlight, Function<T, R> task) {
    Semaphore permits = new Semaphore(maxInFlight);
    List<CompletableFuture<R>> futures = new ArrayList<>();
    for (T item : items) {
      futures.add(
          fork(
              () -> {
                permits.acquireUninterruptibly();
                try {
                  return task.apply(item);
                } finally {
                  permits.release();
                }
              }));
    }
    CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
        .handle((v, e) -> null)
        .join();
    List<R> results = new ArrayList<>();
    futures.forEach(f -> results.add(join(f)));
    return results;
  }

  /** The future's value; a failure comes back as the exception the task threw. */
  public static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
