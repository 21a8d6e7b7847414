package dev.irctl.engine.rules;

import dev.irctl.UserException;
import dev.irctl.catalog.Catalog;
import dev.irctl.catalog.PatternRenderer;
import dev.irctl.catalog.Rule;
import dev.irctl.catalog.RuleParameter;
import dev.irctl.catalog.Scope;
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

  public static List<DesiredRule> desired(
      Catalog catalog, Selection selection, Map<String, String> settings) {
    List<Rule> rules = select(catalog, selection);
    PatternRenderer.rejectUnknown(rules, settings);
    PatternRenderer renderer = new PatternRenderer();
    List<DesiredRule> desired = new ArrayList<>();
    for (Rule rule : rules) {
      List<RuleParameter> missing = renderer.missing(rule, settings);
      if (!missing.isEmpty()) {
        RuleParameter parameter = missing.get(0);
        throw UserException.usage(
            "rule "
                + rule.id()
                + " needs parameter "
                + parameter.name()
                + " ("
                + parameter.description()
                + "): add --set "
                + parameter.name()
                + "=<value> (example: --set "
                + parameter.name()
                + "="
                + parameter.exampleText()
                + "), or leave the rule out with --exclude "
                + rule.id()
                + ".");
      }
      desired.add(toDesired(rule, renderer, settings, catalog.version()));
    }
    return desired;
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
        rule.scope() == Scope.GLOBAL);
  }

  private static List<Rule> select(Catalog catalog, Selection selection) {
    Set<String> categories = new TreeSet<>();
    catalog.rules().forEach(r -> categories.add(r.category()));
    for (String category : selection.categories()) {
      if (!categories.contains(category)) {
        throw UserException.usage(
            "--category "
                + category
                + ": no rule has this category; categories: "
                + String.join(", ", categories)
                + ".");
      }
    }
    for (String id : selection.excludes()) {
      if (catalog.find(id).isEmpty()) {
        throw UserException.usage(
            "--exclude "
                + id
                + ": no rule with this id in the catalog; run 'irctl rules list' to see the ids.");
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
                        UserException.usage(
                            "--rule "
                                + id
                                + ": no rule with this id in the catalog; run 'irctl rules list' to see the ids.")));
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
      throw UserException.usage(
          "--rule, --category and --exclude together select no rules; nothing to apply.");
    }
    return selected;
  }
}
