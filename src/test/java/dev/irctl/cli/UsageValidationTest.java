package dev.irctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.irctl.fakes.FakePorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad flags are usage errors (exit 2) before any AWS request. */
class UsageValidationTest {
  private final FakePorts aws = new FakePorts();

  @ParameterizedTest
  @ValueSource(strings = {"--region=", "--region=,", "--region=us-east-1,", "--region= "})
  void anEmptyRegionIsAUsageErrorWithZeroRequests(String flag) {
    CliRun run = CliRun.run(aws, "enable-guardduty", flag);

    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).contains("--region");
    assertThat(aws.log().calls()).isEmpty();
  }

  @Test
  void anEmptyRegionAsASeparateArgumentIsAUsageErrorToo() {
    CliRun empty = CliRun.run(aws, "status", "--region", "");
    CliRun comma = CliRun.run(aws, "plan", "--region", ",");

    assertThat(empty.exitCode()).as(empty.err()).isEqualTo(2);
    assertThat(comma.exitCode()).as(comma.err()).isEqualTo(2);
    assertThat(aws.log().calls()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"status", "apply", "apply-rules", "enable-guardduty", "rules list"})
  void detailedExitcodeOnACommandThatDoesNotTakeItIsAUsageError(String command) {
    String[] words = (command + " --detailed-exitcode").split(" ");

    CliRun run = CliRun.run(aws, words);

    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).contains("--detailed-exitcode");
    assertThat(aws.log().calls()).isEmpty();
  }

  @Test
  void anUnknownOptionIsExitTwoAndUnderPlanDetailedExitcodeOne() {
    assertThat(CliRun.run(aws, "status", "--bogus").exitCode()).isEqualTo(2);
    assertThat(CliRun.run(aws, "plan", "--detailed-exitcode", "--bogus").exitCode()).isEqualTo(1);
  }
}
