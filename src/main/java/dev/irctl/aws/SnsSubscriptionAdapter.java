package dev.irctl.aws;

import dev.irctl.engine.permissions.AwsAction;
import dev.irctl.engine.permissions.IrctlScopes;
import dev.irctl.engine.port.SubscriptionPort;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.NotFoundException;

/** {@link SubscriptionPort} over the SDK's SNS client for one region. */
final class SnsSubscriptionAdapter implements SubscriptionPort {
  static final List<AwsAction> ACTIONS =
      List.of(
          AwsAction.write("sns:Subscribe").scopedTo(IrctlScopes.TOPICS),
          AwsAction.write("sns:Unsubscribe"),
          AwsAction.read("sns:ListSubscriptionsByTopic"));

  /** What SNS lists as the ARN of a subscription the endpoint has not confirmed yet. */
  private static final String PENDING = "PendingConfirmation";

  private final SnsClient client;

  SnsSubscriptionAdapter(SnsClient client) {
    this.client = client;
  }

  @Override
  public String subscribe(
      String topicArn, String protocol, String endpoint, Map<String, String> attributes) {
    return AwsCalls.call(
            "sns:Subscribe",
            () ->
                client.subscribe(
                    b ->
                        b.topicArn(topicArn)
                            .protocol(protocol)
                            .endpoint(endpoint)
                            .attributes(attributes)
                            .returnSubscriptionArn(true)))
        .subscriptionArn();
  }

  @Override
  public void unsubscribe(String subscriptionArn) {
    AwsCalls.run(
        "sns:Unsubscribe",
        () -> {
          try {
            client.unsubscribe(b -> b.subscriptionArn(subscriptionArn));
          } catch (NotFoundException gone) {
            // Already removed.
          }
        });
  }

  @Override
  public List<TopicSubscription> list(String topicArn) {
    return AwsCalls.list(
        "sns:ListSubscriptionsByTopic",
        () -> client.listSubscriptionsByTopicPaginator(b -> b.topicArn(topicArn)).subscriptions(),
        s ->
            new TopicSubscription(
                s.subscriptionArn(),
                s.protocol(),
                s.endpoint(),
                PENDING.equals(s.subscriptionArn())));
  }
}
