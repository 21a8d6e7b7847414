package dev.irctl.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.irctl.UserException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {
  @TempDir Path dir;

  private static final Set<String> GUARDDUTY_FLAGS =
      Set.of(
          "--region",
          "--all-regions",
          "--profile",
          "--concurrency",
          "--finding-frequency",
          "--feature",
          "--no-feature",
          "--threat-intel-set",
          "--trusted-ip-set",
          "--endpoint-url");

  @Test
  void keysBecomeTheFlagsOfTheCommandThatHasThem() throws IOException {
    ConfigFile file =
        write(
            """
            profile: ir
            regions: [us-east-1, eu-west-1]
            concurrency: 4
            guardduty:
              findingFrequency: ONE_HOUR
              features:
                RDS_LOGIN_EVENTS: true
                S3_DATA_EVENTS: false
              threatIntelSets: ["bad=s3://lists/bad.txt"]
            rules:
              topicName: my-alerts
              parameters:
                bucketNames: [a, b]
            """);

    List<String> args = ConfigArguments.forCommand(file, GUARDDUTY_FLAGS::contains, List.of());

    assertThat(args)
        .containsExactly(
            "--profile",
            "ir",
            "--region",
            "us-east-1,eu-west-1",
            "--concurrency",
            "4",
            "--finding-frequency",
            "ONE_HOUR",
            "--feature",
            "RDS_LOGIN_EVENTS",
            "--no-feature",
            "S3_DATA_EVENTS",
            "--threat-intel-set",
            "bad=s3://lists/bad.txt");
  }

  @Test
  void aFlagOnTheCommandLineOverridesItsKeyAndItsOpposite() throws IOException {
    ConfigFile file = write("regions: all\nprofile: ir\n");

    assertThat(
            ConfigArguments.forCommand(
                file, GUARDDUTY_FLAGS::contains, List.of("--region", "eu-west-1")))
        .containsExactly("--profile", "ir");
    assertThat(
            ConfigArguments.forCommand(file, GUARDDUTY_FLAGS::contains, List.of("--profile=other")))
        .containsExactly("--all-regions");
  }

  @Test
  void parametersBecomeSetFlags() throws IOException {
    ConfigFile file = write("rules:\n  parameters:\n    bucketNames: [a, b]\n    topic: x\n");

    assertThat(ConfigArguments.forCommand(file, "--set"::equals, List.of()))
        .containsExactly("--set", "bucketNames=a,b", "--set", "topic=x");
  }

  @Test
  void anUnknownKeyNamesTheFileTheKeyAndTheLine() throws IOException {
    assertThatThrownBy(() -> write("regions: all\nguardduty:\n  findingFrequncy: ONE_HOUR\n"))
        .isInstanceOfSatisfying(UserException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
        .hasMessageContaining("irctl.yaml line 3: guardduty.findingFrequncy is not a known key");
  }

  @Test
  void aKeyInTheWrongSectionSuggestsTheRightOne() throws IOException {
    assertThatThrownBy(() -> write("topicName: x\n"))
        .hasMessageContaining("did you mean rules.topicName?");
  }

  @Test
  void aWrongTypeNamesTheKeyTheLineAndWhatWasExpected() throws IOException {
    ConfigFile file = write("profile: ir\nconcurrency: many\n");

    assertThatThrownBy(() -> ConfigArguments.forCommand(file, GUARDDUTY_FLAGS::contains, List.of()))
        .hasMessageContaining("line 2: concurrency must be a whole number, got \"many\"");
  }

  @Test
  void aListWhereAValueIsExpectedIsAnError() throws IOException {
    ConfigFile file = write("guardduty:\n  features: [RDS_LOGIN_EVENTS]\n");

    assertThatThrownBy(() -> ConfigArguments.forCommand(file, GUARDDUTY_FLAGS::contains, List.of()))
        .hasMessageContaining("line 2: guardduty.features must map each name to true or false");
  }

  @Test
  void invalidYamlNamesTheLine() {
    assertThatThrownBy(() -> write("regions: [us-east-1\nprofile: x\n"))
        .isInstanceOf(UserException.class)
        .hasMessageContaining("not valid YAML")
        .hasMessageContaining("line ");
  }

  @Test
  void theStarterFileIsValidAndUsesOnlyKnownKeys() throws IOException {
    Path starter = dir.resolve("starter.yaml");
    try (var in = ConfigFile.class.getResourceAsStream("/dev/irctl/config/irctl.yaml")) {
      Files.write(starter, in.readAllBytes());
    }

    ConfigFile file = ConfigFile.read(starter);

    assertThat(file.values())
        .containsKeys("regions", "guardduty.findingFrequency", "rules.topicName", "iam.policyName");
  }

  @Test
  void theConfigFileIsFoundByFlagOrInTheWorkingDirectory() throws IOException {
    Files.writeString(dir.resolve("irctl.yaml"), "regions: all\n");

    assertThat(ConfigArguments.locate(List.of("enable-guardduty"), dir))
        .contains(dir.resolve("irctl.yaml"));
    assertThat(ConfigArguments.locate(List.of("--config", "x.yaml"), dir))
        .contains(Path.of("x.yaml"));
    assertThat(ConfigArguments.locate(List.of(), dir.resolve("elsewhere"))).isEmpty();
  }

  private ConfigFile write(String yaml) throws IOException {
    Path file = dir.resolve("irctl.yaml");
    Files.writeString(file, yaml);
    return ConfigFile.read(file);
  }
}
