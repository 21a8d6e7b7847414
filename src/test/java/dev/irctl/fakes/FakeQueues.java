package dev.irctl.fakes;

import dev.irctl.engine.port.AwsCallException;
import dev.irctl.engine.port.QueuePort;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * SQS in one region, in memory and in virtual time: queues with policy, tags and creation time;
 * messages become visible at a given instant; a long poll with nothing visible moves {@link
 * FakeTime} forward to the next message or the end of the wait.
 */
public final class FakeQueues implements QueuePort {
  private final String region;
  private final String account;
  private final CallLog log;
  private final FakeTime time;
  private final Map<String, StoredQueue> queues = new TreeMap<>();
  private volatile Runnable onReceive = () -> {};

  /** A queue as the fake keeps it. */
  public record StoredQueue(
      String name,
      String url,
      String arn,
      String policy,
      Map<String, String> tags,
      Instant created,
      List<Pending> messages) {}

  record Pending(Instant visibleAt, String body) {}

  FakeQueues(String region, String account, CallLog log, FakeTime time) {
    this.region = region;
    this.account = account;
    this.log = log;
    this.time = time;
  }

  /** Seeds a queue created at {@code created}, e.g. one a killed drill left behind. */
  public synchronized FakeQueues existing(String name, Instant created, Map<String, String> tags) {
    queues.put(
        name,
        new StoredQueue(
            name, url(name), arn(name), "{}", new HashMap<>(tags), created, new ArrayList<>()));
    return this;
  }

  /** Runs on every ReceiveMessage, before it answers (e.g. to interrupt the drill mid-poll). */
  public FakeQueues onReceive(Runnable hook) {
    this.onReceive = hook;
    return this;
  }

  public synchronized List<String> names() {
    return List.copyOf(queues.keySet());
  }

  public synchronized java.util.Optional<StoredQueue> byArn(String arn) {
    return queues.values().stream().filter(q -> q.arn().equals(arn)).findFirst();
  }

  /** A message arriving at {@code visibleAt}, as SNS would send it. */
  public synchronized void deliver(String queueArn, String body, Instant visibleAt) {
    byArn(queueArn).ifPresent(q -> q.messages().add(new Pending(visibleAt, body)));
  }

  @Override
  public Queue createQueue(String name, String policy, Map<String, String> tags) {
    log.record(region, "sqs:CreateQueue", true);
    log.record(region, "sqs:GetQueueAttributes", false);
    synchronized (this) {
      StoredQueue queue =
          queues.computeIfAbsent(
              name,
              n ->
                  new StoredQueue(
                      n,
                      url(n),
                      arn(n),
                      policy,
                      new HashMap<>(tags),
                      time.now(),
                      new ArrayList<>()));
      return new Queue(queue.url(), queue.arn());
    }
  }

  @Override
  public void deleteQueue(String queueUrl) {
    log.record(region, "sqs:DeleteQueue", true);
    synchronized (this) {
      queues.values().removeIf(q -> q.url().equals(queueUrl));
    }
  }

  @Override
  public List<String> receive(String queueUrl, int waitSeconds) {
    log.record(region, "sqs:ReceiveMessage", false);
    onReceive.run();
    Instant start = time.now();
    Instant next;
    synchronized (this) {
      StoredQueue queue = byUrl(queueUrl);
      List<String> visible = takeVisible(queue, start);
      if (!visible.isEmpty()) {
        return visible;
      }
      Instant end = start.plusSeconds(waitSeconds);
      next =
          queue.messages().stream()
              .map(Pending::visibleAt)
              .filter(t -> t.isBefore(end))
              .min(Instant::compareTo)
              .orElse(end);
    }
    time.waitFrom(start, Duration.between(start, next));
    synchronized (this) {
      return takeVisible(byUrl(queueUrl), time.now());
    }
  }

  @Override
  public List<QueueInfo> listQueues(String prefix) {
    log.record(region, "sqs:ListQueues", false);
    List<StoredQueue> matching;
    synchronized (this) {
      matching = queues.values().stream().filter(q -> q.name().startsWith(prefix)).toList();
    }
    List<QueueInfo> infos = new ArrayList<>();
    for (StoredQueue q : matching) {
      log.record(region, "sqs:GetQueueAttributes", false);
      log.record(region, "sqs:ListQueueTags", false);
      infos.add(new QueueInfo(q.url(), q.arn(), q.created(), q.tags()));
    }
    return infos;
  }

  private List<String> takeVisible(StoredQueue queue, Instant now) {
    List<String> bodies = new ArrayList<>();
    queue
        .messages()
        .removeIf(
            m -> {
              if (!m.visibleAt().isAfter(now) && bodies.size() < 10) {
                bodies.add(m.body());
                return true;
              }
              return false;
            });
    return bodies;
  }

  private StoredQueue byUrl(String url) {
    return queues.values().stream()
        .filter(q -> q.url().equals(url))
        .findFirst()
        .orElseThrow(
            () ->
                new AwsCallException(
                    AwsCallException.Kind.NOT_FOUND,
                    "sqs:ReceiveMessage",
                    "QueueDoesNotExist: The specified queue does not exist."));
  }

  private String url(String name) {
    return "https://sqs." + region + ".amazonaws.com/" + account + "/" + name;
  }

  private String arn(String name) {
    return "arn:aws:sqs:" + region + ":" + account + ":" + name;
  }
}
