package dev.irctl.fakes;

import dev.irctl.engine.port.AwsCallException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Every call the fakes receive, as {@code region action} (e.g. {@code us-east-1
 * guardduty:CreateDetector}), with optional per-call latency and injected failures. Shared by all
 * fakes of one {@link FakePorts}.
 */
public final class CallLog {
  private final List<String> calls = new ArrayList<>();
  private final List<Long> startedAt = new ArrayList<>();
  private final Map<String, AwsCallException> failures = new ConcurrentHashMap<>();
  private volatile long latencyMillis;
  private final Map<String, Integer> failuresLeft = new ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicInteger writeCount =
      new java.util.concurrent.atomic.AtomicInteger();
  private volatile int writesBeforeHook = -1;
  private volatile Runnable writeHook = () -> {};
  private final java.util.concurrent.atomic.AtomicInteger inFlight =
      new java.util.concurrent.atomic.AtomicInteger();
  private final java.util.concurrent.atomic.AtomicInteger maxInFlight =
      new java.util.concurrent.atomic.AtomicInteger();

  /**
   * Records a call, waits the configured latency, and throws the failure injected for it, if any.
   */
  public void record(String region, String action, boolean write) {
    synchronized (calls) {
      calls.add(region + " " + action + (write ? " (write)" : ""));
      startedAt.add(System.nanoTime());
    }
    if (write && writeCount.incrementAndGet() == writesBeforeHook) {
      writeHook.run();
    }
    if (latencyMillis > 0) {
      maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      try {
        Thread.sleep(latencyMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        inFlight.decrementAndGet();
      }
    }
    AwsCallException failure =
        failures.getOrDefault(region + " " + action, failures.get("* " + action));
    if (failure == null) {
      failure = failures.get(region + " *");
    }
    if (failure != null) {
      String key = failures.containsKey(region + " " + action) ? region + " " + action : null;
      if (key != null && failuresLeft.containsKey(key)) {
        if (failuresLeft.merge(key, -1, Integer::sum) <= 0) {
          failures.remove(key);
          failuresLeft.remove(key);
        }
      }
      throw failure;
    }
  }

  /** Fails {@code action} in {@code region} the next {@code times} calls, then lets it through. */
  public CallLog failTimes(
      String region, String action, AwsCallException.Kind kind, String message, int times) {
    fail(region, action, kind, message);
    failuresLeft.put(region + " " + action, times);
    return this;
  }

  /** Runs {@code hook} as the {@code n}th write call (counted from now) is recorded. */
  public CallLog onWrite(int n, Runnable hook) {
    this.writeHook = hook;
    this.writesBeforeHook = writeCount.get() + n;
    return this;
  }

  /** Fails {@code action} in {@code region} ({@code *} for any region or any action). */
  public CallLog fail(String region, String action, AwsCallException.Kind kind, String message) {
    failures.put(region + " " + action, new AwsCallException(kind, action, message));
    return this;
  }

  /** Takes back a failure injected with {@link #fail} (the fault is fixed; a re-run converges). */
  public CallLog heal(String region, String action) {
    failures.remove(region + " " + action);
    return this;
  }

  public CallLog latency(long millis) {
    this.latencyMillis = millis;
    return this;
  }

  /**
   * The most calls that waited out their latency at the same time (only counted with a latency):
   * whether independent calls really ran at once.
   */
  public int maxInFlight() {
    return maxInFlight.get();
  }

  /** A call and when it was made ({@link System#nanoTime}): the benchmarks' timelines. */
  public record Timed(long startNanos, String call) {}

  public List<Timed> timeline() {
    synchronized (calls) {
      List<Timed> timed = new ArrayList<>();
      for (int i = 0; i < calls.size(); i++) {
        timed.add(new Timed(startedAt.get(i), calls.get(i)));
      }
      return timed;
    }
  }

  public List<String> calls() {
    synchronized (calls) {
      return List.copyOf(calls);
    }
  }

  public List<String> writes() {
    return matching(c -> c.endsWith("(write)"));
  }

  public List<String> matching(Predicate<String> predicate) {
    return calls().stream().filter(predicate).toList();
  }

  public void clear() {
    synchronized (calls) {
      calls.clear();
      startedAt.clear();
    }
    maxInFlight.set(0);
  }
}
