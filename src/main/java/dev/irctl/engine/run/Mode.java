package dev.irctl.engine.run;

import java.util.Optional;

/**
 * The plan → apply decision for one run: plan only, or apply; when applying, a {@link Gate} may
 * hold a part back in a region (a saved plan whose resource changed since). The {@link
 * Cancellation} stops the run from starting more (Ctrl-C, SIGTERM).
 */
public record Mode(boolean write, Gate gate, Cancellation cancellation) {
  /** Decides, from a fresh plan, whether a part in a region may apply it. */
  public interface Gate {
    /** Empty: go ahead. Present: the part fails in this region with this, and writes nothing. */
    Optional<Failure> check(String part, String region, PartPlan fresh, String fingerprint);
  }

  private static final Gate OPEN = (p, r, f, fp) -> Optional.empty();

  public static final Mode PLAN = new Mode(false, OPEN);
  public static final Mode APPLY = new Mode(true, OPEN);

  public Mode(boolean write, Gate gate) {
    this(write, gate, Cancellation.none());
  }

  public static Mode applying(Gate gate) {
    return new Mode(true, gate);
  }

  /** This mode, stopped by {@code cancellation}. */
  public Mode stoppedBy(Cancellation cancellation) {
    return new Mode(write, gate, cancellation);
  }

  /** True when a gate may hold parts back (a saved or shown plan), false for a plain apply. */
  boolean gated() {
    return gate != OPEN;
  }
}
