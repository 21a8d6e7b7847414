package dev.irctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.irctl.fakes.FakePorts;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a new user does first: init, then plan, status and apply with the starter file. */
class FirstHourTest {
  private static final String LEFT_OUT =
      "warning: left out rule s3-honey-bucket-access: it needs parameter bucketNames";

  @TempDir Path dir;
  private final FakePorts aws = new FakePorts();

  private String starterFile() throws Exception {
    Path file = dir.resolve("irctl.yaml");
    assertThat(CliRun.run("init", "--no-caller", "--file", file.toString()).exitCode()).isZero();
    // the starter says "regions: all"; keep the test to two regions
    Files.writeString(
        file, Files.readString(file).replace("regions: all", "regions: [us-east-1, eu-west-1]"));
    return file.toString();
  }

  @Test
  void initThenPlanLeavesTheRuleThatNeedsAParameterOutWithOneWarning() throws Exception {
    String config = starterFile();

    CliRun run = CliRun.run(aws, "plan", "--config", config);

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).containsOnlyOnce(LEFT_OUT);
    assertThat(run.out()).doesNotContain("irctl-s3-honey-bucket-access");
    assertThat(run.out()).contains("irctl-iam-mfa-deactivated");
    assertThat(aws.log().writes()).isEmpty();
  }

  @Test
  void initThenStatusAndApplyWork() throws Exception {
    String config = starterFile();

    CliRun status = CliRun.run(aws, "status", "--config", config);
    CliRun apply = CliRun.run(aws, "apply", "--auto-approve", "--config", config);

    assertThat(status.exitCode()).as(status.err()).isZero();
    assertThat(status.err()).containsOnlyOnce(LEFT_OUT);
    assertThat(apply.exitCode()).as(apply.err()).isZero();
    assertThat(apply.err()).containsOnlyOnce(LEFT_OUT);
  }

  @Test
  void aRuleNamedWithRuleStillNeedsItsParameter() {
    CliRun run =
        CliRun.run(aws, "plan", "--region", "us-east-1", "--rule", "s3-honey-bucket-access");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("rule s3-honey-bucket-access needs parameter bucketNames");
    assertThat(aws.log().calls()).isEmpty();
  }

  @Test
  void statusNeverFailsOnAMissingParameterEvenForANamedRule() {
    CliRun run =
        CliRun.run(
            aws,
            "status",
            "--region",
            "us-east-1",
            "--rule",
            "s3-honey-bucket-access,iam-mfa-deactivated");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).containsOnlyOnce(LEFT_OUT);
  }

  @Test
  void aParameterNoSelectedRuleTakesIsFineAndMentionedWithVerbose() {
    CliRun quiet =
        CliRun.run(
            aws,
            "plan",
            "--region",
            "us-east-1",
            "--rule",
            "cis-config-changes",
            "--set",
            "bucketNames=corp-honey");
    CliRun verbose =
        CliRun.run(
            aws,
            "plan",
            "-v",
            "--region",
            "us-east-1",
            "--rule",
            "cis-config-changes",
            "--set",
            "bucketNames=corp-honey");

    assertThat(quiet.exitCode()).as(quiet.err()).isZero();
    assertThat(quiet.err()).doesNotContain("bucketNames");
    assertThat(verbose.exitCode()).as(verbose.err()).isZero();
    assertThat(verbose.err()).contains("note: no selected rule takes bucketNames");
  }

  @Test
  void aParameterNoCatalogRuleTakesIsAUsageErrorWithASuggestion() {
    CliRun run = CliRun.run(aws, "plan", "--region", "us-east-1", "--set", "bucketName=corp-honey");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("--set bucketName: no rule in the catalog has a parameter bucketName")
        .contains("Did you mean bucketNames?");
    assertThat(aws.log().calls()).isEmpty();
  }

  @Test
  void aMisspelledRuleIdGetsASuggestion() {
    CliRun rule = CliRun.run(aws, "plan", "--region", "us-east-1", "--rule", "iam-mfa-deactivate");
    CliRun exclude =
        CliRun.run(aws, "plan", "--region", "us-east-1", "--exclude", "root-account-usage");
    CliRun show = CliRun.run("rules", "show", "cis-root-acount-usage");

    assertThat(rule.exitCode()).isEqualTo(2);
    assertThat(rule.err()).contains("Did you mean iam-mfa-deactivated?");
    assertThat(exclude.exitCode()).isEqualTo(2);
    assertThat(exclude.err()).contains("Did you mean cis-root-account-usage?");
    assertThat(show.exitCode()).isEqualTo(2);
    assertThat(show.err()).contains("Did you mean cis-root-account-usage?");
    assertThat(aws.log().calls()).isEmpty();
  }

  @Test
  void aMisspelledSubcommandGetsASuggestion() {
    CliRun run = CliRun.run("rules", "lst");
    CliRun top = CliRun.run("stauts");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Did you mean").contains("list");
    assertThat(top.exitCode()).isEqualTo(2);
    assertThat(top.err()).contains("Did you mean").contains("status");
  }
}
