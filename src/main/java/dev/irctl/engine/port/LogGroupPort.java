package dev.irctl.engine.port;

import java.util.Map;
import java.util.Optional;

/** CloudWatch Logs in one region: the log group that keeps the tamper path's evidence. */
public interface LogGroupPort {
  /** The log group of exactly this name (DescribeLogGroups by prefix), or empty. */
  Optional<LogGroup> logGroup(String name);

  /** CreateLogGroup with tags. */
  void createLogGroup(String name, Map<String, String> tags);

  /** The log group's tags (ListTagsForResource on the group ARN without {@code :*}). */
  Map<String, String> tags(String logGroupArn);

  /** PutRetentionPolicy. */
  void putRetention(String name, int days);

  /** The region's resource policies (DescribeResourcePolicies): name to policy document. */
  Map<String, String> resourcePolicies();

  /** PutResourcePolicy: creates or replaces the named policy. */
  void putResourcePolicy(String policyName, String document);

  /** {@code arn} without the {@code :*} suffix; {@code retentionDays} empty means never expire. */
  record LogGroup(String name, String arn, Optional<Integer> retentionDays) {}
}
