package dev.irctl.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.irctl.engine.port.AlertPathPorts;
import dev.irctl.engine.port.LogGroupPort;
import dev.irctl.engine.port.MetricsPort;
import dev.irctl.engine.port.QueuePort;
import dev.irctl.engine.port.RolePort;
import dev.irctl.engine.port.SampleFindingsPort;
import dev.irctl.engine.port.SubscriptionPort;
import dev.irctl.engine.port.TrailPort;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The alert path of the fake account, in virtual time. A sample finding created in a region is
 * delivered, after that region's {@link #deliverAfter} delay, to every SQS queue subscribed to a
 * topic there whose policy lets that topic send: EventBridge and SNS played in one step. Regions
 * with no delay set never deliver (a broken path).
 */
public final class FakeAlertPath implements AlertPathPorts {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String account;
  private final CallLog log;
  private final FakeTime time = new FakeTime(Instant.parse("2026-03-01T12:00:00Z"));
  private final Map<String, FakeQueues> queues = new ConcurrentHashMap<>();
  private final Map<String, FakeSubscriptions> subscriptions = new ConcurrentHashMap<>();
  private final Map<String, FakeMetrics> metrics = new ConcurrentHashMap<>();
  private final Map<String, FakeSampleFindings> samples = new ConcurrentHashMap<>();
  private final Map<String, FakeLogGroups> logGroups = new ConcurrentHashMap<>();
  private final Map<String, Duration> delays = new ConcurrentHashMap<>();
  private final FakeTrails trails;
  private final FakeRoles roles;

  FakeAlertPath(String account, CallLog log) {
    this.account = account;
    this.log = log;
    this.trails = new FakeTrails(log);
    this.roles = new FakeRoles(account, log);
  }

  public FakeTime time() {
    return time;
  }

  /** Sample findings made in {@code region} reach subscribed queues after {@code delay}. */
  public FakeAlertPath deliverAfter(String region, Duration delay) {
    delays.put(region, delay);
    return this;
  }

  public FakeQueues queuesIn(String region) {
    return queues.computeIfAbsent(region, r -> new FakeQueues(r, account, log, time));
  }

  public FakeSubscriptions subscriptionsIn(String region) {
    return subscriptions.computeIfAbsent(region, r -> new FakeSubscriptions(r, log));
  }

  public FakeMetrics metricsIn(String region) {
    return metrics.computeIfAbsent(region, r -> new FakeMetrics(r, log));
  }

  public FakeSampleFindings sampleFindingsIn(String region) {
    return samples.computeIfAbsent(
        region, r -> new FakeSampleFindings(r, log, types -> deliverSamples(r, types)));
  }

  public FakeLogGroups logGroupsIn(String region) {
    return logGroups.computeIfAbsent(region, r -> new FakeLogGroups(r, account, log));
  }

  public FakeTrails trailsFake() {
    return trails;
  }

  public FakeRoles rolesFake() {
    return roles;
  }

  @Override
  public QueuePort queues(String region) {
    return queuesIn(region);
  }

  @Override
  public SubscriptionPort subscriptions(String region) {
    return subscriptionsIn(region);
  }

  @Override
  public MetricsPort metrics(String region) {
    return metricsIn(region);
  }

  @Override
  public TrailPort trails(String region) {
    return trails.in(region);
  }

  @Override
  public SampleFindingsPort sampleFindings(String region) {
    return sampleFindingsIn(region);
  }

  @Override
  public LogGroupPort logGroups(String region) {
    return logGroupsIn(region);
  }

  @Override
  public RolePort roles() {
    return roles;
  }

  private void deliverSamples(String region, List<String> types) {
    Duration delay = delays.get(region);
    if (delay == null) {
      return;
    }
    Instant at = time.now().plus(delay);
    for (FakeSubscriptions.Stored s : subscriptionsIn(region).all()) {
      if (!s.protocol().equals("sqs") || s.pending()) {
        continue;
      }
      Optional<FakeQueues.StoredQueue> queue = queuesIn(region).byArn(s.endpoint());
      if (queue.isEmpty() || !allows(queue.get().policy(), s.topicArn())) {
        continue;
      }
      for (String type : types) {
        String event = sampleEvent(region, type);
        String body =
            "true".equals(s.attributes().get("RawMessageDelivery"))
                ? event
                : envelope(s.topicArn(), event);
        queuesIn(region).deliver(s.endpoint(), body, at);
      }
    }
  }

  /** Whether the queue policy lets SNS send on behalf of this topic (aws:SourceArn). */
  private static boolean allows(String policy, String topicArn) {
    try {
      for (JsonNode statement : JSON.readTree(policy).path("Statement")) {
        if ("Allow".equals(statement.path("Effect").asText())
            && "sns.amazonaws.com".equals(statement.path("Principal").path("Service").asText())
            && topicArn.equals(
                statement.path("Condition").path("ArnEquals").path("aws:SourceArn").asText())) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      return false;
    }
  }

  private String sampleEvent(String region, String type) {
    ObjectNode event = JSON.createObjectNode();
    event.put("version", "0");
    event.put("id", "5b2b4f5e-1111-2222-3333-444455556666");
    event.put("detail-type", "GuardDuty Finding");
    event.put("source", "aws.guardduty");
    event.put("account", account);
    event.put("time", time.now().toString());
    event.put("region", region);
    event.putArray("resources");
    ObjectNode detail = event.putObject("detail");
    detail.put("type", type);
    detail.put("severity", 8);
    detail.put("title", "[SAMPLE] " + type);
    detail.putObject("service").putObject("additionalInfo").put("sample", true);
    return event.toString();
  }

  private static String envelope(String topicArn, String message) {
    ObjectNode envelope = JSON.createObjectNode();
    envelope.put("Type", "Notification");
    envelope.put("TopicArn", topicArn);
    envelope.put("Message", message);
    return envelope.toString();
  }
}
