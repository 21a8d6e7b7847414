package dev.irctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.irctl.engine.port.Detector;
import dev.irctl.engine.port.FindingFrequency;
import dev.irctl.engine.run.Fingerprint;
import dev.irctl.fakes.FakePorts;
import dev.irctl.render.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** plan --out FILE, then apply FILE: exactly that plan, or nothing where the account moved. */
class SavedPlanTest {
  private static final String REGIONS = "--region=us-east-1,eu-west-1";
  private static final String HONEY = "--set=bucketNames=corp-backups-honey";

  private final FakePorts aws = new FakePorts();
  @TempDir Path dir;

  private Path plan(String... more) {
    Path file = dir.resolve("plan.json");
    String[] args = new String[] {"plan", REGIONS, HONEY, "--out", file.toString()};
    String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    CliRun run = CliRun.run(aws, all);
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("saved the plan to " + file);
    return file;
  }

  private CliRun apply(Path file, String... more) {
    return CliRun.run(aws, java.util.List.of("apply", file.toString(), "--auto-approve"), more);
  }

  @Test
  void applyingASavedPlanWritesExactlyWhatAnUnsavedApplyWouldAndASecondApplyWritesNothing() {
    FakePorts reference = new FakePorts();
    CliRun.run(reference, "apply", "--auto-approve", REGIONS, HONEY);
    Path file = plan();
    assertThat(aws.log().writes()).isEmpty();

    CliRun applied = apply(file);

    assertThat(applied.exitCode()).as(applied.err()).isZero();
    assertThat(aws.log().writes())
        .hasSize(reference.log().writes().size())
        .containsExactlyInAnyOrderElementsOf(reference.log().writes());
    aws.log().clear();

    CliRun again = apply(file);

    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(aws.log().writes()).isEmpty();
    assertThat(again.out()).contains("Apply: 0 added, 0 changed, 0 destroyed (0 write calls).");
  }

  @Test
  void aResourceChangedSincePlanFailsItsPartInItsRegionAndTheOthersApply() {
    Path file = plan();
    aws.guardDutyIn("eu-west-1")
        .existing(new Detector("later", false, FindingFrequency.SIX_HOURS, Map.of(), Map.of()));
    aws.log().clear();

    CliRun run = apply(file);

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.out()).contains("changed since the plan was made: run plan again");
    assertThat(aws.log().writes()).noneMatch(w -> w.startsWith("eu-west-1 guardduty:"));
    assertThat(aws.log().writes())
        .anyMatch(w -> w.startsWith("us-east-1 guardduty:CreateDetector"));
    assertThat(aws.log().writes()).anyMatch(w -> w.startsWith("eu-west-1 events:PutRule"));
  }

  @Test
  void aPlanForAnotherAccountIsRefusedBeforeAnyRegionCall() {
    Path file = plan();
    aws.accountFake().caller("999988887777", "aws");
    aws.log().clear();

    CliRun run = apply(file);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("made for account 111122223333").contains("999988887777");
    assertThat(aws.log().calls()).allMatch(c -> c.contains("sts:GetCallerIdentity"));
  }

  @Test
  void anExpiredPlanIsRefusedBeforeAnyCall() throws Exception {
    Path file = plan();
    ObjectNode node = (ObjectNode) Json.mapper().readTree(Files.readString(file));
    node.put("createdAt", Instant.now().minus(8, ChronoUnit.DAYS).toString());
    node.put("checksum", PlanFile.checksum(node));
    Files.writeString(file, Fingerprint.JSON.writeValueAsString(node));
    aws.log().clear();

    CliRun expired = apply(file);
    CliRun allowed = apply(file, "--max-plan-age", "9d");

    assertThat(expired.exitCode()).isEqualTo(2);
    assertThat(expired.err()).contains(file.toString()).contains("--max-plan-age");
    assertThat(allowed.exitCode()).as(allowed.err()).isZero();
  }

  @Test
  void aTamperedInvalidOrNewerPlanIsAUsageErrorNamingTheFileWithNoCall() throws Exception {
    Path file = plan();
    String original = Files.readString(file);
    Path tampered = dir.resolve("tampered.json");
    Files.writeString(tampered, original.replace("FIFTEEN_MINUTES", "SIX_HOURS"));
    Path invalid = dir.resolve("invalid.json");
    Files.writeString(invalid, "{ not json");
    ObjectNode newer = (ObjectNode) Json.mapper().readTree(original);
    newer.put("schemaVersion", 99);
    newer.put("checksum", PlanFile.checksum(newer));
    Path future = dir.resolve("future.json");
    Files.writeString(future, Fingerprint.JSON.writeValueAsString(newer));
    Path other = dir.resolve("other.json");
    Files.writeString(other, "{\"schemaVersion\": 2, \"results\": []}");
    aws.log().clear();

    for (Path bad : List.of(tampered, invalid, future, other)) {
      CliRun run = apply(bad);
      assertThat(run.exitCode()).as(bad + ": " + run.err()).isEqualTo(2);
      assertThat(run.err()).contains(bad.toString());
    }
    assertThat(aws.log().calls()).isEmpty();
  }

  @Test
  void applyingAPlanFileWithoutATerminalNeedsAutoApproveAndMakesNoCall() {
    Path file = plan();
    aws.log().clear();

    CliRun run = CliRun.run(aws, "apply", file.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--auto-approve");
    assertThat(aws.log().calls()).isEmpty();
  }

  @Test
  void aRunThatSavesAndChecksNoPlanComputesNoFingerprintAndPlanOutOneForEveryResourceRead()
      throws Exception {
    long before = Fingerprint.computed();

    CliRun shown = CliRun.run(aws, "plan", REGIONS, HONEY);
    CliRun created = CliRun.run(aws, "apply-rules", "--auto-approve", REGIONS, HONEY);
    CliRun again = CliRun.run(aws, "apply-rules", "--auto-approve", REGIONS, HONEY);

    assertThat(List.of(shown, created, again)).allMatch(r -> r.exitCode() == 0);
    assertThat(aws.log().writes()).isNotEmpty();
    assertThat(Fingerprint.computed()).as("fingerprints without a saved plan").isEqualTo(before);

    Path file = plan();

    long read = 0;
    for (var resource : Json.mapper().readTree(Files.readString(file)).path("resources")) {
      read += resource.path("fingerprint").isTextual() ? 1 : 0;
    }
    assertThat(read).isPositive();
    // One per part and region read, and the file's checksum.
    assertThat(Fingerprint.computed() - before).isEqualTo(read + 1);
  }

  @Test
  void anAppliedPartReportsTheFingerprintOfTheStateItWasPlannedFrom() throws Exception {
    var planned =
        Json.mapper().readTree(CliRun.run(aws, "plan", REGIONS, HONEY, "--output", "json").out());

    CliRun run = CliRun.run(aws, "apply", "--auto-approve", REGIONS, HONEY, "--output", "json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    var applied = Json.mapper().readTree(run.out()).path("results");
    assertThat(applied).hasSameSizeAs(planned.path("results"));
    for (int i = 0; i < applied.size(); i++) {
      var was = planned.path("results").get(i);
      var now = applied.get(i);
      assertThat(now.path("part")).isEqualTo(was.path("part"));
      assertThat(now.path("region")).isEqualTo(was.path("region"));
      assertThat(now.path("fingerprint")).as(now.toString()).isEqualTo(was.path("fingerprint"));
    }
    assertThat(applied).anyMatch(r -> r.path("status").asText().equals("APPLIED"));
  }
}
