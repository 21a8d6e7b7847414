package dev.irctl.cli;

import dev.irctl.engine.run.SavedPlan;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The plan FILE an apply command may be given, and how old it may be: apply and org apply read and
 * refuse saved plans the same way.
 */
@Command
public final class SavedPlanOption {
  @Parameters(
      arity = "0..1",
      paramLabel = "FILE",
      description =
          "A plan saved with '${PARENT-COMMAND-FULL-NAME} plan --out FILE': apply exactly it.")
  Path planFile;

  @Option(
      names = "--max-plan-age",
      paramLabel = "AGE",
      defaultValue = "7d",
      description = "Refuse a plan FILE older than this (default 7d; e.g. 12h, 30m).")
  String maxPlanAge;

  /**
   * The saved plan, read and checked (asking approval first: applying a file always writes), or
   * empty when no FILE was given.
   */
  Optional<SavedPlan> read(RunFlow flow, String command, boolean autoApprove) {
    if (planFile == null) {
      return Optional.empty();
    }
    flow.requireApproval(command, RunFlow.Kind.WRITE, autoApprove);
    return Optional.of(PlanFile.read(planFile, PlanFile.parseAge(maxPlanAge), Instant.now()));
  }

  Path file() {
    return planFile;
  }
}
