package dev.irctl.catalog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * Scope must follow where the pattern's events arrive: only global-service sources → global
 * (deployed in us-east-1 only); any other source → regional, or a global rule would miss events in
 * every other region. aws.signin is not global-only: console sign-ins are recorded in the region of
 * the sign-in endpoint. A rule that matches console sign-ins says which ({@code consoleSignIns}),
 * so it also runs where AWS records them.
 */
final class ScopeCheck {
  private final Rule rule;
  private final ObjectNode pattern;
  private final List<Finding> findings;

  ScopeCheck(Rule rule, ObjectNode pattern, List<Finding> findings) {
    this.rule = rule;
    this.pattern = pattern;
    this.findings = findings;
  }

  void run() {
    checkSignIns();
    Optional<List<String>> sources = CatalogValidator.literals(pattern, "source");
    if (sources.isEmpty() || sources.get().isEmpty()) {
      if (rule.scope() == Scope.GLOBAL) {
        findings.add(
            Finding.error(
                rule,
                "scope is global but the pattern does not list its sources (\"source\": [\"aws.iam\"]),"
                    + " so irctl cannot tell that its events arrive in us-east-1."));
      }
      return;
    }
    List<String> notGlobal =
        sources.get().stream().filter(s -> !EventSources.isGlobalOnly(s)).toList();
    if (rule.scope() == Scope.REGIONAL && notGlobal.isEmpty()) {
      findings.add(
          Finding.error(
              rule,
              "scope is regional but "
                  + String.join(", ", sources.get())
                  + " events arrive in us-east-1 only; set \"scope\": \"global\" so the rule is not deployed where it cannot fire."));
    }
    if (rule.scope() == Scope.GLOBAL) {
      for (String source : notGlobal) {
        if (source.equals(EventSources.STS)) {
          findings.add(
              Finding.warning(
                  rule,
                  "scope is global: only calls to the global STS endpoint arrive in us-east-1;"
                      + " calls to regional STS endpoints arrive in their own region and this rule will not see them."));
        } else {
          findings.add(
              Finding.error(
                  rule,
                  "scope is global but "
                      + source
                      + " events arrive in the region where they"
                      + " happen; a rule deployed in us-east-1 only would miss the others. Set \"scope\": \"regional\"."));
        }
      }
    }
  }

  private static final String SIGN_IN_DETAIL_TYPE = CloudTrailEnvelope.CONSOLE_SIGN_IN;

  private void checkSignIns() {
    boolean matchesSignIns = namesSignIns(pattern);
    if (pattern.path("$or").isArray()) {
      for (com.fasterxml.jackson.databind.JsonNode branch : pattern.path("$or")) {
        matchesSignIns |= namesSignIns(branch);
      }
    }
    ConsoleSignIns signIns = rule.consoleSignIns();
    if (signIns != ConsoleSignIns.NONE && rule.scope() == Scope.GLOBAL) {
      findings.add(
          Finding.error(
              rule,
              "consoleSignIns is set on a global rule: console sign-ins are recorded in"
                  + " regional sign-in regions, not only the home region. Set \"scope\": \"regional\"."));
    } else if (signIns != ConsoleSignIns.NONE && !matchesSignIns) {
      findings.add(
          Finding.error(
              rule,
              "consoleSignIns is "
                  + signIns.id()
                  + " but the pattern names neither source aws.signin nor detail-type \""
                  + SIGN_IN_DETAIL_TYPE
                  + "\"; remove consoleSignIns."));
    } else if (signIns == ConsoleSignIns.NONE && matchesSignIns) {
      findings.add(
          Finding.warning(
              rule,
              "matches console sign-ins but does not set consoleSignIns (all or root): AWS records"
                  + " global-endpoint sign-ins in us-east-1, us-east-2, eu-north-1 or"
                  + " ap-southeast-2 (root in us-east-1), so without it the rule misses those"
                  + " outside the chosen regions."));
    }
  }

  private static boolean namesSignIns(com.fasterxml.jackson.databind.JsonNode node) {
    return CatalogValidator.literals(node, "source").orElse(List.of()).contains("aws.signin")
        || CatalogValidator.literals(node, "detail-type")
            .orElse(List.of())
            .contains(SIGN_IN_DETAIL_TYPE);
  }
}
