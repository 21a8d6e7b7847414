package dev.irctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.irctl.engine.port.AwsCallException;
import dev.irctl.engine.port.Detector;
import dev.irctl.engine.port.FindingFrequency;
import dev.irctl.fakes.FakePorts;
import dev.irctl.fakes.FakeRegionDirectory;
import dev.irctl.render.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnableGuardDutyCommandTest {
  private final FakePorts aws = new FakePorts();

  @Test
  void createsADetectorInEveryEnabledRegionAndSkipsNotOptedInOnes() {
    CliRun run = CliRun.run(aws, "enable-guardduty", "--auto-approve", "--all-regions");

    assertThat(run.exitCode()).isZero();
    assertThat(aws.log().writes())
        .hasSize(17)
        .allMatch(c -> c.contains("guardduty:CreateDetector"));
    for (String region : FakeRegionDirectory.DEFAULT_REGIONS) {
      Detector detector = aws.guardDutyIn(region).detector().orElseThrow();
      assertThat(detector.enabled()).isTrue();
      assertThat(detector.frequency()).isEqualTo(FindingFrequency.FIFTEEN_MINUTES);
      assertThat(detector.tags()).containsEntry("managed-by", "irctl");
    }
    assertThat(run.err()).contains("skipped 5 regions not enabled for this account: af-south-1");
    assertThat(run.out())
        .contains("the same 1 change in 17 regions: ap-northeast-1")
        .contains("guardduty  applied  1 added")
        .contains("Apply: 17 added, 0 changed, 0 destroyed (17 write calls).");
  }

  @Test
  void secondRunMakesNoWriteCallsAndSaysSo() {
    CliRun.run(aws, "enable-guardduty", "--auto-approve", "--all-regions");
    aws.log().clear();

    CliRun second = CliRun.run(aws, "enable-guardduty", "--auto-approve", "--all-regions");

    assertThat(second.exitCode()).isZero();
    assertThat(aws.log().writes()).isEmpty();
    assertThat(second.out())
        .contains("no changes in 17 regions: ap-northeast-1")
        .contains("guardduty  in sync")
        .contains("(0 write calls)");
  }

  @Test
  void aFailedRegionDoesNotStopTheOthersAndExitsThree() {
    aws.log()
        .fail(
            "eu-west-1",
            "guardduty:CreateDetector",
            AwsCallException.Kind.ACCESS_DENIED,
            "User is not authorized");

    CliRun run =
        CliRun.run(
            aws, "enable-guardduty", "--auto-approve", "--region", "us-east-1,eu-west-1,us-west-2");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(aws.guardDutyIn("us-east-1").detector()).isPresent();
    assertThat(aws.guardDutyIn("us-west-2").detector()).isPresent();
    assertThat(run.out())
        .contains("eu-west-1")
        .contains("failed")
        .contains("guardduty:CreateDetector");
  }

  @Test
  void everyRegionFailingExitsOne() {
    aws.log().fail("*", "guardduty:ListDetectors", AwsCallException.Kind.ACCESS_DENIED, "denied");

    CliRun run =
        CliRun.run(aws, "enable-guardduty", "--auto-approve", "--region", "us-east-1,eu-west-1");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains("access denied: the caller is not allowed guardduty:ListDetectors");
  }

  @Test
  void dryRunPrintsThePlanAndWritesNothing() {
    aws.guardDutyIn("us-east-1")
        .existing(
            new Detector(
                "d1", false, FindingFrequency.SIX_HOURS, Map.of("S3_DATA_EVENTS", true), Map.of()));

    CliRun run =
        CliRun.run(aws, "enable-guardduty", "--auto-approve", "--region", "us-east-1", "--dry-run");

    assertThat(run.exitCode()).isZero();
    assertThat(aws.log().writes()).isEmpty();
    assertThat(run.out())
        .contains("guardduty  pending  1 to change")
        .contains("status: DISABLED -> ENABLED")
        // An adopted detector keeps its frequency unless the user names one.
        .doesNotContain("findingPublishingFrequency");

    CliRun explicit =
        CliRun.run(
            aws,
            "enable-guardduty",
            "--auto-approve",
            "--region",
            "us-east-1",
            "--dry-run",
            "--finding-frequency",
            "FIFTEEN_MINUTES");
    assertThat(explicit.out()).contains("findingPublishingFrequency: SIX_HOURS -> FIFTEEN_MINUTES");
  }

  @Test
  void adoptsAForeignDetectorAndOnlyTouchesNamedFeatures() {
    aws.guardDutyIn("us-east-1")
        .existing(
            new Detector(
                "theirs",
                true,
                FindingFrequency.FIFTEEN_MINUTES,
                Map.of("S3_DATA_EVENTS", true, "EKS_AUDIT_LOGS", false),
                Map.of("owner", "platform")));

    CliRun run =
        CliRun.run(
            aws,
            "enable-guardduty",
            "--auto-approve",
            "--region",
            "us-east-1",
            "--feature",
            "RDS_LOGIN_EVENTS");

    assertThat(run.exitCode()).isZero();
    Detector after = aws.guardDutyIn("us-east-1").detector().orElseThrow();
    assertThat(after.id()).isEqualTo("theirs");
    assertThat(after.features())
        .containsEntry("RDS_LOGIN_EVENTS", true)
        .containsEntry("S3_DATA_EVENTS", true)
        .containsEntry("EKS_AUDIT_LOGS", false);
    assertThat(aws.log().writes()).containsExactly("us-east-1 guardduty:UpdateDetector (write)");
  }

  @Test
  void jsonOutputIsOneDocumentWithEveryRegion() throws Exception {
    CliRun run =
        CliRun.run(
            aws,
            "enable-guardduty",
            "--auto-approve",
            "--region",
            "us-east-1,eu-west-1",
            "--output",
            "json");

    JsonNode json = Json.mapper().readTree(run.out());
    assertThat(json.path("schemaVersion").asInt()).isEqualTo(2);
    assertThat(json.path("results")).hasSize(2);
    assertThat(json.path("results").get(0).path("region").asText()).isEqualTo("eu-west-1");
    assertThat(json.path("results").get(0).path("part").asText()).isEqualTo("guardduty");
    assertThat(json.path("results").get(0).path("status").asText()).isEqualTo("APPLIED");
    assertThat(json.path("results").get(0).path("ids").path("detectorId").asText()).isNotEmpty();
    assertThat(json.path("results").get(0).path("changes").get(0).path("action").asText())
        .isEqualTo("create");
    assertThat(json.path("summary").path("failed").asInt()).isZero();
  }

  /**
   * Each bad flag is refused, exit 2, naming the value, before any AWS call (conflicting features:
   * FlagsTest).
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "--region us-eest-1 | Unknown region 'us-eest-1' | us-east-1",
        "--region us-east-1 --threat-intel-set bad-ips=ftp://x/y"
            + " | --threat-intel-set 'bad-ips=ftp://x/y' is not valid | ftp://x/y",
        "--region us-east-1 --feature S3_DATA_EVENTS --no-feature S3_DATA_EVENTS"
            + " | --feature S3_DATA_EVENTS and --no-feature S3_DATA_EVENTS | S3_DATA_EVENTS"
      })
  void aBadFlagIsAUsageErrorBeforeAnyCall(String flags, String named, String also) {
    CliRun.refused(aws, CliRun.line("enable-guardduty --auto-approve", flags))
        .contains(named)
        .contains(also);
  }

  @Test
  void threatIntelSetsAreCreatedOnceAndActivated() {
    String[] args = {
      "enable-guardduty",
      "--auto-approve",
      "--region",
      "us-east-1",
      "--threat-intel-set",
      "bad-ips=s3://sec-lists/bad.txt"
    };
    CliRun.run(aws, args);
    aws.log().clear();
    CliRun second = CliRun.run(aws, args);

    assertThat(aws.guardDutyIn("us-east-1").lists())
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.location()).isEqualTo("https://s3.amazonaws.com/sec-lists/bad.txt");
              assertThat(l.active()).isTrue();
            });
    assertThat(second.exitCode()).isZero();
    assertThat(aws.log().writes()).isEmpty();
  }

  @Test
  void noCredentialsIsOneSentenceAndExitOne() {
    CliRun run =
        CliRun.run(
            aws.withoutCredentials(),
            "enable-guardduty",
            "--auto-approve",
            "--region",
            "us-east-1");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith("error: No AWS credentials found").doesNotContain("Exception");
  }

  @Test
  void describeRegionsDeniedFallsBackToSdkMetadataWithAWarning() {
    aws.regionDirectory().deny();

    CliRun run =
        CliRun.run(aws, "enable-guardduty", "--auto-approve", "--all-regions", "--dry-run");

    assertThat(run.err()).contains("warning: ec2:DescribeRegions was denied");
    assertThat(run.exitCode()).isZero();
  }

  @Test
  void theConfigFileSuppliesSettingsAndFlagsOverrideThem(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path config = dir.resolve("irctl.yaml");
    java.nio.file.Files.writeString(
        config, "regions: [eu-west-1]\nguardduty:\n  findingFrequency: ONE_HOUR\n");

    CliRun fromFile =
        CliRun.run(aws, "enable-guardduty", "--auto-approve", "--config", config.toString());
    CliRun overridden =
        CliRun.run(
            aws,
            "enable-guardduty",
            "--auto-approve",
            "--config",
            config.toString(),
            "--region",
            "us-west-2",
            "--finding-frequency",
            "SIX_HOURS");

    assertThat(fromFile.exitCode()).isZero();
    assertThat(aws.guardDutyIn("eu-west-1").detector().orElseThrow().frequency())
        .isEqualTo(FindingFrequency.ONE_HOUR);
    assertThat(overridden.exitCode()).isZero();
    assertThat(aws.guardDutyIn("us-west-2").detector().orElseThrow().frequency())
        .isEqualTo(FindingFrequency.SIX_HOURS);
  }

  @Test
  void aBadConfigFileIsAUsageErrorBeforeAnyCall(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path config = dir.resolve("irctl.yaml");
    java.nio.file.Files.writeString(config, "regoins: all\n");

    CliRun.refused(aws, "enable-guardduty", "--auto-approve", "--config", config.toString())
        .contains("line 1: regoins is not a known key");
  }
}
