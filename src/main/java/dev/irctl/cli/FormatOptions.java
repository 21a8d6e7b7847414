package dev.irctl.cli;

import picocli.CommandLine.Option;

/**
 * {@code --output} and {@code -v}: the output flags of every command that prints data. Commands
 * whose text has colour take {@link OutputOptions}, which adds {@code --no-color}; the rest (rules
 * list, show, validate, match, diff print no colour) take these only.
 */
public class FormatOptions {
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
}
