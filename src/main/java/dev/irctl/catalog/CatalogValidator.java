package dev.irctl.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.irctl.UserException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.event.ruler.JsonRuleCompiler;

/**
 * The semantic checks of {@code rules validate}, beyond what the schema can say. Unique ids and id
 * = file name are already guaranteed by {@link CatalogLoader}, which refuses a catalog without
 * them.
 */
public final class CatalogValidator {
  /**
   * EventBridge's default quota for an event pattern (adjustable to 4096, but a catalog must fit
   * the default).
   */
  public static final int MAX_PATTERN_LENGTH = EventBridgeQuotas.PATTERN_LENGTH;

  /** EventBridge rule names are at most 64 characters, and irctl names them irctl-&lt;id&gt;. */
  public static final int MAX_ID_LENGTH = 64 - "irctl-".length();

  private final PatternRenderer renderer = new PatternRenderer();

  public List<Finding> validate(Catalog catalog) {
    List<Finding> findings = new ArrayList<>();
    catalog.rules().forEach(rule -> findings.addAll(validate(rule)));
    findings.addAll(checkQuotas(catalog.rules()));
    findings.addAll(checkAlertPath(catalog.rules()));
    return findings;
  }

  /**
   * The alarm on the alert-path rules' FailedInvocations is one metric math expression, and an
   * alarm's metric math may reference at most {@value #ALERT_PATH_RULES} metrics (a hard limit).
   */
  public static final int ALERT_PATH_RULES = 10;

  /**
   * {@code watchesAlertPath} rules: at most {@value #ALERT_PATH_RULES} (the alarm watching them is
   * one metric math expression), and only tamper rules that carry a severity a responder acts on,
   * since each one also writes to the alert-path log group.
   */
  public List<Finding> checkAlertPath(List<Rule> rules) {
    List<Finding> findings = new ArrayList<>();
    List<String> watching =
        rules.stream().filter(Rule::watchesAlertPath).map(Rule::id).sorted().toList();
    if (watching.size() > ALERT_PATH_RULES) {
      findings.add(
          Finding.catalog(
              Finding.Level.ERROR,
              watching.size()
                  + " rules set watchesAlertPath ("
                  + String.join(", ", watching)
                  + "); at most "
                  + ALERT_PATH_RULES
                  + " can, because the FailedInvocations alarm on them is one metric math"
                  + " expression and CloudWatch allows 10 metrics in one. Unset it on the rules"
                  + " that do not watch irctl's own alerting."));
    }
    for (Rule rule : rules) {
      if (rule.watchesAlertPath() && rule.severity() == Severity.LOW) {
        findings.add(
            Finding.error(
                rule,
                "watchesAlertPath is set on a low-severity rule: the alert path is watched by rules"
                    + " a responder acts on (medium or higher)."));
      }
    }
    return findings;
  }

  /**
   * The whole catalog against EventBridge's per-bus quotas, as if every rule were selected: the
   * home region of global rules carries all of them (and a hub region would too). Rules whose
   * pattern cannot be rendered are already errors and are not counted.
   */
  public List<Finding> checkQuotas(List<Rule> rules) {
    List<Finding> findings = new ArrayList<>();
    if (rules.isEmpty()) {
      return findings;
    }
    int count = rules.size();
    if (count > EventBridgeQuotas.RULES_PER_BUS) {
      findings.add(
          Finding.catalog(
              Finding.Level.ERROR,
              count
                  + " rules: more than EventBridge's default quota of "
                  + EventBridgeQuotas.RULES_PER_BUS
                  + " rules per event bus, and us-east-1 carries every one. Select fewer or"
                  + " split the catalog."));
    } else if (count > EventBridgeQuotas.lowestRulesPerBus()) {
      findings.add(
          Finding.catalog(
              Finding.Level.WARNING,
              count
                  + " rules: more than the "
                  + EventBridgeQuotas.lowestRulesPerBus()
                  + " rules per event bus EventBridge allows by default in "
                  + String.join(", ", EventBridgeQuotas.lowestRulesPerBusRegions())
                  + "; select fewer there or ask AWS for a higher quota."));
    }
    List<String> wildcard = new ArrayList<>();
    for (Rule rule : rules) {
      try {
        if (EventBridgeQuotas.usesWildcard(renderer.renderWithExamples(rule))) {
          wildcard.add(rule.id());
        }
      } catch (UserException e) {
        // reported by the rule's own checks
      }
    }
    if (wildcard.size() > EventBridgeQuotas.WILDCARD_RULES_PER_BUS) {
      findings.add(
          Finding.catalog(
              Finding.Level.ERROR,
              wildcard.size()
                  + " rules use wildcard filters ("
                  + String.join(", ", wildcard)
                  + "); EventBridge allows "
                  + EventBridgeQuotas.WILDCARD_RULES_PER_BUS
                  + " such rules per event bus and the quota cannot be raised."));
    }
    return findings;
  }

  public List<Finding> validate(Rule rule) {
    List<Finding> findings = new ArrayList<>();
    if (rule.id().length() > MAX_ID_LENGTH) {
      findings.add(
          Finding.error(
              rule,
              "id is "
                  + rule.id().length()
                  + " characters; at most "
                  + MAX_ID_LENGTH
                  + " fit an EventBridge rule name (irctl-<id>, 64)."));
    }
    checkExampleCounts(rule, findings);
    if (!checkPlaceholders(rule, findings)) {
      return findings;
    }
    ObjectNode pattern;
    try {
      pattern = renderer.renderWithExamples(rule);
    } catch (UserException e) {
      findings.add(Finding.error(rule, e.getMessage()));
      return findings;
    }
    checkPattern(rule, pattern, findings);
    new ScopeCheck(rule, pattern, findings).run();
    new ManagementEventsCheck(rule, pattern, findings).run();
    new ExampleShapeCheck(rule, findings).run();
    return findings;
  }

  private static void checkExampleCounts(Rule rule, List<Finding> findings) {
    if (rule.examples().match().size() < 2 || rule.examples().noMatch().size() < 2) {
      findings.add(
          Finding.error(
              rule,
              "needs at least 2 match and 2 noMatch examples; has "
                  + rule.examples().match().size()
                  + " and "
                  + rule.examples().noMatch().size()
                  + "."));
    }
  }

  /** False when the pattern cannot be rendered at all. */
  private static boolean checkPlaceholders(Rule rule, List<Finding> findings) {
    Set<String> used = Placeholders.in(rule.eventPattern());
    Set<String> declared = new LinkedHashSet<>();
    rule.parameters().forEach(p -> declared.add(p.name()));
    boolean renderable = true;
    for (String name : used) {
      if (!declared.contains(name)) {
        findings.add(
            Finding.error(
                rule,
                "the event pattern uses ${"
                    + name
                    + "} but no parameter "
                    + name
                    + " is declared in \"parameters\"."));
        renderable = false;
      }
    }
    for (String name : declared) {
      if (!used.contains(name)) {
        findings.add(
            Finding.warning(
                rule,
                "parameter "
                    + name
                    + " is declared but the event pattern never uses ${"
                    + name
                    + "}."));
      }
    }
    for (String name : Placeholders.embedded(rule.eventPattern())) {
      Optional<RuleParameter> parameter = rule.parameter(name);
      if (parameter.isEmpty()) {
        continue;
      }
      RuleParameter p = parameter.get();
      boolean alwaysSet = p.required() || p.defaultValue().isPresent();
      if (p.type() != RuleParameter.Type.STRING || !alwaysSet) {
        findings.add(
            Finding.error(
                rule,
                "${"
                    + name
                    + "} is inside a longer string, so parameter "
                    + name
                    + " must be of type string and required or defaulted (it has no value to drop"
                    + " out to)."));
        renderable = false;
      }
    }
    for (String text : Placeholders.partial(rule.eventPattern())) {
      findings.add(
          Finding.warning(
              rule,
              "\""
                  + text
                  + "\" is not substituted: a placeholder is a JSON string value \"${name}\","
                  + " or ${name} inside one; object keys are never expanded."));
    }
    return renderable;
  }

  private static void checkPattern(Rule rule, ObjectNode pattern, List<Finding> findings) {
    String json = pattern.toString();
    if (json.length() > MAX_PATTERN_LENGTH) {
      findings.add(
          Finding.error(
              rule,
              "the rendered event pattern is "
                  + json.length()
                  + " characters; EventBridge accepts "
                  + MAX_PATTERN_LENGTH
                  + " by default. Split the rule or shorten its value lists."));
    }
    String problem = JsonRuleCompiler.check(json);
    if (problem != null) {
      findings.add(
          Finding.error(
              rule,
              "event-ruler (EventBridge's matcher) rejects the event pattern: "
                  + CatalogMatcher.firstLine(problem)));
    }
  }

  /**
   * The literal strings a pattern allows at {@code path}, or empty when it uses operators there
   * (prefix, ...).
   */
  static Optional<List<String>> literals(JsonNode pattern, String... path) {
    JsonNode node = pattern;
    for (String field : path) {
      node = node.path(field);
    }
    if (!node.isArray()) {
      return Optional.empty();
    }
    List<String> values = new ArrayList<>();
    for (JsonNode element : node) {
      if (!element.isTextual()) {
        return Optional.empty();
      }
      values.add(element.textValue());
    }
    return Optional.of(values);
  }
}
