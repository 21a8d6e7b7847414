package dev.irctl.engine.run;

import java.util.Optional;

/**
 * The plan → apply decision for one run: plan only, or apply; when applying, a {@link Gate} may
 * hold a part back in a region (a saved plan whose resource changed since).
 */
public record Mode(boolean write, Gate gate) {
  /** Decides, from a fresh plan, whether a part in a region may apply it. */
  public interface Gate {
    /** Empty: go ahead. Present: the part fails in this region with this, and writes nothing. */
    Optional<Failure> check(String part, String region, PartPlan fresh, String fingerprint);
  }

  public static final Mode PLAN = new Mode(false, (p, r, f, fp) -> Optional.empty());
  public static final Mode APPLY = new Mode(true, (p, r, f, fp) -> Optional.empty());

  public static Mode applying(Gate gate) {
    return new Mode(true, gate);
  }
}
