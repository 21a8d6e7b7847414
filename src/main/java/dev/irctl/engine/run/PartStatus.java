package dev.irctl.engine.run;

/** Where one part stands in one region after a plan or an apply. Tense belongs to rendering. */
public enum PartStatus {
  /** Nothing differs: nothing to do. */
  IN_SYNC,
  /** Changes are planned and were not made (plan, --dry-run). */
  PENDING,
  /** The planned changes were made. */
  APPLIED,
  /** The part could not be read, planned or (fully) applied; {@code error} says why. */
  FAILED,
  /** The part does not apply to this run (e.g. no IAM principals named). */
  SKIPPED
}
