package dev.irctl.cli;

import dev.irctl.engine.port.PortsFactory;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the real command line in-process and captures what a user would see. */
public record CliRun(int exitCode, String out, String err) {
  public static CliRun run(PortsFactory ports, String... args) {
    return run(ports, root -> {}, args);
  }

  /** With the root command adjusted first (its terminal, the drill's clock). */
  public static CliRun run(
      PortsFactory ports, java.util.function.Consumer<IrctlCommand> setup, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    picocli.CommandLine commandLine = IrctlCommand.commandLine(ports);
    setup.accept((IrctlCommand) commandLine.getCommand());
    int exitCode =
        IrctlCommand.execute(
            commandLine.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)),
            args);
    return new CliRun(exitCode, out.toString(), err.toString());
  }

  /** An offline command: any attempt to open AWS ports fails the test. */
  public static CliRun run(String... args) {
    return run(noAws(), args);
  }

  /** For offline commands: any attempt to reach AWS fails the test. */
  public static PortsFactory noAws() {
    return session -> {
      throw new AssertionError("an offline command tried to open AWS ports");
    };
  }
}
