package dev.irctl.engine.port;

import java.util.Optional;

/**
 * One target of a rule. irctl's own target has the id {@link #IRCTL_TARGET_ID}; targets with other
 * ids belong to the user and are never changed. {@code input}/{@code inputPath} are read so a
 * hand-edited irctl target is seen as drift; irctl itself only ever sets the transformer.
 */
public record RuleTarget(
    String id,
    String arn,
    Optional<InputTransformer> transformer,
    Optional<String> input,
    Optional<String> inputPath) {
  public static final String IRCTL_TARGET_ID = "irctl-sns";

  public static RuleTarget of(String id, String arn, Optional<InputTransformer> transformer) {
    return new RuleTarget(id, arn, transformer, Optional.empty(), Optional.empty());
  }

  public boolean irctls() {
    return IRCTL_TARGET_ID.equals(id);
  }
}
