package dev.irctl.cli;

import picocli.CommandLine.Option;

/** {@link FormatOptions} and {@code --no-color}: for the commands whose text has colour. */
public final class OutputOptions extends FormatOptions {
  @Option(
      names = "--no-color",
      description = "No ANSI colours (also when NO_COLOR is set or stdout is not a terminal).")
  boolean noColor;

  public boolean color() {
    return !noColor && System.getenv("NO_COLOR") == null && System.console() != null;
  }
}
