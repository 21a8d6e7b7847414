package dev.irctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.irctl.config.ConfigFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitCommandTest {
  @TempDir Path dir;

  @Test
  void writesAStarterFileThatIrctlCanRead() {
    Path file = dir.resolve("ci/irctl.yaml");

    CliRun run = CliRun.run(CliRun.noAws(), "init", "--file", file.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(file).exists();
    assertThat(ConfigFile.read(file).path()).isEqualTo(file);
  }

  @Test
  void refusesToOverwriteWithoutForce() throws Exception {
    Path file = dir.resolve("irctl.yaml");
    Files.writeString(file, "profile: mine\n");

    CliRun run = CliRun.run(CliRun.noAws(), "init", "--file", file.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("already exists; pass --force");
    assertThat(Files.readString(file)).isEqualTo("profile: mine\n");
  }
}
