package dev.irctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.irctl.engine.org.OrgPreflight;
import dev.irctl.engine.org.TrustedAccessPart;
import dev.irctl.engine.port.AwsCallException;
import dev.irctl.engine.port.OrganizationsPort.AccountState;
import dev.irctl.engine.port.Principal;
import dev.irctl.engine.port.StackSetsPort.OrganizationsAccess;
import dev.irctl.fakes.FakePorts;
import dev.irctl.render.Json;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every command that calls AWS and prints JSON says whom it ran as: the account id, caller ARN and
 * partition from sts:GetCallerIdentity, on stderr before any region is read and as the {@code
 * account} object of its document (docs/plan-schema.md).
 */
class CallerIdentityTest {
  private static final String ARN = "arn:aws:iam::" + FakePorts.ACCOUNT + ":user/admin";
  private static final String REGIONS = "--region=us-east-1,eu-west-1";

  /** A command line and what the account needs for it to run. */
  record Case(String name, Consumer<FakePorts> setup, String... args) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> commands() {
    Consumer<FakePorts> none = aws -> {};
    Consumer<FakePorts> responders =
        aws -> aws.iamFake().existingPrincipal(Principal.role("responders"));
    return Stream.of(
            new Case("plan", none, "plan", REGIONS),
            new Case("apply", none, "apply", REGIONS, "--auto-approve"),
            new Case("status", none, "status", REGIONS),
            new Case("enable-guardduty", none, "enable-guardduty", REGIONS, "--dry-run"),
            new Case("apply-rules", none, "apply-rules", REGIONS, "--dry-run"),
            new Case("remove-rules", none, "remove-rules", REGIONS, "--dry-run"),
            new Case(
                "install-policy", responders, "install-policy", "--role=responders", "--dry-run"),
            new Case("doctor", CallerIdentityTest::healthy, "doctor", REGIONS),
            new Case("drill", CallerIdentityTest::healthy, "drill", REGIONS, "--auto-approve"),
            new Case("org plan", CallerIdentityTest::organization, "org", "plan", REGIONS),
            new Case(
                "org apply",
                CallerIdentityTest::organization,
                "org",
                "apply",
                REGIONS,
                "--auto-approve"),
            new Case(
                "org remove",
                CallerIdentityTest::organization,
                "org",
                "remove",
                REGIONS,
                "--hub-region=eu-west-1",
                "--dry-run"),
            new Case(
                "org status",
                CallerIdentityTest::organization,
                "org",
                "status",
                REGIONS,
                "--hub-region=eu-west-1"),
            new Case(
                "org delegate",
                aws -> aws.organizationsFake().organization("o-abcd123456", FakePorts.ACCOUNT),
                "org",
                "delegate",
                "--admin-account=222233334444",
                REGIONS,
                "--dry-run"))
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commands")
  void theJsonAndStderrNameTheCallerBeforeAnyRegionIsRead(Case command) throws Exception {
    FakePorts aws = new FakePorts();
    aws.accountFake().caller(FakePorts.ACCOUNT, "aws");
    command.setup().accept(aws);
    String[] args =
        Stream.concat(Stream.of(command.args()), Stream.of("--output=json")).toArray(String[]::new);

    CliRun run = CliRun.run(aws, root -> root.drillClock(aws.alertPathFake().time()), args);

    assertThat(run.exitCode()).as(run.err()).isIn(0, 2);
    JsonNode account = Json.mapper().readTree(run.out()).path("account");
    assertThat(account.path("id").asText()).isEqualTo(FakePorts.ACCOUNT);
    assertThat(account.path("arn").asText()).isEqualTo(ARN);
    assertThat(account.path("partition").asText()).isEqualTo("aws");
    assertThat(run.err())
        .contains("account " + FakePorts.ACCOUNT + " as " + ARN + " (partition aws)");
    List<String> calls = aws.log().calls();
    int identified = calls.indexOf("global sts:GetCallerIdentity");
    assertThat(identified).as(calls.toString()).isNotNegative();
    int firstRegional =
        calls.stream()
            .filter(c -> !c.startsWith("global ") && !c.endsWith("ec2:DescribeRegions"))
            .findFirst()
            .map(calls::indexOf)
            .orElse(Integer.MAX_VALUE);
    assertThat(identified).as(calls.toString()).isLessThan(firstRegional);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commands")
  void aCallerThatCannotBeIdentifiedIsNeverReportedAsSomeoneElse(Case command) throws Exception {
    FakePorts aws = new FakePorts();
    command.setup().accept(aws);
    aws.log()
        .fail("global", "sts:GetCallerIdentity", AwsCallException.Kind.ACCESS_DENIED, "denied");
    String[] args =
        Stream.concat(Stream.of(command.args()), Stream.of("--output=json")).toArray(String[]::new);

    CliRun run = CliRun.run(aws, root -> root.drillClock(aws.alertPathFake().time()), args);

    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    assertThat(run.err() + run.out()).contains("sts:GetCallerIdentity");
    assertThat(run.err()).doesNotContain("account " + FakePorts.ACCOUNT);
    if (!run.out().isBlank()) {
      // doctor still reports every region (each with the reason); the caller is unknown
      JsonNode json = Json.mapper().readTree(run.out());
      assertThat(json.path("account").isNull()).as(run.out()).isTrue();
      assertThat(json.path("regions"))
          .allSatisfy(r -> assertThat(r.path("error").asText()).contains("sts:GetCallerIdentity"));
    }
  }

  /** A topic, a subscriber and a rule in both regions: doctor and drill have something to read. */
  private static void healthy(FakePorts aws) {
    for (String region : List.of("us-east-1", "eu-west-1")) {
      DoctorCommandTest.healthy(aws, region);
      aws.alertPathFake().deliverAfter(region, java.time.Duration.ofSeconds(30));
    }
    DoctorCommandTest.orgTrail(aws);
  }

  /** This account is GuardDuty's and StackSets' delegated administrator of an organization. */
  private static void organization(FakePorts aws) {
    aws.organizationsFake()
        .organization("o-abc123", "999999999999")
        .account(FakePorts.ACCOUNT, AccountState.ACTIVE, "ou-abcd-11111111")
        .account("200000000001", AccountState.ACTIVE, "ou-abcd-11111111")
        .delegatedAdministrator(TrustedAccessPart.GUARDDUTY, FakePorts.ACCOUNT)
        .delegatedAdministrator(OrgPreflight.STACKSETS_PRINCIPAL, FakePorts.ACCOUNT);
    aws.stackSetsIn("eu-west-1").access(OrganizationsAccess.ENABLED);
  }
}
