package dev.irctl.fakes;

import dev.irctl.engine.drill.DrillClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Virtual time for the alert-path fakes: long polls and sleeps move it instead of waiting. Each
 * thread that has waited keeps its own time (a wait that began at {@code t} ends at {@code t +
 * wait} for it), as each region's poll in real life returns when its own wait ends; a thread that
 * has not waited (the test, a region just starting) sees the latest time any thread reached. With
 * one shared time, a region whose thread ran ahead pushed the others' polls forward, so "delivered
 * after" depended on how the threads were scheduled.
 */
public final class FakeTime implements DrillClock {
  private final AtomicLong millis;
  private final ThreadLocal<Long> own = new ThreadLocal<>();

  public FakeTime(Instant start) {
    this.millis = new AtomicLong(start.toEpochMilli());
  }

  @Override
  public Instant now() {
    Long mine = own.get();
    return Instant.ofEpochMilli(mine != null ? mine : millis.get());
  }

  @Override
  public void sleep(Duration duration) throws InterruptedException {
    if (Thread.currentThread().isInterrupted()) {
      throw new InterruptedException();
    }
    waitFrom(now(), duration);
  }

  /** This thread's time becomes {@code from + duration}; the latest time at least that. */
  public void waitFrom(Instant from, Duration duration) {
    Long mine = own.get();
    long end = Math.max(mine != null ? mine : 0, from.plus(duration).toEpochMilli());
    own.set(end);
    millis.accumulateAndGet(end, Math::max);
  }
}
