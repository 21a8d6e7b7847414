package dev.irctl.engine.permissions;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What irctl owns in an account, for filling scoped ARNs: the partition and account ({@code *} for
 * any), the managed-policy names install-policy may write and attach, and the SNS topic names
 * apply-rules writes to. irctl's rules are always on the default bus (--event-bus is refused: AWS
 * delivers service events only there), so rule ARNs are {@code rule/irctl-*}. Everything irctl
 * creates is named {@code irctl-*}; a name configured outside that prefix (--policy-name,
 * --topic-name) is added by name, never by pattern.
 */
public record OwnedResources(
    String partition, String accountId, List<String> policyNames, List<String> topicNames) {
  public static final String PREFIX = "irctl-";
  public static final String DEFAULT_POLICY = "irctl-guardduty-admin";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z]+)}");

  public OwnedResources {
    if (!partition.matches("aws(-[a-z]+)*")) {
      throw new IllegalArgumentException("not an AWS partition: '" + partition + "'");
    }
    if (!accountId.equals("*") && !accountId.matches("\\d{12}")) {
      throw new IllegalArgumentException("not an AWS account id: '" + accountId + "'");
    }
    policyNames = List.copyOf(policyNames);
    topicNames = List.copyOf(topicNames);
  }

  /** irctl's default names: the policy irctl-guardduty-admin, topics and rules irctl-*. */
  public static OwnedResources defaults(String partition, String accountId) {
    return new OwnedResources(partition, accountId, List.of(DEFAULT_POLICY), List.of());
  }

  /** Policy names irctl may create and version: {@code irctl-*} and each configured name. */
  List<String> policyPatterns() {
    return withPrefixPattern(policyNames);
  }

  /** Topic names irctl may create and change: {@code irctl-*} and each configured name. */
  List<String> topicPatterns() {
    return withPrefixPattern(topicNames);
  }

  /** Rule paths in a rule ARN: irctl's rules, on the default bus. */
  List<String> rulePaths() {
    return List.of(PREFIX + "*");
  }

  private static List<String> withPrefixPattern(List<String> names) {
    LinkedHashSet<String> patterns = new LinkedHashSet<>();
    patterns.add(PREFIX + "*");
    names.stream().filter(n -> !n.startsWith(PREFIX)).sorted().forEach(patterns::add);
    return List.copyOf(patterns);
  }

  /**
   * Every ARN a template stands for: single-valued placeholders are replaced, multi-valued ones
   * ({@code ${PolicyPattern}}, {@code ${PolicyName}}, {@code ${TopicPattern}}, {@code ${RulePath}})
   * give one ARN per value.
   */
  public List<String> expand(String template) {
    Map<String, List<String>> values =
        Map.of(
            "Partition", List.of(partition),
            "AccountId", List.of(accountId),
            "PolicyPattern", policyPatterns(),
            "PolicyName", policyNames.isEmpty() ? List.of(DEFAULT_POLICY) : policyNames,
            "TopicPattern", topicPatterns(),
            "RulePath", rulePaths());
    List<String> results = List.of(template);
    Matcher placeholder = PLACEHOLDER.matcher(template);
    while (placeholder.find()) {
      String name = placeholder.group(1);
      List<String> choices = values.get(name);
      if (choices == null) {
        throw new IllegalArgumentException("unknown placeholder ${" + name + "} in " + template);
      }
      List<String> next = new ArrayList<>();
      for (String partial : results) {
        for (String choice : choices) {
          next.add(partial.replace("${" + name + "}", choice));
        }
      }
      results = next;
    }
    return results.stream().distinct().toList();
  }
}
