package dev.irctl.engine.port;

/**
 * The ports that prove and diagnose the alert path (drill, doctor, hub forwarding, tamper path),
 * grouped so {@link Ports} grows by one method.
 */
public interface AlertPathPorts {
  QueuePort queues(String region);

  SubscriptionPort subscriptions(String region);

  MetricsPort metrics(String region);

  TrailPort trails(String region);

  SampleFindingsPort sampleFindings(String region);

  LogGroupPort logGroups(String region);

  /** IAM is global: one port whatever the region. */
  RolePort roles();
}
