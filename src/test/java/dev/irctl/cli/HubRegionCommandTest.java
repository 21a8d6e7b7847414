package dev.irctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.irctl.engine.hub.ForwarderRole;
import dev.irctl.engine.port.RuleTarget;
import dev.irctl.fakes.FakePorts;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --hub-region through the CLI, and the --event-bus that can no longer silence every rule. */
class HubRegionCommandTest {
  private static final String HONEY = "--set=bucketNames=corp-backups-honey";
  private final FakePorts aws = new FakePorts();

  @Test
  void applyRulesWithAHubForwardsFromTheOtherRegionsAndASecondRunWritesNothing() {
    String[] args = {
      "apply-rules",
      "--auto-approve",
      "--region",
      "eu-west-1,us-east-1",
      "--hub-region",
      "eu-west-1",
      HONEY,
      "--subscribe",
      "email:soc@example.com"
    };
    CliRun run = CliRun.run(aws, args);

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(aws.eventBridgeIn("eu-west-1").ruleNames("default"))
        .hasSize(45)
        .contains("irctl-iam-mfa-deactivated");
    assertThat(aws.eventBridgeIn("us-east-1").ruleNames("default"))
        .isNotEmpty()
        .allMatch(n -> n.startsWith("irctl-forward-"));
    String forwarder = aws.eventBridgeIn("us-east-1").ruleNames("default").get(0);
    RuleTarget target =
        aws.eventBridgeIn("us-east-1")
            .rule("default", forwarder)
            .orElseThrow()
            .targets()
            .get(RuleTarget.HUB_TARGET_ID);
    assertThat(target.arn()).isEqualTo("arn:aws:events:eu-west-1:111122223333:event-bus/default");
    assertThat(aws.snsIn("us-east-1").topic("irctl-alerts")).isEmpty();
    assertThat(aws.alertPathFake().rolesFake().role(ForwarderRole.NAME)).isPresent();
    // The tamper path's log group and alarm go where the watching rules are: the hub only.
    assertThat(aws.log().writes()).anyMatch(c -> c.startsWith("eu-west-1 logs:"));
    assertThat(aws.log().calls())
        .noneMatch(c -> c.startsWith("us-east-1 logs:"))
        .noneMatch(c -> c.startsWith("us-east-1 cloudwatch:PutMetricAlarm"));
    aws.log().clear();

    CliRun second = CliRun.run(aws, args);

    assertThat(second.exitCode()).as(second.err()).isZero();
    assertThat(aws.log().writes()).isEmpty();
  }

  @Test
  void aHubOutsideTheSelectedRegionsIsAUsageErrorBeforeAnyWrite() {
    CliRun run =
        CliRun.run(
            aws,
            "apply-rules",
            "--auto-approve",
            "--region",
            "us-east-1",
            "--hub-region",
            "eu-west-1",
            HONEY);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--hub-region eu-west-1 is not among the selected regions");
    assertThat(aws.log().writes()).isEmpty();
  }

  @Test
  void eventBusCanNoLongerPutRulesWhereAwsEventsNeverArrive() {
    CliRun.refused(
            aws,
            "apply-rules",
            "--auto-approve",
            "--region",
            "eu-west-1",
            "--event-bus",
            "x",
            HONEY)
        .contains("only to the account's default event bus");
  }

  @Test
  void theEventBusKeyInIrctlYamlIsRefusedToo(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("irctl.yaml");
    Files.writeString(
        config,
        "regions: [eu-west-1]\nrules:\n  eventBus: security\n  parameters:\n    bucketNames: [h]\n");

    CliRun.refused(aws, "plan", "--config", config.toString())
        .contains("rules.eventBus")
        .contains("default event bus");
  }

  @Test
  void theHubRegionKeyInIrctlYamlDrivesPlan(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("irctl.yaml");
    Files.writeString(
        config,
        "regions: [eu-west-1, ap-southeast-2]\nalerts:\n  hubRegion: eu-west-1\n"
            + "rules:\n  parameters:\n    bucketNames: [h]\n");

    CliRun run = CliRun.run(aws, "plan", "--config", config.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("irctl-forward-").contains(ForwarderRole.NAME);
    assertThat(aws.log().writes()).isEmpty();
  }
}
