package dev.irctl.engine.delivery;

import java.util.List;

/** The doctor's answer for every region, in the order asked. */
public record DoctorResult(List<RegionDiagnosis> regions) {
  /** How the run ended; the CLI maps it to its exit code: 0 clean, 2 findings, 1 error. */
  public enum Outcome {
    CLEAN,
    FINDINGS,
    ERROR
  }

  public DoctorResult {
    regions = List.copyOf(regions);
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
