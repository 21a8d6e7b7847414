package dev.irctl.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the real command line in-process, capturing stdout and stderr; AWS ports must never be opened. */
record CliRun(int exitCode, String out, String err) {
  static CliRun run(String... args) {
    CommandLine commandLine = IrctlCommand.commandLine(session -> {
      throw new AssertionError("an offline command tried to open AWS ports");
    });
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(err));
    int exitCode = commandLine.execute(args);
    return new CliRun(exitCode, out.toString(), err.toString());
  }
}
