package dev.irctl.engine.delivery;

import dev.irctl.engine.port.AccountPort.Identity;
import java.util.List;
import java.util.Optional;

/**
 * The doctor's answer for every region, in the order asked, and whom it was asked as: empty when
 * the account could not be identified (then every region is an error).
 */
public record DoctorResult(List<RegionDiagnosis> regions, Optional<Identity> identity) {
  /** How the run ended; the CLI maps it to its exit code: 0 clean, 2 findings, 1 error. */
  public enum Outcome {
    CLEAN,
    FINDINGS,
    ERROR
  }

  public DoctorResult {
    regions = List.copyOf(regions);
    identity = identity == null ? Optional.empty() : identity;
  }

  /** Regions diagnosed without saying as whom (status' delivery column, one region). */
  public DoctorResult(List<RegionDiagnosis> regions) {
    this(regions, Optional.empty());
  }

  /** ERROR when any region could not be read, else FINDINGS when any has one, else CLEAN. */
  public Outcome outcome() {
    if (regions.stream().anyMatch(r -> r.error().isPresent())) {
      return Outcome.ERROR;
    }
    if (regions.stream().anyMatch(r -> !r.findings().isEmpty())) {
      return Outcome.FINDINGS;
    }
    return Outcome.CLEAN;
  }
}
