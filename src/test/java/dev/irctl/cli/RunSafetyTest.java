package dev.irctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.irctl.engine.port.AwsCallException;
import dev.irctl.engine.port.RuleTarget;
import dev.irctl.fakes.FakePorts;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Identity once, prune scoped by the selection, and what a narrowed run leaves alone. */
class RunSafetyTest {
  private static final String REGION = "--region=us-east-1";
  private final FakePorts aws = new FakePorts();

  @Test
  void anUnreachableEndpointIsSaidOnceWithNoRegionLinesAndExitOne() {
    aws.log()
        .fail(
            "global",
            "sts:GetCallerIdentity",
            AwsCallException.Kind.SERVICE_ERROR,
            "Unable to execute HTTP request: Connection refused");

    CliRun run = CliRun.run(aws, "plan", "--region=us-east-1,eu-west-1", "--set=bucketNames=x");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .containsOnlyOnce("Could not reach AWS")
        .containsOnlyOnce("Connection refused");
    assertThat(run.err()).doesNotContain("us-east-1 ").doesNotContain("eu-west-1 ");
    assertThat(run.out()).isEmpty();
    // The region listing runs alongside identity (it is no region's work); nothing else is asked.
    assertThat(aws.log().calls())
        .filteredOn(c -> !c.endsWith("ec2:DescribeRegions"))
        .noneMatch(c -> c.startsWith("us-east-1") || c.startsWith("eu-west-1"));
  }

  @Test
  void theRegionListingRunsAlongsideTheIdentityCallAndAnIdentityFailureIsStillWhatIsSaid() {
    aws.log().latency(300);

    CliRun run = CliRun.run(aws, "enable-guardduty", "--dry-run", REGION);

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(aws.log().calls())
        .containsExactlyInAnyOrder(
            "global sts:GetCallerIdentity",
            "us-east-1 ec2:DescribeRegions",
            "us-east-1 guardduty:ListDetectors");
    assertThat(aws.log().maxInFlight()).as("sts and DescribeRegions at once").isEqualTo(2);

    aws.log().clear();
    aws.log().fail("global", "sts:GetCallerIdentity", AwsCallException.Kind.ACCESS_DENIED, "no");

    CliRun denied = CliRun.run(aws, "enable-guardduty", "--dry-run", REGION);

    assertThat(denied.exitCode()).isEqualTo(1);
    assertThat(denied.err()).contains("Could not identify the account").contains("no");
    assertThat(aws.log().calls()).noneMatch(c -> c.contains("guardduty:"));
  }

  @Test
  void aNarrowedPruneLeavesOtherIrctlRulesAloneAndSaysSo() {
    CliRun.run(aws, "apply-rules", "--auto-approve", REGION, "--category", "guardduty");
    int before = aws.eventBridgeIn("us-east-1").ruleNames("default").size();
    aws.eventBridgeIn("us-east-1")
        .existing(
            "default",
            "irctl-retired-rule",
            "{\"source\":[\"aws.s3\"]}",
            "ENABLED",
            Map.of("managed-by", "irctl", "irctl:rule-id", "retired-rule"),
            List.of(
                RuleTarget.of(
                    "irctl-sns",
                    "arn:aws:sns:us-east-1:" + FakePorts.ACCOUNT + ":irctl-alerts",
                    Optional.empty())));
    aws.log().clear();

    CliRun run =
        CliRun.run(
            aws,
            "apply-rules",
            "--auto-approve",
            REGION,
            "--rule",
            "guardduty-finding-high-and-up",
            "--prune");

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> left = aws.eventBridgeIn("us-east-1").ruleNames("default");
    assertThat(left).hasSize(before).doesNotContain("irctl-retired-rule");
    assertThat(run.out()).contains("- delete rule irctl-retired-rule").contains("left alone ");
    assertThat(aws.log().writes())
        .filteredOn(w -> w.contains("DeleteRule"))
        .containsExactly("us-east-1 events:DeleteRule (write)");
  }

  @Test
  void anExcludedRuleIsPruned() {
    CliRun.run(aws, "apply-rules", "--auto-approve", REGION, "--category", "guardduty");
    List<String> deployed = aws.eventBridgeIn("us-east-1").ruleNames("default");
    String victim = "guardduty-finding-high-and-up";

    CliRun run =
        CliRun.run(
            aws,
            "apply-rules",
            "--auto-approve",
            REGION,
            "--category",
            "guardduty",
            "--exclude",
            victim,
            "--prune");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(aws.eventBridgeIn("us-east-1").ruleNames("default"))
        .hasSize(deployed.size() - 1)
        .doesNotContain("irctl-" + victim);
  }
}
