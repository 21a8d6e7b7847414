package dev.irctl.engine.permissions;

import java.util.List;
import java.util.Map;

/**
 * Where irctl's write actions are granted: only on what irctl owns (its {@code irctl-} names,
 * filled in by {@link OwnedResources}), never on {@code *} where AWS offers a resource type ({@link
 * UnscopedWrites} lists the exceptions and why).
 */
public final class IrctlScopes {
  private static final String IAM = "arn:${Partition}:iam::${AccountId}:";

  /** CreatePolicy, CreatePolicyVersion, DeletePolicyVersion, TagPolicy: irctl's policies only. */
  public static final ActionScope POLICIES =
      new ActionScope("IrctlPolicies", List.of(IAM + "policy/${PolicyPattern}"), Map.of());

  /**
   * Attach{Role,User,Group}Policy on the principals the user names, but only for irctl's policy
   * (the {@code iam:PolicyARN} condition): without it the caller could attach AdministratorAccess
   * to itself.
   */
  public static final ActionScope ATTACH_IRCTL_POLICY =
      new ActionScope(
          "AttachIrctlPolicy",
          List.of(IAM + "group/*", IAM + "role/*", IAM + "user/*"),
          Map.of("ArnEquals", Map.of("iam:PolicyARN", List.of(IAM + "policy/${PolicyName}"))));

  /** PutRule, PutTargets, RemoveTargets, DeleteRule, TagResource: irctl's rules on the bus. */
  public static final ActionScope RULES =
      new ActionScope(
          "IrctlRules",
          List.of("arn:${Partition}:events:*:${AccountId}:rule/${RulePath}"),
          Map.of());

  /** CreateTopic, TagResource, SetTopicAttributes, Subscribe, DeleteTopic: irctl's topics. */
  public static final ActionScope TOPICS =
      new ActionScope(
          "IrctlTopics", List.of("arn:${Partition}:sns:*:${AccountId}:${TopicPattern}"), Map.of());

  /**
   * UpdateDetector, Update{IPSet,ThreatIntelSet}, TagResource: the account's detectors and their
   * lists. Detector ids are random, so the grant is every detector of the account, not {@code *}.
   */
  public static final ActionScope DETECTORS =
      new ActionScope(
          "GuardDutyDetectors",
          List.of("arn:${Partition}:guardduty:*:${AccountId}:detector/*"),
          Map.of());

  /** The role EventBridge assumes to forward events to another bus, by name. */
  public static final String FORWARDER_ROLE_NAME = OwnedResources.PREFIX + "event-forwarder";

  /** Creating and changing the forwarder role: that role only. */
  public static final ActionScope FORWARDER_ROLE =
      new ActionScope(
          "IrctlEventForwarderRole", List.of(IAM + "role/" + FORWARDER_ROLE_NAME), Map.of());

  /** iam:PassRole of the forwarder role, to EventBridge only. */
  public static final ActionScope PASS_FORWARDER_ROLE =
      new ActionScope(
          "PassIrctlEventForwarderRole",
          List.of(IAM + "role/" + FORWARDER_ROLE_NAME),
          Map.of("StringEquals", Map.of("iam:PassedToService", List.of("events.amazonaws.com"))));

  private IrctlScopes() {}
}
