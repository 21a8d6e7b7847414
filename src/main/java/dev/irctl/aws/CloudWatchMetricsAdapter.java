package dev.irctl.aws;

import dev.irctl.engine.permissions.ActionScope;
import dev.irctl.engine.permissions.AwsAction;
import dev.irctl.engine.port.MetricsPort;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.Tag;

/** {@link MetricsPort} over the SDK's CloudWatch client for one region. */
final class CloudWatchMetricsAdapter implements MetricsPort {
  private static final ActionScope IRCTL_ALARMS =
      new ActionScope(
          "IrctlAlarms", "arn:${Partition}:cloudwatch:*:${AccountId}:alarm:irctl-*", Map.of());

  static final List<AwsAction> ACTIONS =
      List.of(
          AwsAction.read("cloudwatch:GetMetricData"),
          // DescribeAlarms takes no resource narrower than the account's alarms.
          AwsAction.read("cloudwatch:DescribeAlarms"),
          AwsAction.read("cloudwatch:ListTagsForResource"),
          AwsAction.write("cloudwatch:PutMetricAlarm").scopedTo(IRCTL_ALARMS),
          // Tags in PutMetricAlarm need cloudwatch:TagResource as well.
          AwsAction.write("cloudwatch:TagResource").scopedTo(IRCTL_ALARMS));

  private static final String NAMESPACE = "AWS/Events";
  private static final String METRIC = "FailedInvocations";

  /** GetMetricData's cap on queries per request. */
  static final int QUERIES_PER_CALL = 500;

  /** One data point per hour: 24 per rule over a day, well under the 100,800 a call returns. */
  static final int PERIOD_SECONDS = 3600;

  private final CloudWatchClient client;

  CloudWatchMetricsAdapter(CloudWatchClient client) {
    this.client = client;
  }

  @Override
  public Map<String, Double> failedInvocations(List<String> ruleNames, Instant from, Instant to) {
    Map<String, Double> sums = new HashMap<>();
    for (int start = 0; start < ruleNames.size(); start += QUERIES_PER_CALL) {
      List<String> batch =
          ruleNames.subList(start, Math.min(ruleNames.size(), start + QUERIES_PER_CALL));
      List<MetricDataQuery> queries = new ArrayList<>();
      for (int i = 0; i < batch.size(); i++) {
        String rule = batch.get(i);
        queries.add(
            MetricDataQuery.builder()
                .id("r" + i)
                .returnData(true)
                .metricStat(
                    s ->
                        s.stat("Sum")
                            .period(PERIOD_SECONDS)
                            .metric(
                                m ->
                                    m.namespace("AWS/Events")
                                        .metricName("FailedInvocations")
                                        .dimensions(d -> d.name("RuleName").value(rule))))
                .build());
      }
      String token = null;
      do {
        String next = token;
        GetMetricDataResponse page =
            AwsCalls.call(
                "cloudwatch:GetMetricData",
                () ->
                    client.getMetricData(
                        b ->
                            b.metricDataQueries(queries)
                                .startTime(from)
                                .endTime(to)
                                .nextToken(next)));
        for (MetricDataResult result : page.metricDataResults()) {
          int index = Integer.parseInt(result.id().substring(1));
          double sum = result.values().stream().mapToDouble(Double::doubleValue).sum();
          if (!result.values().isEmpty()) {
            sums.merge(batch.get(index), sum, Double::sum);
          }
        }
        token = page.nextToken();
      } while (token != null && !token.isEmpty());
    }
    return sums;
  }

  @Override
  public Optional<Alarm> alarm(String name) {
    return AwsCalls.call(
        "cloudwatch:DescribeAlarms",
        () ->
            client
                .describeAlarms(b -> b.alarmNames(name).alarmTypes(AlarmType.METRIC_ALARM))
                .metricAlarms()
                .stream()
                .filter(a -> name.equals(a.alarmName()))
                .findFirst()
                .map(CloudWatchMetricsAdapter::alarm));
  }

  private static Alarm alarm(MetricAlarm a) {
    List<String> rules = new ArrayList<>();
    String expression = "";
    int period = a.period() == null ? 0 : a.period();
    for (MetricDataQuery query : a.metrics()) {
      if (query.expression() != null) {
        expression = query.expression();
      } else if (query.metricStat() != null) {
        period = query.metricStat().period() == null ? period : query.metricStat().period();
        query.metricStat().metric().dimensions().stream()
            .filter(d -> "RuleName".equals(d.name()))
            .map(Dimension::value)
            .forEach(rules::add);
      }
    }
    AlarmSpec spec =
        new AlarmSpec(
            a.alarmName(),
            a.alarmDescription() == null ? "" : a.alarmDescription(),
            rules,
            expression,
            period,
            a.evaluationPeriods() == null ? 0 : a.evaluationPeriods(),
            a.threshold() == null ? 0 : a.threshold(),
            a.comparisonOperatorAsString() == null ? "" : a.comparisonOperatorAsString(),
            a.treatMissingData() == null ? "" : a.treatMissingData());
    return new Alarm(
        a.alarmArn(),
        spec,
        a.alarmActions(),
        a.stateValueAsString() == null ? "" : a.stateValueAsString(),
        a.stateReason() == null ? "" : a.stateReason(),
        Optional.ofNullable(a.stateUpdatedTimestamp()));
  }

  @Override
  public Map<String, String> alarmTags(String alarmArn) {
    Map<String, String> tags = new HashMap<>();
    AwsCalls.call(
            "cloudwatch:ListTagsForResource",
            () -> client.listTagsForResource(b -> b.resourceARN(alarmArn)).tags())
        .forEach(t -> tags.put(t.key(), t.value()));
    return tags;
  }

  @Override
  public void putAlarm(AlarmSpec spec, List<String> actions, Map<String, String> tags) {
    List<MetricDataQuery> metrics = new ArrayList<>();
    for (int i = 0; i < spec.ruleNames().size(); i++) {
      String rule = spec.ruleNames().get(i);
      metrics.add(
          MetricDataQuery.builder()
              .id("m" + i)
              .returnData(false)
              .metricStat(
                  s ->
                      s.stat("Sum")
                          .period(spec.periodSeconds())
                          .metric(
                              m ->
                                  m.namespace(NAMESPACE)
                                      .metricName(METRIC)
                                      .dimensions(d -> d.name("RuleName").value(rule))))
              .build());
    }
    metrics.add(
        MetricDataQuery.builder()
            .id("failed")
            .expression(spec.expression())
            .label("FailedInvocations of irctl's alert-path rules")
            .returnData(true)
            .build());
    List<Tag> tagList =
        tags.entrySet().stream()
            .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
            .toList();
    AwsCalls.run(
        "cloudwatch:PutMetricAlarm",
        () ->
            client.putMetricAlarm(
                b ->
                    b.alarmName(spec.name())
                        .alarmDescription(spec.description())
                        .metrics(metrics)
                        .evaluationPeriods(spec.evaluationPeriods())
                        .threshold(spec.threshold())
                        .comparisonOperator(spec.comparison())
                        .treatMissingData(spec.treatMissingData())
                        .actionsEnabled(true)
                        .alarmActions(actions)
                        .tags(tagList)));
  }
}
