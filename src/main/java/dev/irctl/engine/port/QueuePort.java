package dev.irctl.engine.port;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * SQS queues in one region: enough for the drill's temporary queue. Queues are addressed by URL.
 */
public interface QueuePort {
  /**
   * CreateQueue with its access policy and tags in the same call, then its ARN (GetQueueAttributes
   * QueueArn).
   */
  Queue createQueue(String name, String policy, Map<String, String> tags);

  /** DeleteQueue; a queue that is already gone is not an error. */
  void deleteQueue(String queueUrl);

  /**
   * ReceiveMessage, long-polling up to {@code waitSeconds} (at most 20) for up to 10 messages;
   * returns their bodies. Messages are not deleted: the drill deletes the whole queue.
   */
  List<String> receive(String queueUrl, int waitSeconds);

  /** The queues whose names start with {@code prefix}, with creation time and tags. */
  List<QueueInfo> listQueues(String prefix);

  record Queue(String url, String arn) {}

  record QueueInfo(String url, String arn, Instant created, Map<String, String> tags) {
    public QueueInfo {
      tags = Map.copyOf(tags);
    }

    /** The queue's name: the last segment of its URL. */
    public String name() {
      return url.substring(url.lastIndexOf('/') + 1);
    }
  }
}
