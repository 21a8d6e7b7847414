package dev.irctl.fakes;

import dev.irctl.engine.drill.DrillClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Virtual time for the alert-path fakes: long polls and sleeps move it instead of waiting. A wait
 * that began at {@code t} ends at {@code max(now, t + wait)}, so regions that poll at once share
 * the elapsed time as they would in real life.
 */
public final class FakeTime implements DrillClock {
  private final AtomicLong millis;

  public FakeTime(Instant start) {
    this.millis = new AtomicLong(start.toEpochMilli());
  }

  @Override
  public Instant now() {
    return Instant.ofEpochMilli(millis.get());
  }

  @Override
  public void sleep(Duration duration) throws InterruptedException {
    if (Thread.currentThread().isInterrupted()) {
      throw new InterruptedException();
    }
    waitFrom(now(), duration);
  }

  /** Moves time to at least {@code from + duration}. */
  public void waitFrom(Instant from, Duration duration) {
    long end = from.plus(duration).toEpochMilli();
    millis.accumulateAndGet(end, Math::max);
  }

  public void advance(Duration duration) {
    millis.addAndGet(duration.toMillis());
  }
}
