package dev.irctl.engine.run;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A run's stop request (Ctrl-C, SIGTERM): once requested, the runner starts no region, part apply
 * or second pass, and parts start no new write; calls already in flight finish. Thread-safe; the
 * first request's reason wins.
 */
public final class Cancellation {
  /** What a part records for a change it did not start because the run was stopped. */
  public static final String NOT_STARTED = "not started: the run was interrupted";

  private final CountDownLatch requested = new CountDownLatch(1);
  private volatile String reason;

  /** A cancellation nobody requests unless it is handed to someone who does. */
  public static Cancellation none() {
    return new Cancellation();
  }

  /** Stops the run; later requests change nothing. */
  public synchronized void request(String why) {
    if (reason == null) {
      reason = why;
      requested.countDown();
    }
  }

  public boolean requested() {
    return reason != null;
  }

  public Optional<String> reason() {
    return Optional.ofNullable(reason);
  }

  /**
   * Waits up to {@code delay}, or less when the run is stopped meanwhile; true when it was stopped.
   */
  public boolean await(Duration delay) {
    try {
      return requested.await(delay.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return requested();
    }
  }
}
