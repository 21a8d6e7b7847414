package dev.irctl;

/** The documented process exit codes. */
public final class ExitCode {
  /** Everything asked for is done (or nothing needed doing). */
  public static final int OK = 0;

  /** The command failed: every region failed, credentials are missing, or a check failed. */
  public static final int FAILURE = 1;

  /** Bad flags or bad input files; nothing was sent to AWS. */
  public static final int USAGE = 2;

  /** Some regions succeeded and some failed; the summary names the failed ones. */
  public static final int PARTIAL_FAILURE = 3;

  /**
   * {@code plan --detailed-exitcode} only: the plan succeeded and found changes pending (drift).
   * Shares its number with {@link #USAGE}, as Terraform's convention has it; with
   * --detailed-exitcode a usage error exits 1 instead, so a pipeline can read 2 as drift and
   * nothing else.
   */
  public static final int CHANGES_PENDING = 2;

  /** Stopped by SIGINT (Ctrl-C): 128 + 2, as a shell reports it. What was done is printed. */
  public static final int INTERRUPTED = 130;

  /** Stopped by SIGTERM: 128 + 15. What was done is printed. */
  public static final int TERMINATED = 143;

  private ExitCode() {}
}
