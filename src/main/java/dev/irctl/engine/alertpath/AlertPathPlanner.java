package dev.irctl.engine.alertpath;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.irctl.engine.FieldDiff;
import dev.irctl.engine.Ownership;
import dev.irctl.engine.PlanConflictException;
import dev.irctl.engine.hub.AlertPathLogGroup;
import dev.irctl.engine.port.AccountPort.Identity;
import dev.irctl.engine.port.MetricsPort.AlarmSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The tamper path's plan for one region: the {@code /irctl/alert-path} log group (tagged, kept at
 * least {@link AlertPathLogGroup#RETENTION_DAYS} days), irctl's statement in its own CloudWatch
 * Logs resource policy (other statements kept), and the FailedInvocations alarm over the region's
 * alert-path rules. irctl changes the log group and the alarm only when they carry the {@code
 * managed-by=irctl} tag; a same-named one without it is a conflict for the region. Pure.
 */
public final class AlertPathPlanner {
  /** CloudWatch Logs allows this many account-level resource policies per region. */
  static final int POLICIES_PER_REGION = 10;

  private static final ObjectMapper JSON = new ObjectMapper();

  private AlertPathPlanner() {}

  public static List<AlertPathChange> plan(
      Identity identity, String region, List<String> ruleNames, AlertPathState actual) {
    List<AlertPathChange> changes = new ArrayList<>();
    logGroup(actual).ifPresent(changes::add);
    policy(identity, region, actual).ifPresent(changes::add);
    alarm(ruleNames, actual).ifPresent(changes::add);
    return changes;
  }

  static Optional<AlertPathChange> logGroup(AlertPathState actual) {
    int keep = AlertPathLogGroup.RETENTION_DAYS;
    if (actual.logGroup().isEmpty()) {
      return Optional.of(
          new AlertPathChange.CreateLogGroup(AlertPathLogGroup.NAME, Ownership.tags(), keep));
    }
    if (!Ownership.taggedByIrctl(actual.logGroupTags())) {
      throw new PlanConflictException(
          "log group "
              + AlertPathLogGroup.NAME
              + " exists but is not tagged managed-by=irctl, so irctl will not change it. Tag it"
              + " managed-by=irctl to hand it to irctl, or delete it. Nothing of the alert path"
              + " was changed in this region.");
    }
    Optional<Integer> days = actual.logGroup().get().retentionDays();
    if (days.isPresent() && days.get() < keep) {
      return Optional.of(
          new AlertPathChange.SetRetention(AlertPathLogGroup.NAME, days.get(), keep));
    }
    return Optional.empty(); // never expiring, or kept longer: the user's choice stands
  }

  static Optional<AlertPathChange> policy(Identity identity, String region, AlertPathState actual) {
    ObjectNode wanted =
        AlertPathLogGroup.resourcePolicy(identity.partition(), region, identity.accountId());
    JsonNode statement = wanted.path("Statement").get(0);
    String sid = statement.path("Sid").asText();
    if (actual.policy().isEmpty()) {
      if (actual.policyCount() >= POLICIES_PER_REGION) {
        throw new PlanConflictException(
            "the region already holds "
                + actual.policyCount()
                + " CloudWatch Logs resource policies, the most AWS allows, so irctl cannot add "
                + AlertPathLogGroup.POLICY_NAME
                + " to let EventBridge write to "
                + AlertPathLogGroup.NAME
                + ". Delete an unused one. Nothing of the alert path was changed in this region.");
      }
      return Optional.of(
          new AlertPathChange.PutPolicy(
              AlertPathLogGroup.POLICY_NAME,
              wanted.toString(),
              true,
              List.of(FieldDiff.of("statement " + sid, null, statement))));
    }
    ObjectNode existing = parse(actual.policy().get());
    ArrayNode statements = statementsOf(existing);
    JsonNode current = null;
    int index = -1;
    for (int i = 0; i < statements.size(); i++) {
      if (sid.equals(statements.get(i).path("Sid").asText())) {
        current = statements.get(i);
        index = i;
      }
    }
    if (statement.equals(current)) {
      return Optional.empty();
    }
    if (index >= 0) {
      statements.set(index, statement);
    } else {
      statements.add(statement);
    }
    return Optional.of(
        new AlertPathChange.PutPolicy(
            AlertPathLogGroup.POLICY_NAME,
            existing.toString(),
            false,
            List.of(FieldDiff.of("statement " + sid, current, statement))));
  }

  static Optional<AlertPathChange> alarm(List<String> ruleNames, AlertPathState actual) {
    AlarmSpec wanted = AlertPathAlarm.spec(ruleNames);
    if (actual.alarm().isEmpty()) {
      return Optional.of(
          new AlertPathChange.PutAlarm(
              wanted,
              List.of(),
              Ownership.tags(),
              true,
              List.of(FieldDiff.of("rules", null, String.join(", ", wanted.ruleNames())))));
    }
    if (!Ownership.taggedByIrctl(actual.alarmTags())) {
      throw new PlanConflictException(
          "alarm "
              + AlertPathAlarm.NAME
              + " exists but is not tagged managed-by=irctl, so irctl will not change it. Delete or"
              + " rename it. Nothing of the alert path was changed in this region.");
    }
    List<FieldDiff> diffs = diffs(actual.alarm().get(), wanted);
    if (diffs.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new AlertPathChange.PutAlarm(
            wanted, actual.alarmActions(), Ownership.tags(), false, diffs));
  }

  private static List<FieldDiff> diffs(AlarmSpec actual, AlarmSpec wanted) {
    List<FieldDiff> diffs = new ArrayList<>();
    if (!actual.ruleNames().stream().sorted().toList().equals(wanted.ruleNames())) {
      diffs.add(
          FieldDiff.of(
              "rules",
              String.join(", ", actual.ruleNames()),
              String.join(", ", wanted.ruleNames())));
    }
    diff(diffs, "description", actual.description(), wanted.description());
    diff(diffs, "expression", actual.expression(), wanted.expression());
    diff(diffs, "period", actual.periodSeconds(), wanted.periodSeconds());
    diff(diffs, "evaluationPeriods", actual.evaluationPeriods(), wanted.evaluationPeriods());
    diff(diffs, "threshold", actual.threshold(), wanted.threshold());
    diff(diffs, "comparisonOperator", actual.comparison(), wanted.comparison());
    diff(diffs, "treatMissingData", actual.treatMissingData(), wanted.treatMissingData());
    return diffs;
  }

  private static void diff(List<FieldDiff> diffs, String field, Object actual, Object wanted) {
    if (!actual.equals(wanted)) {
      diffs.add(FieldDiff.of(field, actual, wanted));
    }
  }

  private static ObjectNode parse(String document) {
    try {
      JsonNode node = JSON.readTree(document);
      if (node instanceof ObjectNode object) {
        return object;
      }
    } catch (Exception e) {
      // below
    }
    throw new PlanConflictException(
        "CloudWatch Logs resource policy "
            + AlertPathLogGroup.POLICY_NAME
            + " is not a JSON policy document, so irctl will not rewrite it. Fix or delete it."
            + " Nothing of the alert path was changed in this region.");
  }

  /** The policy's statements as an array (a lone statement object becomes one). */
  private static ArrayNode statementsOf(ObjectNode policy) {
    JsonNode statements = policy.path("Statement");
    if (statements.isArray()) {
      return (ArrayNode) statements;
    }
    ArrayNode array = policy.arrayNode();
    if (statements.isObject()) {
      array.add(statements);
    }
    policy.set("Statement", array);
    return array;
  }
}
