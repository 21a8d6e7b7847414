package dev.irctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.irctl.aws.AwsPortsFactory;
import dev.irctl.engine.port.Session;
import dev.irctl.fakes.FakePorts;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class AwsOptionsTest {
  @Test
  void roleFlagsReachTheSession() {
    AtomicReference<Session> opened = new AtomicReference<>();
    FakePorts fake = new FakePorts();
    CliRun.run(
        session -> {
          opened.set(session);
          return fake;
        },
        "enable-guardduty",
        "--region",
        "eu-west-1",
        "--role-arn",
        "arn:aws:iam::111122223333:role/irctl-apply",
        "--external-id",
        "ext-1",
        "--role-session-name",
        "ci-42",
        "--role-duration",
        "30m",
        "--call-timeout",
        "5s",
        "--dry-run");

    Session session = opened.get();
    assertThat(session.assumeRole())
        .contains(
            new Session.AssumeRole(
                "arn:aws:iam::111122223333:role/irctl-apply",
                java.util.Optional.of("ext-1"),
                "ci-42",
                Duration.ofMinutes(30)));
    assertThat(session.timeouts())
        .isEqualTo(new Session.CallTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(20)));
    assertThat(session.namedRegions()).containsExactly("eu-west-1");
  }

  @Test
  void badRoleAndTimeoutFlagsAreUsageErrorsBeforeAnyCall() {
    String[][] cases = {
      {"--role-arn", "irctl-apply"},
      {"--external-id", "x1"},
      {"--role-arn", "arn:aws:iam::111122223333:role/r", "--role-duration", "5m"},
      {"--role-arn", "arn:aws:iam::111122223333:role/r", "--role-duration", "soon"},
      {"--call-timeout", "10s,1s"},
      {"--call-timeout", "fast"},
    };
    for (String[] flags : cases) {
      String[] args = new String[flags.length + 3];
      args[0] = "enable-guardduty";
      args[1] = "--region";
      args[2] = "eu-west-1";
      System.arraycopy(flags, 0, args, 3, flags.length);

      CliRun run = CliRun.run(CliRun.noAws(), args);

      assertThat(run.exitCode()).as(String.join(" ", flags)).isEqualTo(2);
      assertThat(run.err()).as(String.join(" ", flags)).contains(flags[flags.length - 2]);
    }
  }

  @Test
  void aProfileThatDoesNotExistIsAUsageErrorNamingTheFiles() {
    // The build points AWS_CONFIG_FILE/AWS_SHARED_CREDENTIALS_FILE (as system properties) at
    // files that do not exist and sets ambient keys, which the named profile must not fall back to.
    CliRun run =
        CliRun.run(
            new AwsPortsFactory(),
            "enable-guardduty",
            "--region",
            "eu-west-1",
            "--profile",
            "nosuch",
            "--dry-run");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("AWS profile 'nosuch' (--profile) is not in ")
        .contains("no-aws-config")
        .contains("no-aws-credentials");
  }
}
