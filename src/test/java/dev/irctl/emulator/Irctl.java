package dev.irctl.emulator;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real CLI, the shaded jar the build made, as a child process: the one place the emulator
 * tier and {@code bench/emulator.sh} start irctl. The child gets dummy credentials, no AWS config
 * files, no instance metadata, and an empty working directory (so no {@code irctl.yaml} is read).
 */
public final class Irctl {
  /** The commands that write to AWS. */
  static final Set<String> WRITING_COMMANDS =
      Set.of("apply", "apply-rules", "enable-guardduty", "install-policy", "remove-rules");

  /**
   * Appended to every writing command: without a terminal a writing command refuses unless it is
   * told to write without asking.
   */
  static final List<String> WRITE_ARGS = List.of("--auto-approve");

  /** The dummy credentials moto accepts (and every AWS account rejects). */
  static final Map<String, String> CREDENTIALS =
      Map.of("AWS_ACCESS_KEY_ID", "testing", "AWS_SECRET_ACCESS_KEY", "testing");

  private static final Duration TIMEOUT = Duration.ofMinutes(5);

  private final Path jar;
  private final Path workDir;

  private Irctl(Path jar, Path workDir) {
    this.jar = jar;
    this.workDir = workDir;
  }

  /** The jar named by {@code irctl.jar} (the build sets it), else {@code target/irctl.jar}. */
  public static Irctl fromBuild() throws IOException {
    Path jar = Path.of(System.getProperty("irctl.jar", "target/irctl.jar")).toAbsolutePath();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar + " is missing: the emulator tier runs the shaded jar; build it with ./mvnw package");
    }
    return new Irctl(jar, Files.createTempDirectory("irctl-emulator"));
  }

  /** What one run printed and returned. */
  public record Result(List<String> command, int exitCode, String out, String err) {
    @Override
    public String toString() {
      return String.join(" ", command)
          + "\nexit "
          + exitCode
          + "\n--- stdout\n"
          + out
          + "--- stderr\n"
          + err;
    }
  }

  /** {@code irctl ARGS --endpoint-url ENDPOINT}, plus {@link #WRITE_ARGS} for writing commands. */
  public Result run(URI endpoint, String... args) throws IOException, InterruptedException {
    return run(endpoint, List.of(args));
  }

  public Result run(URI endpoint, List<String> args) throws IOException, InterruptedException {
    return finish(start(endpoint, args, Map.of()));
  }

  /** The same with these environment variables over the defaults (another account's keys). */
  public Result run(URI endpoint, Map<String, String> env, List<String> args)
      throws IOException, InterruptedException {
    return finish(start(endpoint, args, env));
  }

  /**
   * Runs irctl and sends it SIGTERM (what {@link Process#destroy()} sends on Linux) once {@code
   * stopWhen} holds, polled every 20 ms; the result is what the signalled process printed.
   */
  public Result runStoppedWhen(
      URI endpoint, List<String> args, java.util.function.BooleanSupplier stopWhen)
      throws IOException, InterruptedException {
    Started started = start(endpoint, args, Map.of());
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (started.process().isAlive() && !stopWhen.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        break;
      }
      Thread.sleep(20);
    }
    started.process().destroy();
    return finish(started);
  }

  /** A child process and the files its output goes to. */
  private record Started(List<String> command, Process process, Path out, Path err) {}

  private Started start(URI endpoint, List<String> args, Map<String, String> extraEnv)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar.toString()));
    command.addAll(args);
    command.add("--endpoint-url");
    command.add(endpoint.toString());
    if (!args.isEmpty() && WRITING_COMMANDS.contains(args.get(0))) {
      command.addAll(WRITE_ARGS);
    }
    Path out = Files.createTempFile(workDir, "out", ".txt");
    Path err = Files.createTempFile(workDir, "err", ".txt");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(name -> name.startsWith("AWS_") || name.startsWith("IRCTL_"));
    env.putAll(CREDENTIALS);
    env.put("AWS_REGION", "us-east-1");
    env.put("AWS_CONFIG_FILE", workDir.resolve("no-aws-config").toString());
    env.put("AWS_SHARED_CREDENTIALS_FILE", workDir.resolve("no-aws-credentials").toString());
    env.put("AWS_EC2_METADATA_DISABLED", "true");
    env.put("NO_COLOR", "1");
    env.putAll(extraEnv);
    return new Started(command, builder.start(), out, err);
  }

  private Result finish(Started started) throws IOException, InterruptedException {
    Process process = started.process();
    List<String> command = started.command();
    Path out = started.out();
    Path err = started.err();
    if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command) + " ran longer than " + TIMEOUT);
    }
    Result result =
        new Result(
            List.copyOf(command),
            process.exitValue(),
            Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
    Files.delete(out);
    Files.delete(err);
    return result;
  }
}
