package dev.irctl.catalog;

import dev.irctl.UserException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The loaded rules, sorted by id, and the version of the bundled catalog they came with. */
public final class Catalog {
  /** {@link #version()} when the bundled catalog was left out. */
  public static final String NO_VERSION = "none";

  private final List<Rule> rules;
  private final String version;

  Catalog(List<Rule> rules, String version) {
    this.rules = List.copyOf(rules);
    this.version = version;
  }

  /** Loads and checks the rules: exit-2 {@link UserException} naming each broken file. */
  public static Catalog load(CatalogSources sources) {
    return new CatalogLoader().load(sources);
  }

  /**
   * Loads the rules and refuses the catalog if {@link CatalogValidator} finds any error: one usage
   * error (exit 2) listing each as "file: rule id: problem". Commands that act on AWS load this
   * way, so a broken rule stops them before their first request.
   */
  public static Catalog loadValidated(CatalogSources sources) {
    Catalog catalog = load(sources);
    CatalogValidator validator = new CatalogValidator();
    // Per rule only: the quotas depend on which rules a command selects, and apply-rules checks
    // them per region.
    List<Finding> errors =
        catalog.rules().stream()
            .flatMap(rule -> validator.validate(rule).stream())
            .filter(Finding::isError)
            .toList();
    if (errors.isEmpty()) {
      return catalog;
    }
    StringBuilder message =
        new StringBuilder(
            errors.size()
                + " error(s) in the rule catalog; fix them (irctl rules validate lists warnings"
                + " too):");
    errors.forEach(
        e ->
            message
                .append("\n  ")
                .append(e.file())
                .append(": rule ")
                .append(e.ruleId())
                .append(": ")
                .append(e.message()));
    throw UserException.usage(message.toString());
  }

  /** A catalog of rules built elsewhere (tests, generated rules); ids must be unique. */
  public static Catalog of(List<Rule> rules, String version) {
    if (rules.stream().map(Rule::id).distinct().count() != rules.size()) {
      throw new IllegalArgumentException("duplicate rule ids");
    }
    return new Catalog(rules.stream().sorted(Comparator.comparing(Rule::id)).toList(), version);
  }

  public List<Rule> rules() {
    return rules;
  }

  /**
   * The bundled catalog's version (rules/VERSION), or {@link #NO_VERSION} with {@code
   * --no-bundled}.
   */
  public String version() {
    return version;
  }

  public Optional<Rule> find(String id) {
    return rules.stream().filter(rule -> rule.id().equals(id)).findFirst();
  }

  /** The rule with this id, or a usage error that says how to list the ids. */
  public Rule rule(String id) {
    return find(id)
        .orElseThrow(
            () ->
                UserException.usage(
                    "no rule with id " + id + " in the catalog." + unknownIdHint(id)));
  }

  /** Every rule id, sorted. */
  public List<String> ids() {
    return rules.stream().map(Rule::id).toList();
  }

  /**
   * What to add after "no rule with id X": the nearest id when one is close, and how to list them.
   */
  public String unknownIdHint(String id) {
    return dev.irctl.Suggestion.didYouMean(id, ids()) + " Run 'irctl rules list' to see the ids.";
  }
}
