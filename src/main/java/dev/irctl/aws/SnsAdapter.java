package dev.irctl.aws;

import dev.irctl.engine.permissions.AwsAction;
import dev.irctl.engine.permissions.IrctlScopes;
import dev.irctl.engine.port.SnsPort;
import dev.irctl.engine.port.Subscription;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.Tag;

/** {@link SnsPort} over the SDK's SNS client for one region. */
final class SnsAdapter implements SnsPort {
  /**
   * The IAM actions this adapter calls; print-policy and the wire tests check against this list.
   */
  static final List<AwsAction> ACTIONS =
      List.of(
          AwsAction.read("sns:GetTopicAttributes"),
          AwsAction.read("sns:ListTagsForResource"),
          AwsAction.write("sns:CreateTopic").scopedTo(IrctlScopes.TOPICS),
          AwsAction.write("sns:TagResource").scopedTo(IrctlScopes.TOPICS),
          AwsAction.write("sns:SetTopicAttributes").scopedTo(IrctlScopes.TOPICS),
          AwsAction.read("sns:ListSubscriptionsByTopic"),
          AwsAction.write("sns:Subscribe").scopedTo(IrctlScopes.TOPICS),
          AwsAction.write("sns:DeleteTopic").scopedTo(IrctlScopes.TOPICS));

  private final SnsClient client;

  SnsAdapter(SnsClient client) {
    this.client = client;
  }

  @Override
  public Optional<Map<String, String>> topicAttributes(String topicArn) {
    return AwsCalls.absentIfNotFound(
        () ->
            AwsCalls.call(
                "sns:GetTopicAttributes",
                () -> client.getTopicAttributes(b -> b.topicArn(topicArn)).attributes()));
  }

  @Override
  public Map<String, String> topicTags(String topicArn) {
    List<Tag> tags =
        AwsCalls.call(
            "sns:ListTagsForResource",
            () -> client.listTagsForResource(b -> b.resourceArn(topicArn)).tags());
    Map<String, String> map = new HashMap<>();
    tags.forEach(t -> map.put(t.key(), t.value()));
    return map;
  }

  @Override
  public String createTopic(String name, Map<String, String> attributes, Map<String, String> tags) {
    // Tags on CreateTopic need sns:TagResource as well as sns:CreateTopic; both are in ACTIONS.
    List<Tag> sdkTags =
        tags.entrySet().stream()
            .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
            .toList();
    return AwsCalls.call(
            "sns:CreateTopic",
            () -> client.createTopic(b -> b.name(name).attributes(attributes).tags(sdkTags)))
        .topicArn();
  }

  @Override
  public void setTopicAttribute(String topicArn, String name, String value) {
    AwsCalls.run(
        "sns:SetTopicAttributes",
        () ->
            client.setTopicAttributes(
                b -> b.topicArn(topicArn).attributeName(name).attributeValue(value)));
  }

  /** The topic's subscriptions as the rules' part compares them: without their ARNs. */
  @Override
  public List<Subscription> subscriptions(String topicArn) {
    return new SnsSubscriptionAdapter(client)
        .list(topicArn).stream()
            .map(s -> new Subscription(s.protocol(), s.endpoint(), s.pending()))
            .toList();
  }

  @Override
  public void subscribe(String topicArn, String protocol, String endpoint) {
    AwsCalls.run(
        "sns:Subscribe",
        () -> client.subscribe(b -> b.topicArn(topicArn).protocol(protocol).endpoint(endpoint)));
  }

  @Override
  public void deleteTopic(String topicArn) {
    AwsCalls.run("sns:DeleteTopic", () -> client.deleteTopic(b -> b.topicArn(topicArn)));
  }
}
