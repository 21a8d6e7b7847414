package dev.irctl.engine.run;

import dev.irctl.engine.port.AccountPort.Identity;

/** What a run reports while it runs; called from region threads, one call at a time. */
public interface Progress {
  /** Before any region starts: who and how many regions. */
  default void started(Identity identity, int regions, boolean writes) {}

  /** One part in one region is done. */
  default void finished(PartResult result) {}

  /** Every tick while regions are outstanding: how many, and the one running longest. */
  default void waiting(int regions, String slowest) {}

  /** The second pass: these failed results run again after {@code delay}. */
  default void retrying(java.util.List<PartResult> failed, java.time.Duration delay) {}

  Progress NONE = new Progress() {};
}
