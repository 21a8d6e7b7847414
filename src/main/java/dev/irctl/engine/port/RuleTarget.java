package dev.irctl.engine.port;

import java.util.Optional;

/**
 * One target of a rule. irctl's own targets have the ids {@link #IRCTL_TARGET_ID} (the topic) and
 * {@link #ALERT_PATH_TARGET_ID} (the alert-path log group) and {@link #HUB_TARGET_ID} (a
 * forwarder's hub bus); targets with other ids belong to the user and are never changed. {@code
 * input}/{@code inputPath} are read so a hand-edited irctl target is seen as drift; irctl itself
 * only ever sets the transformer. {@code roleArn} is the role EventBridge assumes for an event-bus
 * target (AWS says not to set one on SNS targets).
 */
public record RuleTarget(
    String id,
    String arn,
    Optional<InputTransformer> transformer,
    Optional<String> input,
    Optional<String> inputPath,
    Optional<String> roleArn) {
  public static final String IRCTL_TARGET_ID = "irctl-sns";
  public static final String HUB_TARGET_ID = "irctl-hub";

  public RuleTarget(
      String id,
      String arn,
      Optional<InputTransformer> transformer,
      Optional<String> input,
      Optional<String> inputPath) {
    this(id, arn, transformer, input, inputPath, Optional.empty());
  }

  /** The second target of the rules that watch irctl's own alerting. */
  public static final String ALERT_PATH_TARGET_ID = "irctl-alert-path";

  /** The target ids irctl writes, and so may replace or remove. */
  public static final java.util.Set<String> IRCTL_TARGET_IDS =
      java.util.Set.of(IRCTL_TARGET_ID, ALERT_PATH_TARGET_ID, HUB_TARGET_ID);

  public static RuleTarget of(String id, String arn, Optional<InputTransformer> transformer) {
    return new RuleTarget(id, arn, transformer, Optional.empty(), Optional.empty());
  }

  /**
   * Another region's (or account's) event bus, reached through {@code roleArn}; never rewritten.
   */
  public static RuleTarget bus(String id, String busArn, String roleArn) {
    return new RuleTarget(
        id, busArn, Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(roleArn));
  }

  public boolean irctls() {
    return IRCTL_TARGET_IDS.contains(id);
  }
}
