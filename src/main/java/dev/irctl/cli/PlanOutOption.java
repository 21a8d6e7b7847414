package dev.irctl.cli;

import dev.irctl.engine.run.Part;
import dev.irctl.engine.run.RunResult;
import dev.irctl.engine.run.SavedPlan;
import dev.irctl.render.ChangeJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What a plan command does with its plan besides printing it: --detailed-exitcode, and --out to
 * save it for the matching apply command (plan: irctl apply, org plan: irctl org apply).
 */
@Command
public final class PlanOutOption {
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(
      names = DetailedExitCode.FLAG,
      description =
          "Exit 0 when in sync, 2 when changes are pending, 1 on error, 3 on partial failure.")
  boolean detailedExitCode;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description =
          "Save the plan to FILE for '${PARENT-COMMAND-FULL-NAME} apply FILE' (versioned JSON).")
  Path out;

  /** Offline: --out must name a file. */
  void validate() {
    if (out != null && Files.isDirectory(out)) {
      throw dev.irctl.UserException.usage("--out " + out + " is a directory; name a file.");
    }
  }

  boolean detailedExitCode() {
    return detailedExitCode;
  }

  /** After the run: with --out, the plan saved and how to apply it (stderr). */
  Consumer<RunResult> saver(
      List<Part> parts, Supplier<String> catalogVersion, CommandContext context) {
    return result -> {
      if (out == null) {
        return;
      }
      PlanFile.write(
          out,
          SavedPlan.of(
              result,
              parts,
              PlanCommand.version(),
              catalogVersion.get(),
              Instant.now().toString(),
              r -> ChangeJson.array(r.changes())));
      String apply = mixee.parent().qualifiedName() + " apply";
      context.progress("saved the plan to " + out + ": apply it with '" + apply + " " + out + "'");
    };
  }
}
