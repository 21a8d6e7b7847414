package dev.irctl.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.irctl.ExitCode;
import dev.irctl.UserException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
      "Every key stands for a flag; flags override the file."
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

  @Override
  public Integer call() throws IOException {
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
      Files.writeString(file, proposeHub(new String(starter.readAllBytes(), UTF_8)), UTF_8);
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
}
