package dev.irctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.irctl.engine.port.Principal;
import dev.irctl.fakes.FakePorts;
import dev.irctl.render.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * docs/plan-schema.md names every field plan, apply and status print, so the documented schema
 * cannot fall behind.
 */
class DocsPlanSchemaTest {
  private final FakePorts aws = new FakePorts();

  @Test
  void everyFieldOfEveryPlanningCommandAndTheSavedPlanIsDocumented(
      @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    aws.iamFake().existingPrincipal(Principal.role("responders"));
    String doc = Files.readString(Path.of("docs/plan-schema.md"));
    Set<String> fields = new TreeSet<>();
    for (String command : new String[] {"plan", "apply", "status"}) {
      String principal = command.equals("status") ? "--no-color" : "--role=responders";
      CliRun run =
          CliRun.run(
              aws,
              command,
              command.equals("apply") ? "--auto-approve" : "--region=us-east-1",
              command.equals("apply") ? "--region=us-east-1" : "--output=json",
              "--set=bucketNames=honey",
              principal,
              command.equals("apply") ? "--output=json" : "--concurrency=2");
      assertThat(run.exitCode()).as(run.err()).isZero();
      JsonNode json = Json.mapper().readTree(run.out());
      assertThat(json.path("schemaVersion").asInt()).as(command).isEqualTo(2);
      assertThat(json.path("results").isArray()).as(command).isTrue();
      collect(json, fields);
    }
    Path saved = dir.resolve("plan.json");
    CliRun plan =
        CliRun.run(
            aws,
            "plan",
            "--region",
            "us-east-1",
            "--set=bucketNames=honey",
            "--out",
            saved.toString());
    assertThat(plan.exitCode()).as(plan.err()).isZero();
    collect(Json.mapper().readTree(Files.readString(saved)), fields);
    for (String[] args :
        new String[][] {
          {"enable-guardduty", "--region", "us-east-1", "--dry-run"},
          {"apply-rules", "--region", "us-east-1", "--set=bucketNames=honey", "--dry-run"},
          {"remove-rules", "--region", "us-east-1", "--delete-topic", "--dry-run"},
          {"install-policy", "--role", "responders", "--dry-run"}
        }) {
      CliRun run = CliRun.run(aws, concat(args, "--output", "json"));
      assertThat(run.exitCode()).as(run.err()).isZero();
      JsonNode json = Json.mapper().readTree(run.out());
      assertThat(json.path("schemaVersion").asInt()).as(args[0]).isEqualTo(2);
      assertThat(json.path("results").isArray()).as(args[0]).isTrue();
      collect(json, fields);
    }

    collect(orgStatusJson(), fields);
    collect(orgDelegateJson(), fields);

    assertThat(fields).hasSizeGreaterThan(30);
    assertThat(fields)
        .as("fields missing from docs/plan-schema.md")
        .allMatch(f -> doc.contains("\"" + f + "\":"));
  }

  /** An organization with a member, a missing account and a stack instance, read by org status. */
  private static JsonNode orgStatusJson() throws Exception {
    FakePorts org = new FakePorts();
    org.organizationsFake()
        .organization("o-abcd123456", "999988887777")
        .delegatedAdministrator("guardduty.amazonaws.com", FakePorts.ACCOUNT)
        .account(
            "100000000001",
            dev.irctl.engine.port.OrganizationsPort.AccountState.ACTIVE,
            "ou-abcd-11111111")
        .account(
            "100000000002",
            dev.irctl.engine.port.OrganizationsPort.AccountState.ACTIVE,
            "ou-abcd-11111111");
    org.guardDutyIn("us-east-1")
        .existing(
            new dev.irctl.engine.port.Detector(
                "d-1",
                true,
                dev.irctl.engine.port.FindingFrequency.FIFTEEN_MINUTES,
                java.util.Map.of(),
                java.util.Map.of()));
    org.guardDutyOrgIn("us-east-1").member("100000000001", "Enabled");
    org.stackSetsIn("us-east-1")
        .access(dev.irctl.engine.port.StackSetsPort.OrganizationsAccess.ENABLED)
        .createStackSet(
            new dev.irctl.engine.port.StackSetsPort.StackSetSpec(
                "irctl-member-rules",
                "rules",
                "{}",
                java.util.Map.of(),
                java.util.Map.of(),
                true,
                false));
    org.stackSetsIn("us-east-1")
        .instance("irctl-member-rules", "100000000001", "us-east-1", "CURRENT", "IN_SYNC");
    CliRun run = CliRun.run(org, "org", "status", "--region", "us-east-1", "--output", "json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    return Json.mapper().readTree(run.out());
  }

  private static JsonNode orgDelegateJson() throws Exception {
    FakePorts org = new FakePorts();
    org.organizationsFake().organization("o-abcd123456", FakePorts.ACCOUNT);
    CliRun run =
        CliRun.run(
            org,
            "org",
            "delegate",
            "--admin-account",
            "222233334444",
            "--region",
            "us-east-1",
            "--dry-run",
            "--output",
            "json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    return Json.mapper().readTree(run.out());
  }

  @Test
  void everyFieldOfDoctorsAndDrillsJsonIsDocumentedInTheirSections() throws Exception {
    String doc = Files.readString(Path.of("docs/plan-schema.md"));
    String doctorSection = doc.substring(doc.indexOf("## `doctor`"), doc.indexOf("## `drill`"));
    String drillSection = doc.substring(doc.indexOf("## `drill`"));
    for (String region : new String[] {"us-east-1", "eu-west-1"}) {
      DoctorCommandTest.healthy(aws, region);
      aws.alertPathFake().deliverAfter(region, java.time.Duration.ofSeconds(30));
    }
    DoctorCommandTest.orgTrail(aws);
    // A finding, so findings[] has members to collect.
    aws.alertPathFake().metricsIn("eu-west-1").failedInvocations("irctl-iam-mfa-deactivated", 1);
    String[] common = {"--region=us-east-1,eu-west-1", "--set=bucketNames=honey", "--output=json"};

    CliRun doctor = CliRun.run(aws, concat(new String[] {"doctor"}, common));
    CliRun drill =
        CliRun.run(
            aws,
            root -> root.drillClock(aws.alertPathFake().time()),
            concat(new String[] {"drill", "--auto-approve"}, common));

    assertThat(doctor.exitCode()).as(doctor.err()).isEqualTo(2);
    assertThat(drill.exitCode()).as(drill.err()).isZero();
    for (var entry :
        java.util.Map.of(doctor.out(), doctorSection, drill.out(), drillSection).entrySet()) {
      Set<String> fields = new TreeSet<>();
      collect(Json.mapper().readTree(entry.getKey()), fields);
      assertThat(fields).hasSizeGreaterThan(10);
      assertThat(fields)
          .as("fields missing from their section of docs/plan-schema.md")
          .allMatch(f -> entry.getValue().contains("\"" + f + "\":"));
    }
    JsonNode json = Json.mapper().readTree(doctor.out());
    for (JsonNode region : json.path("regions")) {
      for (JsonNode finding : region.path("findings")) {
        assertThat(doctorSection).contains("`" + finding.path("kind").asText() + "`");
      }
    }
  }

  private static String[] concat(String[] args, String... more) {
    String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return all;
  }

  private static void collect(JsonNode node, Set<String> fields) {
    if (node.isArray()) {
      node.forEach(n -> collect(n, fields));
    } else if (node.isObject()) {
      for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        fields.add(name);
        // Diff values and a part's desired state are AWS's and irctl's own documents, not schema.
        if (!Set.of("before", "after", "desired").contains(name)) {
          collect(node.get(name), fields);
        }
      }
    }
  }
}
