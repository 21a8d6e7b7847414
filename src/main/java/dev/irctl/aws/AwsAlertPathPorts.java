package dev.irctl.aws;

import dev.irctl.engine.port.AlertPathPorts;
import dev.irctl.engine.port.LogGroupPort;
import dev.irctl.engine.port.MetricsPort;
import dev.irctl.engine.port.QueuePort;
import dev.irctl.engine.port.RolePort;
import dev.irctl.engine.port.SampleFindingsPort;
import dev.irctl.engine.port.SubscriptionPort;
import dev.irctl.engine.port.TrailPort;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClientBuilder;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClientBuilder;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClientBuilder;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;
import software.amazon.awssdk.services.guardduty.GuardDutyClientBuilder;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.IamClientBuilder;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.SnsClientBuilder;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

/** The alert path's ports over clients of the shared {@link AwsClients}. */
final class AwsAlertPathPorts implements AlertPathPorts {
  /** Every action these adapters declare, for print-policy once drill and doctor are commands. */
  static final List<List<dev.irctl.engine.permissions.AwsAction>> ADAPTERS =
      List.of(
          SqsQueueAdapter.ACTIONS,
          SnsSubscriptionAdapter.ACTIONS,
          CloudWatchMetricsAdapter.ACTIONS,
          CloudTrailAdapter.ACTIONS,
          SampleFindingsAdapter.ACTIONS,
          LogGroupAdapter.ACTIONS,
          ForwarderRoleAdapter.ACTIONS);

  private final AwsClients clients;
  private final String iamRegion;

  AwsAlertPathPorts(AwsClients clients, String iamRegion) {
    this.clients = clients;
    this.iamRegion = iamRegion;
  }

  @Override
  public QueuePort queues(String region) {
    Supplier<SqsClientBuilder> builder = SqsClient::builder;
    return new SqsQueueAdapter(clients.client("sqs", region, builder));
  }

  @Override
  public SubscriptionPort subscriptions(String region) {
    Supplier<SnsClientBuilder> builder = SnsClient::builder;
    return new SnsSubscriptionAdapter(clients.client("sns", region, builder));
  }

  @Override
  public MetricsPort metrics(String region) {
    Supplier<CloudWatchClientBuilder> builder = CloudWatchClient::builder;
    return new CloudWatchMetricsAdapter(clients.client("monitoring", region, builder));
  }

  @Override
  public TrailPort trails(String region) {
    Supplier<CloudTrailClientBuilder> builder = CloudTrailClient::builder;
    return new CloudTrailAdapter(clients.client("cloudtrail", region, builder));
  }

  @Override
  public SampleFindingsPort sampleFindings(String region) {
    Supplier<GuardDutyClientBuilder> builder = GuardDutyClient::builder;
    return new SampleFindingsAdapter(clients.client("guardduty", region, builder));
  }

  @Override
  public LogGroupPort logGroups(String region) {
    Supplier<CloudWatchLogsClientBuilder> builder = CloudWatchLogsClient::builder;
    return new LogGroupAdapter(clients.client("logs", region, builder));
  }

  @Override
  public RolePort roles() {
    Supplier<IamClientBuilder> builder = IamClient::builder;
    return new ForwarderRoleAdapter(clients.client("iam", iamRegion, builder));
  }
}
