package dev.irctl.engine.alertpath;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.irctl.catalog.ConsoleSignIns;
import dev.irctl.engine.hub.AlertPathLogGroup;
import dev.irctl.engine.port.MetricsPort.Alarm;
import dev.irctl.engine.region.RegionSelection;
import dev.irctl.engine.rules.ApplyRulesRequest;
import dev.irctl.engine.rules.DesiredRule;
import dev.irctl.engine.rules.MessageFormat;
import dev.irctl.engine.rules.RulesPart;
import dev.irctl.engine.rules.TopicSpec;
import dev.irctl.engine.run.Mode;
import dev.irctl.engine.run.PartResult;
import dev.irctl.engine.run.PartStatus;
import dev.irctl.engine.run.Progress;
import dev.irctl.engine.run.Runner;
import dev.irctl.fakes.FakePorts;
import dev.irctl.fakes.PartRun;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlertPathPartTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String REGION = "eu-west-1";
  private final FakePorts aws = new FakePorts();

  static DesiredRule rule(String id, boolean watches) {
    return new DesiredRule(
        "irctl-" + id,
        id,
        "Rule " + id,
        "high",
        "description " + id,
        JSON.createObjectNode().set("source", JSON.createArrayNode().add("aws." + id)),
        "ENABLED",
        Map.of("managed-by", "irctl", "irctl:rule-id", id, "irctl:catalog-version", "1"),
        false,
        watches,
        ConsoleSignIns.NONE);
  }

  static ApplyRulesRequest request(List<DesiredRule> rules) {
    return new ApplyRulesRequest(
        "default",
        new TopicSpec("irctl-alerts", Optional.empty(), List.of()),
        MessageFormat.RAW,
        false,
        rules,
        List.of(),
        Optional.empty(),
        List.of());
  }

  private static final ApplyRulesRequest TWO_WATCHING =
      request(List.of(rule("sns-tamper", true), rule("plain", false), rule("kms-tamper", true)));

  private List<PartResult> run(ApplyRulesRequest request, boolean dryRun) {
    return PartRun.run(aws, 4, List.of(REGION), new AlertPathPart(request), dryRun);
  }

  @Test
  void aFreshRegionGetsTheLogGroupPolicyAndAlarmAndASecondRunWritesNothing() throws Exception {
    List<PartResult> first = run(TWO_WATCHING, false);

    assertThat(first.get(0).status()).as(first.toString()).isEqualTo(PartStatus.APPLIED);
    assertThat(aws.log().writes())
        .containsExactlyInAnyOrder(
            REGION + " logs:CreateLogGroup (write)",
            REGION + " logs:PutRetentionPolicy (write)",
            REGION + " logs:PutResourcePolicy (write)",
            REGION + " cloudwatch:PutMetricAlarm (write)");
    assertThat(first.get(0).writes()).isEqualTo(4);
    var logs = aws.alertPathFake().logGroupsIn(REGION);
    assertThat(logs.logGroup(AlertPathLogGroup.NAME).orElseThrow().retentionDays())
        .contains(AlertPathLogGroup.RETENTION_DAYS);
    JsonNode policy = JSON.readTree(logs.resourcePolicies().get(AlertPathLogGroup.POLICY_NAME));
    assertThat(policy.at("/Statement/0/Principal/Service/0").asText())
        .isEqualTo("events.amazonaws.com");
    assertThat(policy.at("/Statement/0/Resource").asText())
        .isEqualTo("arn:aws:logs:eu-west-1:111122223333:log-group:/irctl/alert-path:*");
    Alarm alarm =
        aws.alertPathFake().metricsIn(REGION).alarmNamed(AlertPathAlarm.NAME).orElseThrow();
    assertThat(alarm.spec().ruleNames()).containsExactly("irctl-kms-tamper", "irctl-sns-tamper");
    assertThat(alarm.spec().expression()).isEqualTo("SUM(METRICS())");
    assertThat(alarm.spec().treatMissingData()).isEqualTo("notBreaching");
    assertThat(alarm.actions()).as("no action through the topic it watches").isEmpty();
    assertThat(aws.alertPathFake().metricsIn(REGION).alarmTags(alarm.arn()))
        .containsEntry("managed-by", "irctl");

    aws.log().clear();
    List<PartResult> second = run(TWO_WATCHING, false);

    assertThat(second.get(0).status()).isEqualTo(PartStatus.IN_SYNC);
    assertThat(aws.log().writes()).isEmpty();
  }

  @Test
  void aPlanWritesNothingAndShowsTheThreeResources() {
    List<PartResult> plan = run(TWO_WATCHING, true);

    assertThat(plan.get(0).status()).isEqualTo(PartStatus.PENDING);
    assertThat(plan.get(0).changes())
        .extracting(c -> c.resource())
        .containsExactly(
            "log group /irctl/alert-path",
            "logs resource policy irctl-eventbridge-alert-path",
            "alarm irctl-alert-path-failed-invocations");
    assertThat(aws.log().writes()).isEmpty();
  }

  @Test
  void aRegionWithoutWatchingRulesHasNothingToDoAndReadsNothing() {
    List<PartResult> result = run(request(List.of(rule("plain", false))), false);

    assertThat(result.get(0).status()).isEqualTo(PartStatus.IN_SYNC);
    assertThat(aws.log().calls()).noneMatch(c -> c.contains("logs:") || c.contains("cloudwatch:"));
  }

  @Test
  void foreignStatementsInIrctlsPolicyAreKeptAndOursIsAdded() throws Exception {
    String foreign =
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Route53\",\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"route53.amazonaws.com\"},\"Action\":\"logs:PutLogEvents\","
            + "\"Resource\":\"*\"}]}";
    aws.alertPathFake()
        .logGroupsIn(REGION)
        .putResourcePolicy(AlertPathLogGroup.POLICY_NAME, foreign);
    aws.alertPathFake().logGroupsIn(REGION).putResourcePolicy("someone-elses", foreign);
    aws.log().clear();

    run(TWO_WATCHING, false);

    Map<String, String> policies = aws.alertPathFake().logGroupsIn(REGION).resourcePolicies();
    assertThat(policies.get("someone-elses")).isEqualTo(foreign);
    JsonNode ours = JSON.readTree(policies.get(AlertPathLogGroup.POLICY_NAME));
    assertThat(ours.path("Statement")).hasSize(2);
    assertThat(ours.at("/Statement/0/Sid").asText()).isEqualTo("Route53");
    assertThat(ours.at("/Statement/1/Sid").asText()).isEqualTo("EventBridgeToIrctlAlertPath");
  }

  @Test
  void aLogGroupWithoutIrctlsTagIsNotTouched() {
    aws.alertPathFake().logGroupsIn(REGION).createLogGroup(AlertPathLogGroup.NAME, Map.of());
    aws.log().clear();

    List<PartResult> result = run(TWO_WATCHING, false);

    assertThat(result.get(0).status()).isEqualTo(PartStatus.FAILED);
    assertThat(result.get(0).error().orElseThrow().message())
        .contains("log group /irctl/alert-path exists but is not tagged managed-by=irctl");
    assertThat(aws.log().writes()).isEmpty();
  }

  @Test
  void anAlarmWithoutIrctlsTagIsNotTouched() {
    var metrics = aws.alertPathFake().metricsIn(REGION);
    metrics.alarm(
        new Alarm(
            metrics.arn(AlertPathAlarm.NAME),
            AlertPathAlarm.spec(List.of("x")),
            List.of(),
            "OK",
            "",
            Optional.empty()),
        Map.of());
    aws.log().clear();

    List<PartResult> result = run(TWO_WATCHING, false);

    assertThat(result.get(0).status()).isEqualTo(PartStatus.FAILED);
    assertThat(result.get(0).error().orElseThrow().message())
        .contains("alarm irctl-alert-path-failed-invocations exists but is not tagged");
    assertThat(aws.log().writes()).isEmpty();
  }

  @Test
  void aDriftedAlarmIsReplacedKeepingTheUsersActions() {
    var metrics = aws.alertPathFake().metricsIn(REGION);
    List<String> pager = List.of("arn:aws:sns:eu-west-1:111122223333:pager-elsewhere");
    metrics.alarm(
        new Alarm(
            metrics.arn(AlertPathAlarm.NAME),
            AlertPathAlarm.spec(List.of("irctl-sns-tamper")),
            pager,
            "OK",
            "",
            Optional.empty()),
        Map.of("managed-by", "irctl"));

    List<PartResult> result = run(TWO_WATCHING, false);

    assertThat(result.get(0).changes())
        .anySatisfy(c -> assertThat(c.reason()).isEqualTo("alarm differs"));
    Alarm alarm = metrics.alarmNamed(AlertPathAlarm.NAME).orElseThrow();
    assertThat(alarm.spec().ruleNames()).containsExactly("irctl-kms-tamper", "irctl-sns-tamper");
    assertThat(alarm.actions()).isEqualTo(pager);
  }

  @Test
  void aShortRetentionIsRaisedAndALongerOneKept() {
    var logs = aws.alertPathFake().logGroupsIn(REGION);
    logs.createLogGroup(AlertPathLogGroup.NAME, Map.of("managed-by", "irctl"));
    logs.putRetention(AlertPathLogGroup.NAME, 30);

    run(TWO_WATCHING, false);
    assertThat(logs.logGroup(AlertPathLogGroup.NAME).orElseThrow().retentionDays()).contains(400);

    logs.putRetention(AlertPathLogGroup.NAME, 3653);
    aws.log().clear();
    run(TWO_WATCHING, false);
    assertThat(aws.log().writes()).isEmpty();
  }

  @Test
  void tenPoliciesInTheRegionFailItBeforeAnyWrite() {
    for (int i = 0; i < 10; i++) {
      aws.alertPathFake().logGroupsIn(REGION).putResourcePolicy("p" + i, "{}");
    }
    aws.log().clear();

    List<PartResult> result = run(TWO_WATCHING, false);

    assertThat(result.get(0).status()).isEqualTo(PartStatus.FAILED);
    assertThat(result.get(0).error().orElseThrow().message())
        .contains("10 CloudWatch Logs resource policies");
    assertThat(aws.log().writes()).isEmpty();
  }

  @Test
  void withTheRulesPartTheWatchingRulesTargetTheLogGroupAndTheRestDoNot() {
    Runner runner = new Runner(aws, 4, Progress.NONE);
    runner.run(
        runner.identify(),
        new RegionSelection(List.of(REGION), List.of(), Map.of(), List.of()),
        AlertPathPart.withRules(new RulesPart(TWO_WATCHING), TWO_WATCHING),
        Mode.APPLY,
        List.of());

    var events = aws.eventBridgeIn(REGION);
    String logs = "arn:aws:logs:eu-west-1:111122223333:log-group:/irctl/alert-path";
    assertThat(events.listTargets("default", "irctl-sns-tamper"))
        .extracting(t -> t.id() + " " + t.arn())
        .contains("irctl-alert-path " + logs);
    assertThat(events.listTargets("default", "irctl-sns-tamper"))
        .allSatisfy(t -> assertThat(t.id()).startsWith("irctl-"));
    assertThat(events.listTargets("default", "irctl-plain"))
        .extracting(t -> t.id())
        .containsExactly("irctl-sns");

    aws.log().clear();
    runner.run(
        runner.identify(),
        new RegionSelection(List.of(REGION), List.of(), Map.of(), List.of()),
        AlertPathPart.withRules(new RulesPart(TWO_WATCHING), TWO_WATCHING),
        Mode.APPLY,
        List.of());
    assertThat(aws.log().writes()).isEmpty();
  }

  @Test
  void theAlarmStateIsNotPartOfThePlansFingerprint() {
    run(TWO_WATCHING, false);
    String before = run(TWO_WATCHING, true).get(0).fingerprint().orElseThrow();
    aws.alertPathFake()
        .metricsIn(REGION)
        .state(
            AlertPathAlarm.NAME,
            "ALARM",
            "Threshold Crossed",
            Instant.parse("2026-03-01T00:00:00Z"));

    assertThat(run(TWO_WATCHING, true).get(0).fingerprint()).contains(before);
  }
}
