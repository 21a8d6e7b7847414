package dev.irctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.irctl.engine.port.PortsFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.assertj.core.api.AbstractStringAssert;

/** Runs the real command line in-process and captures what a user would see. */
public record CliRun(int exitCode, String out, String err) {
  public static CliRun run(PortsFactory ports, String... args) {
    return run(ports, Terminal.NONE, java.time.Duration.ofSeconds(10), args);
  }

  /** {@code command} then the space-separated {@code flags}: a table row's command line. */
  public static String[] line(String command, String flags) {
    java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of(command.split(" ")));
    all.addAll(java.util.List.of(flags.trim().split(" +")));
    return all.toArray(String[]::new);
  }

  /** A test's fixed words ({@code head}: command, region, hub...) then the case's own. */
  public static CliRun run(PortsFactory ports, java.util.List<String> head, String... more) {
    java.util.List<String> all = new java.util.ArrayList<>(head);
    all.addAll(java.util.List.of(more));
    return run(ports, all.toArray(String[]::new));
  }

  /** With a fake terminal (a person answering) and the "still waiting" interval. */
  public static CliRun run(
      PortsFactory ports, Terminal terminal, java.time.Duration tick, String... args) {
    return run(
        new IrctlCommand(ports, terminal, tick).secondPassDelay(() -> java.time.Duration.ZERO),
        args);
  }

  /** With the root command adjusted first (its terminal, the drill's clock). */
  public static CliRun run(
      PortsFactory ports, java.util.function.Consumer<IrctlCommand> setup, String... args) {
    IrctlCommand root =
        new IrctlCommand(ports, Terminal.NONE, java.time.Duration.ofSeconds(10))
            .secondPassDelay(() -> java.time.Duration.ZERO);
    setup.accept(root);
    return run(root, args);
  }

  private static CliRun run(IrctlCommand root, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exitCode =
        IrctlCommand.execute(
            IrctlCommand.commandLine(root, args)
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true)),
            args);
    return new CliRun(exitCode, out.toString(), err.toString());
  }

  /**
   * Runs the command line against the fakes and expects a refusal: a usage error (exit 2) before
   * any AWS call. Returns stderr, for the test to say what the user is told.
   */
  public static AbstractStringAssert<?> refused(dev.irctl.fakes.FakePorts aws, String... args) {
    CliRun run = run(aws, args);
    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(aws.log().calls()).as("AWS calls before the refusal").isEmpty();
    return assertThat(run.err());
  }

  /**
   * Runs the command line again on the state the last run left and expects what every command
   * promises: success, and not one write call.
   */
  public static void rerunWritesNothing(dev.irctl.fakes.FakePorts aws, String... args) {
    aws.log().clear();

    CliRun second = run(aws, args);

    assertThat(second.exitCode()).as(second.err()).isZero();
    assertThat(aws.log().writes()).isEmpty();
  }

  /** An offline command: any attempt to open AWS ports fails the test. */
  public static CliRun run(String... args) {
    return run(noAws(), args);
  }

  /** For offline commands: any attempt to reach AWS fails the test. */
  public static PortsFactory noAws() {
    return new Offline();
  }

  /** Opens no ports; knows the adapters' actions as production does (print-policy). */
  private static final class Offline
      implements PortsFactory, dev.irctl.engine.permissions.PermissionCatalog {
    private final dev.irctl.aws.AwsPortsFactory aws = new dev.irctl.aws.AwsPortsFactory();

    @Override
    public dev.irctl.engine.port.Ports open(dev.irctl.engine.port.Session session) {
      throw new AssertionError("an offline command tried to open AWS ports");
    }

    @Override
    public java.util.Set<String> commands() {
      return aws.commands();
    }

    @Override
    public java.util.Set<String> readOnlyCommands() {
      return dev.irctl.aws.CommandActions.readOnlyCommands();
    }

    @Override
    public java.util.List<dev.irctl.engine.permissions.AwsAction> actions(String command) {
      return aws.actions(command);
    }
  }
}
