package dev.irctl.cli;

import dev.irctl.ExitCode;
import dev.irctl.UserException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --output-file FILE}: the JSON result written to a file whatever {@code --output} says, so
 * a pipeline can show the text plan in its log and keep the JSON as an artefact from one run.
 */
public final class OutputFileOption {
  @Option(
      names = "--output-file",
      paramLabel = "FILE",
      description =
          "Also write the JSON result to FILE (whatever --output says; text stays on stdout).")
  Path file;

  /**
   * A file that cannot be written is a usage error before any AWS call, not a lost result after it.
   */
  public void validate() {
    if (file == null) {
      return;
    }
    if (Files.isDirectory(file)) {
      throw UserException.usage("--output-file " + file + " is a directory; name a file.");
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw UserException.usage(
          "--output-file " + file + ": directory " + parent + " does not exist.");
    }
  }

  /** True when a file was named: only then is the JSON result needed besides --output json. */
  public boolean given() {
    return file != null;
  }

  public void write(String json) {
    if (file == null) {
      return;
    }
    try {
      Files.writeString(file, json.endsWith("\n") ? json : json + "\n");
    } catch (IOException e) {
      throw new UserException(
          "Could not write --output-file " + file + ": " + e.getMessage(), ExitCode.FAILURE, e);
    }
  }
}
