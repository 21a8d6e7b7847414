package dev.irctl.cli;

import dev.irctl.ExitCode;
import dev.irctl.UserException;
import dev.irctl.engine.port.AwsCallException;
import dev.irctl.engine.port.Ports;
import dev.irctl.engine.region.RegionResolver;
import dev.irctl.engine.region.RegionSelection;
import dev.irctl.render.Style;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every AWS command does the same way: open the ports, check credentials and regions in the
 * right order (offline checks first), write data to stdout and progress to stderr, and map region
 * failures to exit codes.
 */
@picocli.CommandLine.Command
public final class CommandContext {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  public Ports openPorts(AwsOptions aws) {
    IrctlCommand root = (IrctlCommand) spec.root().userObject();
    return root.portsFactory().open(aws.session());
  }

  /** Unknown names fail before any call; then credentials; then one DescribeRegions. */
  public RegionSelection selectRegions(Ports ports, RegionalAwsOptions aws) {
    RegionResolver resolver = new RegionResolver(ports.regions());
    resolver.checkNames(aws.regions(), aws.allRegions());
    checkCredentials(ports);
    try {
      return resolver.resolve(aws.regions(), aws.allRegions());
    } catch (AwsCallException e) {
      throw new UserException(
          "Could not list the account's regions: " + e.getMessage(), ExitCode.FAILURE, e);
    }
  }

  /** Region names checked offline: a typo is a usage error before any call. */
  public void checkRegionNames(Ports ports, RegionalAwsOptions aws) {
    new RegionResolver(ports.regions()).checkNames(aws.regions(), aws.allRegions());
  }

  /** The regions to act in (one DescribeRegions); names were checked already. */
  public RegionSelection resolveRegions(Ports ports, RegionalAwsOptions aws) {
    try {
      return new RegionResolver(ports.regions()).resolve(aws.regions(), aws.allRegions());
    } catch (AwsCallException e) {
      throw new UserException(
          "Could not list the account's regions: " + e.getMessage(), ExitCode.FAILURE, e);
    }
  }

  public IrctlCommand root() {
    return (IrctlCommand) spec.root().userObject();
  }

  public void checkCredentials(Ports ports) {
    try {
      ports.checkCredentials();
    } catch (AwsCallException e) {
      throw new UserException(
          e.getMessage(),
          e.kind() == AwsCallException.Kind.NO_SUCH_PROFILE ? ExitCode.USAGE : ExitCode.FAILURE,
          e);
    }
  }

  public Style style(OutputOptions output) {
    return new Style(output.color());
  }

  /** Warnings about the region selection, one line each, on stderr. */
  public void warn(RegionSelection selection) {
    PrintWriter err = err();
    selection.warnings().forEach(w -> err.println("warning: " + Flags.word(w)));
    if (!selection.notOptedIn().isEmpty()) {
      err.println(
          "skipped "
              + selection.notOptedIn().size()
              + " regions not enabled for this account: "
              + String.join(", ", selection.notOptedIn()));
    }
    err.flush();
  }

  public void progress(String line) {
    PrintWriter err = err();
    err.println(line);
    err.flush();
  }

  public void print(String text) {
    PrintWriter out = spec.commandLine().getOut();
    out.print(text.endsWith("\n") ? text : text + "\n");
    out.flush();
  }

  /** 0 when nothing failed, 1 when everything did, 3 when some regions did. */
  public int exitCode(long failed, long total) {
    if (failed == 0) {
      return ExitCode.OK;
    }
    return failed == total ? ExitCode.FAILURE : ExitCode.PARTIAL_FAILURE;
  }

  private PrintWriter err() {
    return spec.commandLine().getErr();
  }
}
