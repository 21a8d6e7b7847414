package dev.irctl;

import dev.irctl.aws.AwsPortsFactory;
import dev.irctl.catalog.BundledCatalog;
import dev.irctl.cli.IrctlCommand;

/** Entry point: wires the real AWS adapters into the command line and exits with its code. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    Logging.configure(args);
    if (IrctlCommand.runsRulesCommand(args)) {
      // Read the bundled rules on the other core while picocli builds and parses the command.
      BundledCatalog.preload();
    }
    int exitCode =
        IrctlCommand.execute(IrctlCommand.commandLine(new AwsPortsFactory(), args), args);
    System.exit(exitCode);
  }
}
