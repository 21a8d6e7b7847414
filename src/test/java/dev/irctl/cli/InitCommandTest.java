package dev.irctl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.irctl.aws.AwsPortsFactory;
import dev.irctl.config.ConfigFile;
import dev.irctl.engine.port.AwsCallException;
import dev.irctl.fakes.FakePorts;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitCommandTest {
  @TempDir Path dir;

  @Test
  void writesAStarterFileThatIrctlCanRead() {
    Path file = dir.resolve("ci/irctl.yaml");

    CliRun run = CliRun.run(CliRun.noAws(), "init", "--no-caller", "--file", file.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(file).exists();
    assertThat(ConfigFile.read(file).path()).isEqualTo(file);
  }

  @Test
  void refusesToOverwriteWithoutForce() throws Exception {
    Path file = dir.resolve("irctl.yaml");
    Files.writeString(file, "profile: mine\n");

    CliRun run = CliRun.run(CliRun.noAws(), "init", "--no-caller", "--file", file.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("already exists; pass --force");
    assertThat(Files.readString(file)).isEqualTo("profile: mine\n");
  }

  @Test
  void asksTheGivenEndpointAndRefusesABadOneBeforeWritingTheFile() throws Exception {
    Path file = dir.resolve("irctl.yaml");
    FakePorts aws = new FakePorts();

    CliRun bad = CliRun.run(aws, "init", "--endpoint-url", "x", "--file", file.toString());
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("--endpoint-url x is not a valid URL");
    assertThat(file).doesNotExist();
    assertThat(aws.log().calls()).isEmpty();

    CliRun run =
        CliRun.run(
            aws, "init", "--endpoint-url", "http://127.0.0.1:4566", "--file", file.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(aws.lastSession().endpoint()).contains(java.net.URI.create("http://127.0.0.1:4566"));
  }

  @Test
  void offersTheCallerAsDeployerPrincipalArnsCommentedOut() throws Exception {
    Path file = dir.resolve("irctl.yaml");
    FakePorts aws = new FakePorts();

    CliRun run = CliRun.run(aws, "init", "--file", file.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    // GetCallerIdentity says assumed-role/admin/session; CloudTrail's userIdentity.arn has the
    // same form with each run's session name, so the offer wildcards the session.
    assertThat(Files.readString(file))
        .contains(
            "  #   deployerPrincipalArns: [\"arn:aws:sts::111122223333:assumed-role/admin/*\"]\n");
    assertThat(run.err())
        .contains("offered the caller arn:aws:sts::111122223333:assumed-role/admin/*");
    assertThat(aws.log().calls()).containsExactly("global sts:GetCallerIdentity");
    String uncommented =
        Files.readString(file)
            .replace("  # parameters:", "  parameters:")
            .replace("  #   deployerPrincipalArns:", "    deployerPrincipalArns:");
    Files.writeString(file, uncommented);
    CliRun plan =
        CliRun.run(
            aws,
            "apply-rules",
            "--config",
            file.toString(),
            "--region",
            "eu-west-1",
            "--dry-run",
            "--rule",
            "sns-irctl-topic-tampering",
            "--output",
            "json");
    assertThat(plan.exitCode()).as(plan.err()).isZero();
    assertThat(plan.out()).contains("assumed-role/admin/*");
  }

  @Test
  void anUnreadableCallerIsSaidAndTheFileIsWrittenWithoutIt() throws Exception {
    Path file = dir.resolve("irctl.yaml");
    FakePorts aws = new FakePorts();
    aws.log()
        .fail(
            "global",
            "sts:GetCallerIdentity",
            AwsCallException.Kind.ACCESS_DENIED,
            "no sts for you");

    CliRun run = CliRun.run(aws, "init", "--file", file.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(Files.readString(file)).doesNotContain("deployerPrincipalArns");
    assertThat(run.err())
        .contains(
            "note: the caller is not offered as rules.parameters.deployerPrincipalArns (irctl's"
                + " own runs will page the tamper rules until you set it): access denied: the"
                + " caller is not allowed sts:GetCallerIdentity (no sts for you)");
  }

  @Test
  void noCredentialsChecksThemFirstAndAsksNothing() throws Exception {
    Path file = dir.resolve("irctl.yaml");
    FakePorts aws = new FakePorts().withoutCredentials();

    CliRun run = CliRun.run(aws, "init", "--file", file.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(aws.log().calls()).isEmpty();
    assertThat(Files.readString(file)).doesNotContain("deployerPrincipalArns");
    assertThat(run.err()).contains("deployerPrincipalArns (irctl's").contains("(fake)");
  }

  /**
   * The real credentials resolver, with none anywhere (the build's fake keys cleared, no config
   * files, no instance metadata): one note in the resolver's words, not the SDK's provider chain.
   */
  @Test
  void noCredentialsIsOneLineInTheResolversWordsNotTheSdksProviderChain() throws Exception {
    assumeThat(System.getenv("AWS_ACCESS_KEY_ID")).as("keys in the environment").isNull();
    assumeThat(System.getenv("AWS_WEB_IDENTITY_TOKEN_FILE")).isNull();
    assumeThat(System.getenv("AWS_CONTAINER_CREDENTIALS_FULL_URI")).isNull();
    assumeThat(System.getenv("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI")).isNull();
    assumeThat(System.getenv("AWS_PROFILE")).isNull();
    Path file = dir.resolve("irctl.yaml");
    String key = System.getProperty("aws.accessKeyId");
    String secret = System.getProperty("aws.secretAccessKey");
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
    CliRun run;
    try {
      run = CliRun.run(new AwsPortsFactory(), "init", "--file", file.toString());
    } finally {
      System.setProperty("aws.accessKeyId", key);
      System.setProperty("aws.secretAccessKey", secret);
    }

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(Files.readString(file)).doesNotContain("deployerPrincipalArns");
    String note = run.err().lines().filter(l -> l.startsWith("note:")).findFirst().orElseThrow();
    assertThat(note)
        .startsWith(
            "note: the caller is not offered as rules.parameters.deployerPrincipalArns (irctl's"
                + " own runs will page the tamper rules until you set it): No AWS credentials"
                + " found: looked in AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY,")
        .endsWith("Set credentials, run 'aws sso login', or pass --profile NAME.");
    assertThat(run.err())
        .doesNotContain("ProviderChain")
        .doesNotContain("SystemPropertyCredentialsProvider")
        .doesNotContain("Exception");
    assertThat(run.err().lines().filter(l -> !l.isBlank())).hasSize(3); // note, wrote, next
  }

  @Test
  void anIamUserIsOfferedAsItIs() {
    assertThat(DeployerArn.of("arn:aws:iam::111122223333:user/ci/deployer"))
        .isEqualTo("arn:aws:iam::111122223333:user/ci/deployer");
    assertThat(DeployerArn.of("arn:aws-us-gov:sts::111122223333:assumed-role/irctl/botocore-1"))
        .isEqualTo("arn:aws-us-gov:sts::111122223333:assumed-role/irctl/*");
  }
}
