package dev.irctl.aws;

import dev.irctl.engine.permissions.ActionScope;
import dev.irctl.engine.permissions.AwsAction;
import dev.irctl.engine.port.QueuePort;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/** {@link QueuePort} over the SDK's SQS client for one region. */
final class SqsQueueAdapter implements QueuePort {
  /** Every queue action is scoped to the drill's own queues; ListQueues takes no resource. */
  private static final ActionScope DRILL_QUEUES =
      new ActionScope(
          "IrctlDrillQueues", "arn:${Partition}:sqs:*:${AccountId}:irctl-drill-*", Map.of());

  static final List<AwsAction> ACTIONS =
      List.of(
          AwsAction.write("sqs:CreateQueue").scopedTo(DRILL_QUEUES),
          // Tags in CreateQueue need sqs:TagQueue as well.
          AwsAction.write("sqs:TagQueue").scopedTo(DRILL_QUEUES),
          AwsAction.write("sqs:DeleteQueue").scopedTo(DRILL_QUEUES),
          AwsAction.read("sqs:GetQueueAttributes").scopedTo(DRILL_QUEUES),
          AwsAction.read("sqs:ListQueueTags").scopedTo(DRILL_QUEUES),
          AwsAction.read("sqs:ReceiveMessage").scopedTo(DRILL_QUEUES),
          AwsAction.read("sqs:ListQueues"));

  /** SQS's cap on a long poll. */
  static final int MAX_WAIT_SECONDS = 20;

  private final SqsClient client;

  SqsQueueAdapter(SqsClient client) {
    this.client = client;
  }

  @Override
  public Queue createQueue(String name, String policy, Map<String, String> tags) {
    String url =
        AwsCalls.call(
                "sqs:CreateQueue",
                () ->
                    client.createQueue(
                        b ->
                            b.queueName(name)
                                .attributes(Map.of(QueueAttributeName.POLICY, policy))
                                .tags(tags)))
            .queueUrl();
    String arn =
        AwsCalls.call(
                "sqs:GetQueueAttributes",
                () ->
                    client.getQueueAttributes(
                        b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN)))
            .attributes()
            .get(QueueAttributeName.QUEUE_ARN);
    return new Queue(url, arn);
  }

  @Override
  public void deleteQueue(String queueUrl) {
    AwsCalls.run(
        "sqs:DeleteQueue",
        () -> {
          try {
            client.deleteQueue(b -> b.queueUrl(queueUrl));
          } catch (QueueDoesNotExistException gone) {
            // Already deleted: what was asked for holds.
          }
        });
  }

  @Override
  public List<String> receive(String queueUrl, int waitSeconds) {
    int wait = Math.max(0, Math.min(MAX_WAIT_SECONDS, waitSeconds));
    return AwsCalls.call(
            "sqs:ReceiveMessage",
            () ->
                client.receiveMessage(
                    b -> b.queueUrl(queueUrl).waitTimeSeconds(wait).maxNumberOfMessages(10)))
        .messages()
        .stream()
        .map(Message::body)
        .toList();
  }

  @Override
  public List<QueueInfo> listQueues(String prefix) {
    List<String> urls =
        AwsCalls.list(
            "sqs:ListQueues",
            () -> client.listQueuesPaginator(b -> b.queueNamePrefix(prefix)).queueUrls(),
            url -> url);
    List<QueueInfo> queues = new ArrayList<>();
    for (String url : urls) {
      Map<QueueAttributeName, String> attributes;
      try {
        attributes =
            client
                .getQueueAttributes(
                    b ->
                        b.queueUrl(url)
                            .attributeNames(
                                QueueAttributeName.QUEUE_ARN, QueueAttributeName.CREATED_TIMESTAMP))
                .attributes();
      } catch (QueueDoesNotExistException gone) {
        continue; // deleted between the list and the read (ListQueues is eventually consistent)
      } catch (software.amazon.awssdk.core.exception.SdkException e) {
        throw AwsCalls.translate("sqs:GetQueueAttributes", e);
      }
      Map<String, String> tags =
          AwsCalls.call(
              "sqs:ListQueueTags", () -> client.listQueueTags(b -> b.queueUrl(url)).tags());
      queues.add(
          new QueueInfo(
              url,
              attributes.get(QueueAttributeName.QUEUE_ARN),
              Instant.ofEpochSecond(
                  Long.parseLong(
                      attributes.getOrDefault(QueueAttributeName.CREATED_TIMESTAMP, "0"))),
              tags));
    }
    return queues;
  }
}
