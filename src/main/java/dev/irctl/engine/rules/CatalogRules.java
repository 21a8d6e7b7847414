package dev.irctl.engine.rules;

import dev.irctl.UserException;
import dev.irctl.catalog.Catalog;
import dev.irctl.catalog.PatternRenderer;
import dev.irctl.catalog.Rule;
import dev.irctl.catalog.RuleParameter;
import dev.irctl.catalog.Scope;
import dev.irctl.engine.Input;
import dev.irctl.engine.InputException;
import dev.irctl.engine.Ownership;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The catalog and the selection flags in, the rules to deploy out: selected by --rule, --category
 * and --exclude, rendered with --set, named {@code irctl-<id>}, tagged, and in the state their
 * management events need. Every problem is a usage error naming the flag, before any AWS call.
 */
public final class CatalogRules {
  /** EventBridge's limit on rule names. */
  static final int MAX_NAME = 64;

  public static final String TAG_RULE_ID = "irctl:rule-id";
  public static final String TAG_CATALOG_VERSION = "irctl:catalog-version";

  private CatalogRules() {}

  /**
   * Which rules: ids to include (empty means all), ids to leave out, categories to keep (empty
   * means all).
   */
  public record Selection(List<String> ids, List<String> excludes, List<String> categories) {
    public Selection {
      ids = List.copyOf(ids);
      excludes = List.copyOf(excludes);
      categories = List.copyOf(categories);
    }
  }

  /**
   * The rules to deploy, and what was left out: a rule whose required parameter has no value is
   * left out (one {@link LeftOut} each) unless the user named it with --rule, which makes it a
   * usage error; {@code lenient} (status, read-only) leaves it out even then. A setting that no
   * catalog rule declares is a usage error; one that only unselected rules take is reported in
   * {@link Resolved#unusedSettings()}.
   */
  public static Resolved resolve(
      Catalog catalog, Selection selection, Map<String, String> settings, boolean lenient) {
    List<Rule> rules = select(catalog, selection);
    PatternRenderer.rejectUnknown(catalog.rules(), settings);
    PatternRenderer renderer = new PatternRenderer();
    List<DesiredRule> desired = new ArrayList<>();
    List<LeftOut> leftOut = new ArrayList<>();
    Set<String> taken = new TreeSet<>();
    for (Rule rule : rules) {
      rule.parameters().forEach(p -> taken.add(p.name()));
      List<RuleParameter> missing = renderer.missing(rule, settings);
      if (missing.isEmpty()) {
        desired.add(toDesired(rule, renderer, settings, catalog.version()));
      } else if (!lenient && selection.ids().contains(rule.id())) {
        throw missingParameter(rule, missing.get(0));
      } else {
        leftOut.add(new LeftOut(rule.id(), missing.get(0)));
      }
    }
    Set<String> unused = new TreeSet<>(settings.keySet());
    unused.removeAll(taken);
    return new Resolved(desired, leftOut, unused);
  }

  /** {@link #resolve} for plan and apply, without the notes. */
  public static List<DesiredRule> desired(
      Catalog catalog, Selection selection, Map<String, String> settings) {
    return resolve(catalog, selection, settings, false).rules();
  }

  /** What {@link #resolve} selected, left out for a missing parameter, and did not need. */
  public record Resolved(
      List<DesiredRule> rules, List<LeftOut> leftOut, Set<String> unusedSettings) {
    public Resolved {
      rules = List.copyOf(rules);
      leftOut = List.copyOf(leftOut);
      unusedSettings = Set.copyOf(unusedSettings);
    }
  }

  /** A selected rule left out because this required parameter has no value. */
  public record LeftOut(String ruleId, RuleParameter parameter) {}

  private static UserException missingParameter(Rule rule, RuleParameter parameter) {
    return UserException.usage(
        "rule "
            + rule.id()
            + " needs parameter "
            + parameter.name()
            + " ("
            + parameter.description()
            + "): add "
            + Input.SETTING.ref()
            + " "
            + parameter.name()
            + "=<value> (example: "
            + Input.SETTING.ref()
            + " "
            + parameter.name()
            + "="
            + parameter.exampleText()
            + "), or leave the rule out with "
            + Input.EXCLUDE.ref()
            + " "
            + rule.id()
            + ".");
  }

  private static DesiredRule toDesired(
      Rule rule, PatternRenderer renderer, Map<String, String> settings, String version) {
    String name = rule.eventBridgeName();
    if (name.length() > MAX_NAME) {
      throw UserException.usage(
          rule.file()
              + ": rule id "
              + rule.id()
              + " makes the EventBridge rule name "
              + name
              + ", longer than "
              + MAX_NAME
              + " characters; shorten the id.");
    }
    Map<String, String> tags = new LinkedHashMap<>(Ownership.tags());
    tags.put(TAG_RULE_ID, rule.id());
    tags.put(TAG_CATALOG_VERSION, version);
    return new DesiredRule(
        name,
        rule.id(),
        rule.title(),
        rule.severity().id(),
        rule.description(),
        renderer.render(rule, settings),
        rule.managementEvents().ruleState(),
        tags,
        rule.scope() == Scope.GLOBAL,
        rule.watchesAlertPath(),
        rule.consoleSignIns());
  }

  private static List<Rule> select(Catalog catalog, Selection selection) {
    Set<String> categories = new TreeSet<>();
    catalog.rules().forEach(r -> categories.add(r.category()));
    for (String category : selection.categories()) {
      if (!categories.contains(category)) {
        throw new InputException(
            Input.CATEGORY,
            " "
                + category
                + ": no rule has this category."
                + dev.irctl.Suggestion.didYouMean(category, categories)
                + " Categories: "
                + String.join(", ", categories)
                + ".");
      }
    }
    for (String id : selection.excludes()) {
      if (catalog.find(id).isEmpty()) {
        throw new InputException(
            Input.EXCLUDE,
            " " + id + ": no rule with this id in the catalog." + catalog.unknownIdHint(id));
      }
    }
    List<Rule> chosen = new ArrayList<>();
    if (selection.ids().isEmpty()) {
      chosen.addAll(catalog.rules());
    } else {
      for (String id : new LinkedHashSet<>(selection.ids())) {
        chosen.add(
            catalog
                .find(id)
                .orElseThrow(
                    () ->
                        new InputException(
                            Input.RULE,
                            " "
                                + id
                                + ": no rule with this id in the catalog."
                                + catalog.unknownIdHint(id))));
      }
    }
    List<Rule> selected =
        chosen.stream()
            .filter(
                r ->
                    selection.categories().isEmpty()
                        || selection.categories().contains(r.category()))
            .filter(r -> !selection.excludes().contains(r.id()))
            .toList();
    if (selected.isEmpty()) {
      throw new InputException(Input.SELECTION, " together select no rules; nothing to apply.");
    }
    return selected;
  }
}
