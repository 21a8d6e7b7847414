package dev.irctl.engine.rules;

import java.util.List;
import java.util.Optional;

/** Where global rules go, and what to tell a user whose regions leave them out. */
public final class RuleScopes {
  /**
   * Global-service events (IAM, Organizations, STS global endpoint) reach EventBridge only here.
   */
  public static final String GLOBAL_REGION = "us-east-1";

  private RuleScopes() {}

  /** A warning naming the global rules that no chosen region will get, or empty. */
  public static Optional<String> skippedGlobalRules(List<DesiredRule> rules, List<String> regions) {
    if (regions.contains(GLOBAL_REGION)) {
      return Optional.empty();
    }
    List<String> global =
        rules.stream().filter(DesiredRule::global).map(DesiredRule::ruleId).toList();
    if (global.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        "skipped "
            + global.size()
            + " global rule(s) ("
            + String.join(", ", global)
            + "): their events (IAM, Organizations, STS global endpoint) reach EventBridge only in "
            + GLOBAL_REGION
            + ", which is not among the chosen regions. Add --region "
            + GLOBAL_REGION
            + " to deploy them.");
  }
}
