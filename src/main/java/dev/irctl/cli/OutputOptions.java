package dev.irctl.cli;

import picocli.CommandLine.Option;

/** Output flags shared by every command. */
public final class OutputOptions {
  public enum Format {
    text,
    json
  }

  @Option(
      names = "--output",
      paramLabel = "text|json",
      description =
          "Output format on stdout: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
      defaultValue = "text")
  Format format = Format.text;

  @Option(
      names = "--no-color",
      description = "No ANSI colours (also when NO_COLOR is set or stdout is not a terminal).")
  boolean noColor;

  @Option(
      names = {"-v", "--verbose"},
      description = "More detail: -v shows stack traces and warnings, -vv the AWS SDK's debug log.")
  boolean[] verbose = new boolean[0];

  public Format format() {
    return format;
  }

  public boolean json() {
    return format == Format.json;
  }

  public int verbosity() {
    return verbose.length;
  }

  public boolean color() {
    return !noColor && System.getenv("NO_COLOR") == null && System.console() != null;
  }
}
