package dev.irctl.engine.status;

import dev.irctl.engine.delivery.RegionDiagnosis;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What status' read-only parts saw, per region: the facts the common result shape has no field for
 * (detector state, rule counts, topic health). Filled from region threads while the run goes on.
 */
public final class StatusFacts {
  private final Map<String, GuardDutyStatus> guardDuty = new ConcurrentHashMap<>();
  private final Map<String, RulesStatus> rules = new ConcurrentHashMap<>();
  private final Map<String, TopicStatus> topics = new ConcurrentHashMap<>();
  private final Map<String, RegionDiagnosis> delivery = new ConcurrentHashMap<>();
  private final Map<String, String> carried = new ConcurrentHashMap<>();
  private final Map<String, String> forwardsTo = new ConcurrentHashMap<>();
  private volatile ForwarderRoleStatus forwarderRole;

  void carried(String region, String note) {
    carried.put(region, note);
  }

  /**
   * Why a region that was not chosen is read: the sign-in rules are carried there (only they are
   * compared, GuardDuty and delivery are not read). Empty for a chosen region.
   */
  public Optional<String> carried(String region) {
    return Optional.ofNullable(carried.get(region));
  }

  void forwardsTo(String region, String destination) {
    forwardsTo.put(region, destination);
  }

  /**
   * The region this one forwards its events to (the hub, or for a carried region without a hub the
   * chosen region its sign-in rules forward to): such a region has no topic of its own by design.
   * Empty where the region alerts to its own topic.
   */
  public Optional<String> forwardsTo(String region) {
    return Optional.ofNullable(forwardsTo.get(region));
  }

  void forwarderRole(ForwarderRoleStatus status) {
    forwarderRole = status;
  }

  /** The forwarder role's state where some region forwards; else (or when unread) empty. */
  public Optional<ForwarderRoleStatus> forwarderRole() {
    return Optional.ofNullable(forwarderRole);
  }

  void delivery(String region, RegionDiagnosis diagnosis) {
    delivery.put(region, diagnosis);
  }

  /** The doctor's diagnosis of the region, whose {@code health()} is the delivery column. */
  public Optional<RegionDiagnosis> delivery(String region) {
    return Optional.ofNullable(delivery.get(region));
  }

  void guardDuty(String region, GuardDutyStatus status) {
    guardDuty.put(region, status);
  }

  void rules(String region, RulesStatus status, TopicStatus topic) {
    rules.put(region, status);
    topics.put(region, topic);
  }

  public Optional<GuardDutyStatus> guardDuty(String region) {
    return Optional.ofNullable(guardDuty.get(region));
  }

  public Optional<RulesStatus> rules(String region) {
    return Optional.ofNullable(rules.get(region));
  }

  public Optional<TopicStatus> topic(String region) {
    return Optional.ofNullable(topics.get(region));
  }
}
