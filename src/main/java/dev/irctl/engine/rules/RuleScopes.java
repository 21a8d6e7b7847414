package dev.irctl.engine.rules;

import dev.irctl.catalog.ConsoleSignIns;
import dev.irctl.engine.Input;
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
 *   <li>Console sign-in rules ({@code consoleSignIns}) are regional, but AWS records an IAM user's
 *       sign-in on the global endpoint in us-east-1, us-east-2, eu-north-1 or ap-southeast-2, and
 *       root's in us-east-1, whatever region the user then works in. So whenever any region of the
 *       aws partition is chosen, the sign-in rules are also {@link #carried} to those regions (the
 *       other rules are not). For other partitions AWS documents no such regions: their sign-in
 *       rules run in the chosen regions only, and the warning says so.
 * </ul>
 */
public final class RuleScopes {
  /** The commercial partition's home region for global-service events. */
  public static final String GLOBAL_REGION = "us-east-1";

  /** Where console sign-ins on the global endpoint are recorded (commercial partition). */
  public static final List<String> SIGN_IN_REGIONS =
      List.of("us-east-1", "us-east-2", "eu-north-1", "ap-southeast-2");

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

  /**
   * Where a partition records console sign-ins on its global endpoint, by what the rule watches
   * (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-aws-console-sign-in-events.html).
   */
  private static final Map<String, Map<ConsoleSignIns, List<String>>> SIGN_IN_REGIONS_BY_PARTITION =
      Map.of(
          "aws",
          Map.of(ConsoleSignIns.ALL, SIGN_IN_REGIONS, ConsoleSignIns.ROOT, List.of(GLOBAL_REGION)));

  /**
   * The regions not among {@code chosen} that sign-in rules are carried to, each with the rules
   * carried there: for every partition of the chosen regions whose sign-in regions irctl knows
   * (aws), those regions. Empty when no region is chosen or no rule watches sign-ins.
   */
  public static Map<String, List<DesiredRule>> carried(
      List<DesiredRule> rules, List<String> chosen) {
    Map<String, List<DesiredRule>> carried = new LinkedHashMap<>();
    chosen.stream()
        .map(RuleScopes::partition)
        .distinct()
        .map(SIGN_IN_REGIONS_BY_PARTITION::get)
        .filter(java.util.Objects::nonNull)
        .forEach(
            where ->
                rules.stream()
                    .filter(r -> r.consoleSignIns() != ConsoleSignIns.NONE)
                    .forEach(
                        rule ->
                            where.get(rule.consoleSignIns()).stream()
                                .filter(region -> !chosen.contains(region))
                                .forEach(
                                    region ->
                                        carried
                                            .computeIfAbsent(region, k -> new ArrayList<>())
                                            .add(rule))));
    return carried;
  }

  /**
   * Without a hub, the region carried sign-in rules forward their events to: the partition's home
   * region when chosen (it also takes the global rules), else the first chosen region of the aws
   * partition (the only one with carried regions). A forwarded event keeps its source, detail-type
   * and region, so the sign-in rules deployed there (they are regional, so they are in every chosen
   * region) match it and alert to that region's topic. One hop: EventBridge never routes an event
   * received from another bus to a third, and irctl's rules there target the topic, not a bus.
   * Empty when no aws region is chosen.
   */
  public static Optional<String> signInDestination(List<String> chosen) {
    List<String> aws = chosen.stream().filter(r -> partition(r).equals("aws")).toList();
    return aws.contains(GLOBAL_REGION) ? Optional.of(GLOBAL_REGION) : aws.stream().findFirst();
  }

  /**
   * Where forwarder rules may send events in a run over {@code chosen}: the hub, when some region
   * of the run is not the hub; without one, the chosen region the carried sign-in rules among
   * {@code rules} forward to, when any are carried; else nowhere (no forwarder, so no forwarder
   * role is needed). Without a hub a carried region another run chose still alerts locally ({@link
   * LocalAlerting}): only a read tells whether any carried region really forwards.
   */
  public static Optional<String> forwardTarget(
      Optional<String> hubRegion, List<DesiredRule> rules, List<String> chosen) {
    boolean carries = !carried(rules, chosen).isEmpty();
    if (hubRegion.isPresent()) {
      String hub = hubRegion.get();
      return carries || chosen.stream().anyMatch(r -> !r.equals(hub))
          ? hubRegion
          : Optional.empty();
    }
    return carries ? signInDestination(chosen) : Optional.empty();
  }

  /**
   * Why {@code rules} run in {@code region}, which was not chosen: the plan's note there. {@code
   * forwardTo}: the region they forward to; {@code hub} whether that is the hub.
   */
  public static String carriedNote(
      String region, List<DesiredRule> rules, Optional<String> forwardTo, boolean hub) {
    return whyCarried(region, rules)
        + ", so irctl deploys the sign-in rule(s) here too ("
        + ids(rules)
        + forwardTo
            .map(
                to ->
                    hub
                        ? ", forwarded to the hub region " + to
                        : ", forwarded to the chosen region "
                            + to
                            + " to alert through its topic; none is made here")
            .orElse("")
        + "). Other irctl rules in this region are left alone.";
  }

  /**
   * Why remove-rules touches {@code region}, which was not chosen: apply-rules carried {@code
   * rules} there, so the removal takes them (and their forwarders) back, and nothing else.
   */
  public static String carriedRemovalNote(String region, List<DesiredRule> rules) {
    return whyCarried(region, rules)
        + ", so apply-rules deployed the sign-in rule(s) here too; remove-rules removes only those ("
        + ids(rules)
        + ") and their forwarders. Other irctl rules in this region are left alone.";
  }

  private static String whyCarried(String region, List<DesiredRule> rules) {
    boolean rootOnly = rules.stream().allMatch(r -> r.consoleSignIns() == ConsoleSignIns.ROOT);
    return "not a chosen region: AWS records "
        + (rootOnly ? "root console sign-ins" : "console sign-ins on the global endpoint")
        + " in "
        + region
        + " whichever region the user then works in";
  }

  private static String ids(List<DesiredRule> rules) {
    return String.join(", ", rules.stream().map(DesiredRule::ruleId).toList());
  }

  /**
   * Warnings (one text, sentences joined) about rules the chosen regions leave out: global rules
   * whose home region is not chosen, global rules in a partition without a known home region, and
   * sign-in rules in a partition whose sign-in regions irctl does not know. Empty when nothing is
   * left out.
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
                      + ", which is not among the chosen regions. Add "
                      + Input.REGION.ref()
                      + " "
                      + home.get()
                      + " to deploy them.");
            }
          });
    }
    List<String> signIn =
        rules.stream()
            .filter(r -> r.consoleSignIns() != ConsoleSignIns.NONE)
            .map(DesiredRule::ruleId)
            .toList();
    if (!signIn.isEmpty()) {
      byPartition.keySet().stream()
          .filter(partition -> !SIGN_IN_REGIONS_BY_PARTITION.containsKey(partition))
          .forEach(
              partition ->
                  messages.add(
                      "sign-in rule(s) ("
                          + String.join(", ", signIn)
                          + ") run only in the chosen regions of partition "
                          + partition
                          + ": irctl does not know where AWS records console sign-ins on its global"
                          + " endpoint there, only that a regional endpoint's are recorded in its region."));
    }
    return messages.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", messages));
  }
}
