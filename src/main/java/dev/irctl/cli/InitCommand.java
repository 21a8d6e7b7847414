package dev.irctl.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.irctl.ExitCode;
import dev.irctl.UserException;
import dev.irctl.engine.port.AwsCallException;
import dev.irctl.engine.port.Ports;
import dev.irctl.engine.port.Session;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description = {
      "Write a commented starter irctl.yaml.",
      "",
      "Every key stands for a flag; flags override the file. It asks STS who is calling"
          + " (sts:GetCallerIdentity, the one AWS call) and offers that caller, commented out, as"
          + " rules.parameters.deployerPrincipalArns, so irctl's own runs need not page; --no-caller"
          + " skips the call."
    },
    footer = {"", "Examples:", "  irctl init", "  irctl init --file ci/irctl.yaml"})
public final class InitCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--file",
      paramLabel = "FILE",
      defaultValue = "irctl.yaml",
      description = "Where to write (default: ${DEFAULT-VALUE}).")
  Path file;

  @Option(names = "--force", description = "Overwrite an existing file.")
  boolean force;

  @Option(
      names = "--profile",
      paramLabel = "NAME",
      description = "The AWS profile whose caller is offered (default: the SDK's default chain).")
  String profile;

  @Option(
      names = "--endpoint-url",
      paramLabel = "URL",
      description = "Ask this endpoint (an AWS-compatible emulator) who is calling.")
  String endpointUrl;

  @Option(names = "--no-caller", description = "Do not ask STS who is calling; offer no caller.")
  boolean noCaller;

  /** init is a quick offline step: a caller it cannot read within seconds is left out. */
  private static final Session.CallTimeouts QUICK =
      new Session.CallTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10));

  @Override
  public Integer call() throws IOException {
    // A mistyped endpoint is a usage error before anything is written, not a caller left out.
    AwsOptions.endpoint(endpointUrl);
    if (Files.exists(file) && !force) {
      throw new UserException(
          file + " already exists; pass --force to overwrite it.", ExitCode.FAILURE);
    }
    try (InputStream starter =
        InitCommand.class.getResourceAsStream("/dev/irctl/config/irctl.yaml")) {
      if (starter == null) {
        throw new IllegalStateException("the starter irctl.yaml is missing from the jar");
      }
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      String text = proposeHub(new String(starter.readAllBytes(), UTF_8));
      Files.writeString(file, noCaller ? text : offerCaller(text), UTF_8);
    }
    spec.commandLine().getErr().println("wrote " + file);
    spec.commandLine()
        .getErr()
        .println(
            "next: irctl plan, then irctl apply (it shows the plan and asks before writing);"
                + " in CI: irctl plan --out plan.json, then irctl apply plan.json --auto-approve");
    return ExitCode.OK;
  }

  /** The profile's region (from the environment the SDK reads too) proposed as the hub. */
  static String proposeHub(String starter) {
    String region = System.getenv("AWS_REGION");
    if (region == null || region.isBlank()) {
      region = System.getenv("AWS_DEFAULT_REGION");
    }
    if (region == null || !region.trim().matches("[a-z]{2}(-[a-z]+)+-\\d")) {
      return starter;
    }
    return starter.replace(
        "# alerts:\n#   hubRegion: us-east-1", "alerts:\n  hubRegion: " + region.trim());
  }

  /**
   * The starter with the caller offered as deployerPrincipalArns (commented out: ignoring a caller
   * is the user's choice), or as it is, said on stderr, when the caller cannot be read.
   */
  private String offerCaller(String starter) {
    Optional<String> arn;
    try (Ports ports = root().portsFactory().open(session())) {
      // Credentials first, as every command resolves them: a missing one is the resolver's one
      // sentence, not the SDK's dump of its whole provider chain.
      ports.checkCredentials();
      arn = Optional.of(ports.account().identity().arn());
    } catch (RuntimeException e) {
      // The offer is a courtesy: say why it is missing and write the file anyway.
      String reason =
          e instanceof AwsCallException
              ? e.getMessage()
              : "sts:GetCallerIdentity failed: " + e.getMessage();
      spec.commandLine()
          .getErr()
          .println(
              "note: the caller is not offered as rules.parameters.deployerPrincipalArns (irctl's"
                  + " own runs will page the tamper rules until you set it): "
                  + reason);
      return starter;
    }
    String deployer = DeployerArn.of(arn.get());
    spec.commandLine()
        .getErr()
        .println(
            "offered the caller "
                + deployer
                + " as rules.parameters.deployerPrincipalArns (commented out): uncomment it if"
                + " irctl runs as this caller, so its own changes do not page.");
    return starter.replace(
        "  # parameters:\n  #   bucketNames: [corp-backup-archive-honey]\n",
        "  # parameters:\n  #   bucketNames: [corp-backup-archive-honey]\n"
            + "  #   # irctl's own caller (from irctl init): the tamper rules ignore its calls\n"
            + "  #   deployerPrincipalArns: [\""
            + deployer
            + "\"]\n");
  }

  private Session session() {
    return new Session(
        Optional.ofNullable(profile),
        AwsOptions.endpoint(endpointUrl),
        1,
        Optional.empty(),
        QUICK,
        java.util.List.of());
  }

  private IrctlCommand root() {
    return (IrctlCommand) spec.root().userObject();
  }
}
