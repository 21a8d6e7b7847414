package dev.irctl.engine.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where rules go, and what to tell a user whose regions leave some of them out.
 *
 * <ul>
 *   <li>Global rules (IAM, Organizations, STS global endpoint) go to their partition's home region,
 *       where global-service events reach EventBridge: us-east-1 for aws. For aws-us-gov and aws-cn
 *       the home regions are the ones the SDK signs IAM in (us-gov-west-1, cn-north-1). A partition
 *       irctl has no home region for (the isolated ones, the European Sovereign Cloud) gets no
 *       global rule, and the warning says so instead of deploying one where it cannot fire.
 *   <li>Console sign-in rules (source aws.signin) are regional, but IAM users signing in on the
 *       global endpoint are recorded in us-east-1, us-east-2, eu-north-1 or ap-southeast-2, and
 *       root in us-east-1: the warning names the ones the selection leaves out.
 * </ul>
 */
public final class RuleScopes {
  /** The commercial partition's home region for global-service events. */
  public static final String GLOBAL_REGION = "us-east-1";

  /** Where console sign-ins on the global endpoint are recorded (commercial partition). */
  public static final List<String> SIGN_IN_REGIONS =
      List.of("us-east-1", "us-east-2", "eu-north-1", "ap-southeast-2");

  private static final String SIGN_IN_SOURCE = "aws.signin";

  /** Region name prefix → partition, most specific first; anything else is aws. */
  private static final Map<String, String> PARTITION_BY_PREFIX = new LinkedHashMap<>();

  static {
    PARTITION_BY_PREFIX.put("us-gov-", "aws-us-gov");
    PARTITION_BY_PREFIX.put("cn-", "aws-cn");
    PARTITION_BY_PREFIX.put("us-isob-", "aws-iso-b");
    PARTITION_BY_PREFIX.put("us-isof-", "aws-iso-f");
    PARTITION_BY_PREFIX.put("eu-isoe-", "aws-iso-e");
    PARTITION_BY_PREFIX.put("us-iso-", "aws-iso");
    PARTITION_BY_PREFIX.put("eusc-", "aws-eusc");
  }

  private static final Map<String, String> HOME_REGION =
      Map.of("aws", GLOBAL_REGION, "aws-us-gov", "us-gov-west-1", "aws-cn", "cn-north-1");

  private RuleScopes() {}

  /** The partition a region belongs to, from its name. */
  public static String partition(String region) {
    return PARTITION_BY_PREFIX.entrySet().stream()
        .filter(e -> region.startsWith(e.getKey()))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse("aws");
  }

  /** Where global-service events of this region's partition arrive, if irctl knows. */
  public static Optional<String> homeRegion(String region) {
    return Optional.ofNullable(HOME_REGION.get(partition(region)));
  }

  /** Every home region irctl knows, one per partition, sorted. */
  public static List<String> homeRegions() {
    return HOME_REGION.values().stream().sorted().toList();
  }

  /** Whether {@code rule} is deployed in {@code region}. */
  public static boolean belongsIn(DesiredRule rule, String region) {
    return !rule.global() || homeRegion(region).map(region::equals).orElse(false);
  }

  /** A rule that only matches console sign-in events. */
  static boolean isSignIn(DesiredRule rule) {
    JsonNode sources = rule.pattern().path("source");
    if (!sources.isArray() || sources.isEmpty()) {
      return false;
    }
    for (JsonNode source : sources) {
      if (!SIGN_IN_SOURCE.equals(source.asText())) {
        return false;
      }
    }
    return true;
  }

  /**
   * Warnings (one text, sentences joined) about rules the chosen regions leave out: global rules
   * whose home region is not chosen, global rules in a partition without a known home region, and
   * sign-in rules missing sign-in regions. Empty when nothing is left out.
   */
  public static Optional<String> skippedGlobalRules(List<DesiredRule> rules, List<String> regions) {
    List<String> messages = new ArrayList<>();
    List<String> global =
        rules.stream().filter(DesiredRule::global).map(DesiredRule::ruleId).toList();
    Map<String, List<String>> byPartition = new LinkedHashMap<>();
    regions.forEach(r -> byPartition.computeIfAbsent(partition(r), p -> new ArrayList<>()).add(r));
    if (!global.isEmpty()) {
      byPartition.forEach(
          (partition, inPartition) -> {
            Optional<String> home = homeRegion(inPartition.get(0));
            if (home.isEmpty()) {
              messages.add(
                  "refused "
                      + global.size()
                      + " global rule(s) ("
                      + String.join(", ", global)
                      + ") in partition "
                      + partition
                      + ": irctl does not know which region receives its global-service events"
                      + " (IAM, Organizations), so it deploys them nowhere there rather than"
                      + " somewhere they cannot fire.");
            } else if (!inPartition.contains(home.get())) {
              messages.add(
                  "skipped "
                      + global.size()
                      + " global rule(s) ("
                      + String.join(", ", global)
                      + "): their events (IAM, Organizations, STS global endpoint) reach EventBridge"
                      + " only in "
                      + home.get()
                      + ", which is not among the chosen regions. Add --region "
                      + home.get()
                      + " to deploy them.");
            }
          });
    }
    List<String> signIn =
        rules.stream().filter(RuleScopes::isSignIn).map(DesiredRule::ruleId).toList();
    List<String> commercial = byPartition.getOrDefault("aws", List.of());
    if (!signIn.isEmpty() && !commercial.isEmpty()) {
      List<String> missing = SIGN_IN_REGIONS.stream().filter(r -> !commercial.contains(r)).toList();
      if (!missing.isEmpty()) {
        messages.add(
            "sign-in rule(s) ("
                + String.join(", ", signIn)
                + ") miss "
                + String.join(", ", missing)
                + ": IAM users signing in on the global console endpoint are recorded in one of "
                + String.join(", ", SIGN_IN_REGIONS)
                + " (root in us-east-1), not in the region they then work in. Add --region "
                + String.join(" --region ", missing)
                + " to see every console sign-in.");
      }
    }
    return messages.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", messages));
  }
}
