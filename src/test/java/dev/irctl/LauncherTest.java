package dev.irctl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ./irctl launcher in the release layout (next to irctl.jar, reached through a symlink on
 * PATH), run with a stand-in {@code java} that prints its arguments.
 */
class LauncherTest {
  @TempDir Path dir;
  private Path release;
  private Path fakeBin;

  private record Run(int exitCode, String output) {}

  @BeforeEach
  void layout() throws IOException {
    release = Files.createDirectories(dir.resolve("opt/irctl-0.1.0"));
    Files.copy(Path.of("irctl"), release.resolve("irctl"));
    executable(release.resolve("irctl"));
    fakeBin = Files.createDirectories(dir.resolve("fake-bin"));
    Files.writeString(fakeBin.resolve("java"), "#!/bin/sh\necho \"java $*\"\n");
    executable(fakeBin.resolve("java"));
  }

  private static void executable(Path file) throws IOException {
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private Run run(Path launcher, String... args) throws Exception {
    String[] command = new String[args.length + 1];
    command[0] = launcher.toString();
    System.arraycopy(args, 0, command, 1, args.length);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.directory(dir.toFile());
    builder.environment().remove("IRCTL_JAR");
    builder.environment().put("PATH", fakeBin + ":/usr/bin:/bin");
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Run(process.waitFor(), output);
  }

  @Test
  void hugePagesAreAskedForOnlyWhereTheKernelGivesThemOnRequest() throws Exception {
    Files.writeString(release.resolve("irctl.jar"), "");
    Path mode = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
    boolean onRequest = Files.isReadable(mode) && Files.readString(mode).contains("[madvise]");

    Run run = run(release.resolve("irctl"), "--version");

    assertThat(run.output().contains("-XX:+UseTransparentHugePages"))
        .as(run.output())
        .isEqualTo(onRequest);
    assertThat(run.output()).contains("-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
  }

  @Test
  void theLauncherRunsTheJarNextToIt() throws Exception {
    Files.writeString(release.resolve("irctl.jar"), "");

    Run run = run(release.resolve("irctl"), "--version");

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.output()).contains("-jar " + release.resolve("irctl.jar") + " --version");
    assertThat(run.output()).doesNotContain("mvnw");
  }

  @Test
  void aSymlinkOnPathFindsTheJarNextToTheRealLauncher() throws Exception {
    Files.writeString(release.resolve("irctl.jar"), "");
    Path bin = Files.createDirectories(dir.resolve("home/bin"));
    Files.createSymbolicLink(bin.resolve("irctl"), Path.of("../../opt/irctl-0.1.0/irctl"));

    Run run = run(bin.resolve("irctl"), "rules", "list");

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.output()).contains("-jar " + release.resolve("irctl.jar") + " rules list");
  }

  @Test
  void withoutAJarOrACheckoutItSaysWhatIsMissing() throws Exception {
    Run run = run(release.resolve("irctl"), "--version");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.output()).contains("no irctl.jar next to").doesNotContain("mvnw: not found");
  }
}
