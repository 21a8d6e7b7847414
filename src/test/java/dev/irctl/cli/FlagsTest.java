package dev.irctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.irctl.engine.Input;
import dev.irctl.engine.InputException;
import dev.irctl.engine.run.Failure;
import dev.irctl.fakes.FakePorts;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The engine names a value the user gave by kind; the CLI prints its flag. */
class FlagsTest {
  private final FakePorts aws = new FakePorts();

  @Test
  void anInputErrorIsWordedWithTheFlagAndKeepsThePlainLabelInTheEngine() {
    InputException e = new InputException(Input.CATEGORY, " nope: no rule has this category.");

    assertThat(e.getMessage()).isEqualTo("category nope: no rule has this category.");
    assertThat(Flags.message(e)).isEqualTo("--category nope: no rule has this category.");
  }

  @Test
  void aRegionFailureAboutAnInputIsWordedWithTheFlag() {
    Failure failure =
        new Failure(Failure.Kind.CONFLICT, "KMS key k was not found", Optional.of(Input.KMS_KEY));

    assertThat(failure.worded(Flags::of)).isEqualTo("--kms-key k was not found");
    assertThat(failure.worded(Input::label)).isEqualTo("KMS key k was not found");
  }

  @Test
  void anInputReferredToInsideASentenceIsWordedWithItsFlagWherever() {
    String engine = "leave it out with " + Input.EXCLUDE.ref() + " a or " + Input.PRUNE.ref() + ".";

    assertThat(Flags.word(engine)).isEqualTo("leave it out with --exclude a or --prune.");
    assertThat(Input.plain(engine)).isEqualTo("leave it out with excluded rule a or prune.");
    assertThat(Flags.message(dev.irctl.UserException.usage(engine)))
        .isEqualTo("leave it out with --exclude a or --prune.");
    assertThat(new Failure(Failure.Kind.CONFLICT, engine).worded(Flags::of))
        .isEqualTo("leave it out with --exclude a or --prune.");
    assertThat(Flags.word("{input: not a reference}")).isEqualTo("{input: not a reference}");
  }

  @Test
  void everyInputHasAFlag() {
    for (Input input : Input.values()) {
      assertThat(Flags.word(input.ref())).startsWith("--").isEqualTo(Flags.of(input));
    }
  }

  @Test
  void anUnknownCategoryNamesTheFlagBeforeAnyCall() {
    CliRun.refused(aws, "apply-rules", "--auto-approve", "--region", "us-east-1", "--category", "x")
        .contains("--category x: no rule has this category.");
  }

  @Test
  void aSelectionOfNothingNamesTheThreeFlags() {
    CliRun run =
        CliRun.run(
            aws,
            "apply-rules",
            "--auto-approve",
            "--region",
            "us-east-1",
            "--rule",
            "cis-root-account-usage",
            "--exclude",
            "cis-root-account-usage");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("--rule, --category and --exclude together select no rules; nothing to apply.");
  }

  @Test
  void conflictingFeaturesNameTheFeatureFlag() {
    CliRun.refused(
            aws,
            "enable-guardduty",
            "--auto-approve",
            "--region",
            "us-east-1",
            "--feature",
            "RUNTIME_MONITORING",
            "--feature",
            "EKS_RUNTIME_MONITORING")
        .contains("--feature RUNTIME_MONITORING and EKS_RUNTIME_MONITORING cannot both be on");
  }

  @Test
  void aListNamedTwiceNamesItsFlag() {
    CliRun.refused(
            aws,
            "enable-guardduty",
            "--auto-approve",
            "--region",
            "us-east-1",
            "--trusted-ip-set",
            "ours=s3://bucket/k.txt",
            "--trusted-ip-set",
            "ours=s3://bucket/other.txt")
        .contains("--trusted-ip-set names 'ours' twice");
  }
}
