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
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

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
    return new SqsQueueAdapter(clients.client("sqs", region, SqsClient::builder));
  }

  @Override
  public SubscriptionPort subscriptions(String region) {
    return new SnsSubscriptionAdapter(clients.client("sns", region, SnsClient::builder));
  }

  @Override
  public MetricsPort metrics(String region) {
    return new CloudWatchMetricsAdapter(
        clients.client("monitoring", region, CloudWatchClient::builder));
  }

  @Override
  public TrailPort trails(String region) {
    return new CloudTrailAdapter(clients.client("cloudtrail", region, CloudTrailClient::builder));
  }

  @Override
  public SampleFindingsPort sampleFindings(String region) {
    return new SampleFindingsAdapter(clients.client("guardduty", region, GuardDutyClient::builder));
  }

  @Override
  public LogGroupPort logGroups(String region) {
    return new LogGroupAdapter(clients.client("logs", region, CloudWatchLogsClient::builder));
  }

  @Override
  public RolePort roles() {
    return new ForwarderRoleAdapter(clients.client("iam", iamRegion, IamClient::builder));
  }
}
