package dev.irctl.aws;

import dev.irctl.engine.permissions.AwsAction;
import dev.irctl.engine.port.MetricsPort;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;

/** {@link MetricsPort} over the SDK's CloudWatch client for one region. */
final class CloudWatchMetricsAdapter implements MetricsPort {
  static final List<AwsAction> ACTIONS = List.of(AwsAction.read("cloudwatch:GetMetricData"));

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
}
