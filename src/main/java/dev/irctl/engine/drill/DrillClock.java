package dev.irctl.engine.drill;

import java.time.Duration;
import java.time.Instant;

/** Time for the drill, injected so tests run in virtual time. */
public interface DrillClock {
  Instant now();

  void sleep(Duration duration) throws InterruptedException;

  static DrillClock system() {
    return new DrillClock() {
      @Override
      public Instant now() {
        return Instant.now();
      }

      @Override
      public void sleep(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
      }
    };
  }
}
