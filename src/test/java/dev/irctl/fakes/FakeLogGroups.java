package dev.irctl.fakes;

import dev.irctl.engine.port.AwsCallException;
import dev.irctl.engine.port.LogGroupPort;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** CloudWatch Logs in one region: log groups with retention and tags, and resource policies. */
public final class FakeLogGroups implements LogGroupPort {
  private final String region;
  private final String account;
  private final CallLog log;
  private final Map<String, LogGroup> groups = new TreeMap<>();
  private final Map<String, Map<String, String>> tags = new HashMap<>();
  private final Map<String, String> policies = new TreeMap<>();

  FakeLogGroups(String region, String account, CallLog log) {
    this.region = region;
    this.account = account;
    this.log = log;
  }

  @Override
  public Optional<LogGroup> logGroup(String name) {
    log.record(region, "logs:DescribeLogGroups", false);
    synchronized (this) {
      return Optional.ofNullable(groups.get(name));
    }
  }

  @Override
  public void createLogGroup(String name, Map<String, String> tags) {
    log.record(region, "logs:CreateLogGroup", true);
    synchronized (this) {
      if (groups.containsKey(name)) {
        throw new AwsCallException(
            AwsCallException.Kind.INVALID_REQUEST,
            "logs:CreateLogGroup",
            "ResourceAlreadyExistsException: The specified log group already exists");
      }
      String arn = "arn:aws:logs:" + region + ":" + account + ":log-group:" + name;
      groups.put(name, new LogGroup(name, arn, Optional.empty()));
      this.tags.put(arn, new HashMap<>(tags));
    }
  }

  @Override
  public Map<String, String> tags(String logGroupArn) {
    log.record(region, "logs:ListTagsForResource", false);
    synchronized (this) {
      return Map.copyOf(tags.getOrDefault(logGroupArn, Map.of()));
    }
  }

  @Override
  public void putRetention(String name, int days) {
    log.record(region, "logs:PutRetentionPolicy", true);
    synchronized (this) {
      LogGroup group = groups.get(name);
      if (group == null) {
        throw new AwsCallException(
            AwsCallException.Kind.NOT_FOUND,
            "logs:PutRetentionPolicy",
            "ResourceNotFoundException: The specified log group does not exist.");
      }
      groups.put(name, new LogGroup(name, group.arn(), Optional.of(days)));
    }
  }

  @Override
  public Map<String, String> resourcePolicies() {
    log.record(region, "logs:DescribeResourcePolicies", false);
    synchronized (this) {
      return Map.copyOf(policies);
    }
  }

  @Override
  public void putResourcePolicy(String policyName, String document) {
    log.record(region, "logs:PutResourcePolicy", true);
    synchronized (this) {
      policies.put(policyName, document);
    }
  }
}
