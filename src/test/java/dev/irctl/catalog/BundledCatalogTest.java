package dev.irctl.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every rule in the repo's rules/ as bundled into the jar: schema-valid, id = file name (both
 * enforced by loading), no validator errors, and every example behaving under event-ruler. Dynamic,
 * so it holds for zero rules today and for whatever the catalog grows into.
 */
class BundledCatalogTest {
  private static final Catalog CATALOG = Catalog.load(CatalogSources.bundledOnly());
  private static final List<ExampleResult> RESULTS = new ExampleTester().run(CATALOG.rules());

  @Test
  void theJarBundlesExactlyTheRuleFilesInTheRepo() throws IOException {
    Path rulesDir = CatalogLoaderTest.repoRoot().resolve("rules");
    try (Stream<Path> files = Files.list(rulesDir)) {
      List<String> inRepo =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".json"))
              .map(n -> n.substring(0, n.length() - ".json".length()))
              .sorted()
              .toList();
      assertThat(CATALOG.rules()).extracting(Rule::id).containsExactlyElementsOf(inRepo);
    }
    assertThat(CATALOG.version()).matches("\\S+");
  }

  @TestFactory
  Stream<DynamicTest> everyRuleValidatesWithoutErrors() {
    CatalogValidator validator = new CatalogValidator();
    return CATALOG.rules().stream()
        .map(
            rule ->
                dynamicTest(
                    rule.id(),
                    () ->
                        assertThat(validator.validate(rule))
                            .filteredOn(Finding::isError)
                            .extracting(Finding::message)
                            .isEmpty()));
  }

  @TestFactory
  Stream<DynamicTest> everyExampleBehavesUnderEventRuler() {
    return RESULTS.stream()
        .map(
            result ->
                dynamicTest(
                    result.ruleId()
                        + " "
                        + result.kind().id()
                        + " "
                        + result.index()
                        + " ("
                        + result.label()
                        + ")",
                    () -> assertThat(result.passed()).as(result.reason().orElse("")).isTrue()));
  }

  /**
   * The EventBridge tamper rule pages when an irctl rule that needs read-only events is put back to
   * plain ENABLED; its list of such rules must follow the catalog.
   */
  @Test
  void theEventBridgeTamperRuleNamesEveryRuleThatNeedsReadOnlyEvents() {
    Rule tamper = CATALOG.rule("eventbridge-irctl-rule-tampering");
    List<String> needAll =
        CATALOG.rules().stream()
            .filter(rule -> rule.managementEvents() == ManagementEvents.ALL)
            .map(Rule::eventBridgeName)
            .sorted()
            .toList();
    List<String> listed = new java.util.ArrayList<>();
    for (com.fasterxml.jackson.databind.JsonNode branch :
        tamper.eventPattern().path("detail").path("$or")) {
      if (branch.path("requestParameters").path("state").toString().contains("\"ENABLED\"")) {
        branch.path("requestParameters").path("name").forEach(n -> listed.add(n.asText()));
      }
    }
    assertThat(needAll).isNotEmpty();
    assertThat(listed).containsExactlyElementsOf(needAll);
  }

  @TestFactory
  Stream<DynamicTest> everyRuleNameFitsEventBridge() {
    return CATALOG.rules().stream()
        .map(
            rule ->
                dynamicTest(
                    rule.id(),
                    () ->
                        assertThat(rule.eventBridgeName())
                            .hasSizeLessThanOrEqualTo(64)
                            .matches("[\\.\\-_A-Za-z0-9]+")));
  }
}
