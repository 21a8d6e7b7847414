package dev.irctl.aws;

import dev.irctl.engine.permissions.ActionScope;
import dev.irctl.engine.permissions.AwsAction;
import dev.irctl.engine.port.LogGroupPort;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeResourcePoliciesResponse;

/** {@link LogGroupPort} over the SDK's CloudWatch Logs client for one region. */
final class LogGroupAdapter implements LogGroupPort {
  private static final ActionScope IRCTL_LOG_GROUPS =
      new ActionScope(
          "IrctlLogGroups", "arn:${Partition}:logs:*:${AccountId}:log-group:/irctl/*", Map.of());

  static final List<AwsAction> ACTIONS =
      List.of(
          AwsAction.read("logs:DescribeLogGroups"),
          AwsAction.write("logs:CreateLogGroup").scopedTo(IRCTL_LOG_GROUPS),
          // Tags in CreateLogGroup need logs:TagResource as well.
          AwsAction.write("logs:TagResource").scopedTo(IRCTL_LOG_GROUPS),
          AwsAction.read("logs:ListTagsForResource"),
          AwsAction.write("logs:PutRetentionPolicy").scopedTo(IRCTL_LOG_GROUPS),
          // Resource policies are account-wide in a region: these take no narrower resource.
          AwsAction.read("logs:DescribeResourcePolicies"),
          AwsAction.write("logs:PutResourcePolicy"));

  private final CloudWatchLogsClient client;

  LogGroupAdapter(CloudWatchLogsClient client) {
    this.client = client;
  }

  @Override
  public Optional<LogGroup> logGroup(String name) {
    return AwsCalls.call(
        "logs:DescribeLogGroups",
        () ->
            client.describeLogGroupsPaginator(b -> b.logGroupNamePrefix(name)).logGroups().stream()
                .filter(g -> name.equals(g.logGroupName()))
                .findFirst()
                .map(
                    g ->
                        new LogGroup(
                            g.logGroupName(),
                            g.logGroupArn() != null ? g.logGroupArn() : stripStar(g.arn()),
                            Optional.ofNullable(g.retentionInDays()))));
  }

  @Override
  public void createLogGroup(String name, Map<String, String> tags) {
    AwsCalls.run(
        "logs:CreateLogGroup", () -> client.createLogGroup(b -> b.logGroupName(name).tags(tags)));
  }

  @Override
  public Map<String, String> tags(String logGroupArn) {
    return AwsCalls.call(
        "logs:ListTagsForResource",
        () -> client.listTagsForResource(b -> b.resourceArn(logGroupArn)).tags());
  }

  @Override
  public void putRetention(String name, int days) {
    AwsCalls.run(
        "logs:PutRetentionPolicy",
        () -> client.putRetentionPolicy(b -> b.logGroupName(name).retentionInDays(days)));
  }

  @Override
  public Map<String, String> resourcePolicies() {
    // CloudWatch Logs has no SDK paginator for DescribeResourcePolicies.
    Map<String, String> policies = new TreeMap<>();
    AwsCalls.pages(
            "logs:DescribeResourcePolicies",
            token -> client.describeResourcePolicies(b -> b.nextToken(token)),
            DescribeResourcePoliciesResponse::nextToken)
        .forEach(
            page ->
                page.resourcePolicies()
                    .forEach(p -> policies.put(p.policyName(), p.policyDocument())));
    return policies;
  }

  @Override
  public void putResourcePolicy(String policyName, String document) {
    AwsCalls.run(
        "logs:PutResourcePolicy",
        () -> client.putResourcePolicy(b -> b.policyName(policyName).policyDocument(document)));
  }

  private static String stripStar(String arn) {
    return arn != null && arn.endsWith(":*") ? arn.substring(0, arn.length() - 2) : arn;
  }
}
