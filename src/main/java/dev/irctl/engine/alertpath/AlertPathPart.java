package dev.irctl.engine.alertpath;

import com.fasterxml.jackson.databind.JsonNode;
import dev.irctl.engine.Parallel;
import dev.irctl.engine.hub.AlertPathLogGroup;
import dev.irctl.engine.port.LogGroupPort;
import dev.irctl.engine.port.LogGroupPort.LogGroup;
import dev.irctl.engine.port.MetricsPort;
import dev.irctl.engine.port.MetricsPort.Alarm;
import dev.irctl.engine.rules.ApplyRulesRequest;
import dev.irctl.engine.rules.DesiredRule;
import dev.irctl.engine.run.Applied;
import dev.irctl.engine.run.Fingerprint;
import dev.irctl.engine.run.Notes;
import dev.irctl.engine.run.Part;
import dev.irctl.engine.run.PartContext;
import dev.irctl.engine.run.PartPlan;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The tamper path's second target in one region, for the rules of the selection that watch irctl's
 * own alerting: the {@code /irctl/alert-path} log group, the CloudWatch Logs resource policy that
 * lets EventBridge write to it, and the FailedInvocations alarm on those rules. The rules' second
 * target itself is the rules part's ({@link dev.irctl.engine.rules.AlertPathTarget}). A region
 * where no selected rule watches the alert path has nothing to do.
 */
public final class AlertPathPart implements Part {
  public static final String NAME = "alert-path";

  private final ApplyRulesRequest request;

  public AlertPathPart(ApplyRulesRequest request) {
    this.request = request;
  }

  @Override
  public String name() {
    return NAME;
  }

  /** Whether any selected rule watches the alert path: otherwise the part is left out. */
  public static boolean wanted(ApplyRulesRequest request) {
    return request.rules().stream().anyMatch(DesiredRule::watchesAlertPath);
  }

  /** The rules part, and this part when the selection has a rule that watches the alert path. */
  public static List<Part> withRules(Part rules, ApplyRulesRequest request) {
    return wanted(request) ? List.of(rules, new AlertPathPart(request)) : List.of(rules);
  }

  /**
   * The EventBridge names of the region's alerting rules that watch the alert path, sorted. With a
   * hub only the hub alerts (the other regions forward), so only the hub gets the log group and the
   * alarm.
   */
  public static List<String> watchingRules(ApplyRulesRequest request, String region) {
    return request.alertingRulesIn(region).stream()
        .filter(DesiredRule::watchesAlertPath)
        .map(DesiredRule::name)
        .sorted()
        .toList();
  }

  @Override
  public PartPlan plan(PartContext context) {
    List<String> rules = watchingRules(request, context.region());
    if (rules.isEmpty()) {
      return PartPlan.of(List.of(), "", List.of(), Notes.none());
    }
    AlertPathState actual = read(context);
    List<AlertPathChange> changes =
        AlertPathPlanner.plan(context.identity(), context.region(), rules, actual);
    Notes notes =
        Notes.ids(
            Map.of(
                "logGroup", AlertPathLogGroup.NAME,
                "alarm", AlertPathAlarm.NAME));
    return PartPlan.of(changes, actual, changes, notes);
  }

  /** The log group with its tags, the policies, and the alarm with its tags: three branches. */
  public static AlertPathState read(PartContext context) {
    String region = context.region();
    Parallel parallel = context.parallel();
    LogGroupPort logs = context.ports().alertPath().logGroups(region);
    MetricsPort metrics = context.ports().alertPath().metrics(region);
    CompletableFuture<Optional<LogGroup>> group =
        parallel.fork(() -> logs.logGroup(AlertPathLogGroup.NAME));
    CompletableFuture<Map<String, String>> groupTags =
        tagsOnceFound(parallel, group, g -> logs.tags(g.arn()));
    CompletableFuture<Map<String, String>> policies = parallel.fork(logs::resourcePolicies);
    CompletableFuture<Optional<Alarm>> alarm =
        parallel.fork(() -> metrics.alarm(AlertPathAlarm.NAME));
    CompletableFuture<Map<String, String>> alarmTags =
        tagsOnceFound(parallel, alarm, a -> metrics.alarmTags(a.arn()));
    Map<String, String> allPolicies = Parallel.join(policies);
    Optional<Alarm> found = Parallel.join(alarm);
    return new AlertPathState(
        Parallel.join(group),
        Parallel.join(groupTags),
        Optional.ofNullable(allPolicies.get(AlertPathLogGroup.POLICY_NAME)),
        allPolicies.size(),
        found.map(Alarm::spec),
        found.map(Alarm::actions).orElse(List.of()),
        Parallel.join(alarmTags));
  }

  /** The log group (create, then retention), the policy and the alarm: independent branches. */
  /** The tags of what {@code found} finds, read as soon as it is found; none when absent. */
  private static <T> CompletableFuture<Map<String, String>> tagsOnceFound(
      Parallel parallel,
      CompletableFuture<Optional<T>> found,
      java.util.function.Function<T, Map<String, String>> tags) {
    return found.thenCompose(
        f ->
            f.isEmpty()
                ? CompletableFuture.completedFuture(Map.<String, String>of())
                : parallel.fork(() -> tags.apply(f.get())));
  }

  @Override
  @SuppressWarnings("unchecked")
  public Applied apply(PartContext context, PartPlan plan) {
    String region = context.region();
    LogGroupPort logs = context.ports().alertPath().logGroups(region);
    MetricsPort metrics = context.ports().alertPath().metrics(region);
    AtomicInteger writes = new AtomicInteger();
    List<String> failures = Collections.synchronizedList(new ArrayList<>());
    List<CompletableFuture<Void>> work = new ArrayList<>();
    for (AlertPathChange change : (List<AlertPathChange>) plan.detail()) {
      work.add(
          context
              .parallel()
              .forkRun(
                  () -> {
                    try {
                      apply(change, logs, metrics, writes);
                    } catch (RuntimeException e) {
                      failures.add(change.resource() + ": " + e.getMessage());
                    }
                  }));
    }
    work.forEach(Parallel::join);
    return Applied.of(writes.get(), failures);
  }

  private static void apply(
      AlertPathChange change, LogGroupPort logs, MetricsPort metrics, AtomicInteger writes) {
    if (change instanceof AlertPathChange.CreateLogGroup create) {
      writes.incrementAndGet();
      logs.createLogGroup(create.name(), create.tags());
      writes.incrementAndGet();
      logs.putRetention(create.name(), create.retentionDays());
    } else if (change instanceof AlertPathChange.SetRetention retention) {
      writes.incrementAndGet();
      logs.putRetention(retention.name(), retention.retentionDays());
    } else if (change instanceof AlertPathChange.PutPolicy policy) {
      writes.incrementAndGet();
      logs.putResourcePolicy(policy.name(), policy.document());
    } else if (change instanceof AlertPathChange.PutAlarm alarm) {
      writes.incrementAndGet();
      metrics.putAlarm(alarm.spec(), alarm.actions(), alarm.tags());
    }
  }

  @Override
  public JsonNode desired() {
    return Fingerprint.JSON.valueToTree(request);
  }

  public static AlertPathPart fromDesired(JsonNode desired) {
    return new AlertPathPart(Fingerprint.JSON.convertValue(desired, ApplyRulesRequest.class));
  }
}
