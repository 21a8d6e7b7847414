package dev.irctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.irctl.engine.Input;
import dev.irctl.engine.InputException;
import dev.irctl.engine.run.Failure;
import dev.irctl.fakes.FakePorts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

  /** A refused value is named with its flag, exit 2, before any AWS call. */
  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "apply-rules --category x | --category x: no rule has this category.",
        "apply-rules --rule cis-root-account-usage --exclude cis-root-account-usage"
            + " | --rule, --category and --exclude together select no rules; nothing to apply.",
        "enable-guardduty --feature RUNTIME_MONITORING --feature EKS_RUNTIME_MONITORING"
            + " | --feature RUNTIME_MONITORING and EKS_RUNTIME_MONITORING cannot both be on",
        "enable-guardduty --trusted-ip-set ours=s3://bucket/k.txt"
            + " --trusted-ip-set ours=s3://bucket/other.txt"
            + " | --trusted-ip-set names 'ours' twice"
      })
  void aRefusedValueNamesItsFlagBeforeAnyCall(String command, String message) {
    List<String> args = new ArrayList<>(List.of(command.split(" ")));
    args.addAll(1, List.of("--auto-approve", "--region", "us-east-1"));

    CliRun.refused(aws, args.toArray(String[]::new)).contains(message);
  }
}
