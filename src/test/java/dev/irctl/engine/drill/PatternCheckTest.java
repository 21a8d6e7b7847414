package dev.irctl.engine.drill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.irctl.catalog.Catalog;
import dev.irctl.catalog.CatalogSources;
import dev.irctl.catalog.PatternRenderer;
import dev.irctl.catalog.Rule;
import dev.irctl.engine.port.AwsCallException;
import dev.irctl.fakes.FakeEventBridge;
import dev.irctl.fakes.FakePorts;
import java.util.List;
import org.junit.jupiter.api.Test;

class PatternCheckTest {
  private static final Catalog CATALOG = Catalog.load(CatalogSources.bundledOnly());
  private final FakePorts fakes = new FakePorts();
  private final FakeEventBridge events = fakes.eventBridgeIn("eu-west-1");

  private static List<PatternCheck.DeployedRule> deployedCatalog() {
    PatternRenderer renderer = new PatternRenderer();
    return CATALOG.rules().stream()
        .map(
            (Rule r) ->
                new PatternCheck.DeployedRule(
                    r.eventBridgeName(), renderer.renderWithExamples(r).toString(), r.examples()))
        .toList();
  }

  @Test
  void everyBundledExampleAgreesWhenAwsMatchesLikeEventRuler() {
    List<PatternCheck.Verdict> verdicts =
        PatternCheck.check(events, "eu-west-1", deployedCatalog());

    assertThat(verdicts).isNotEmpty().noneMatch(PatternCheck.Verdict::failed);
    // Rendered with their examples' parameters, the catalog's own expectations hold too.
    assertThat(verdicts).allMatch(v -> v.offline() == v.expected(), "offline = expected");
    int examples =
        CATALOG.rules().stream()
            .mapToInt(r -> r.examples().match().size() + r.examples().noMatch().size())
            .sum();
    assertThat(fakes.log().matching(c -> c.contains("events:TestEventPattern"))).hasSize(examples);
  }

  @Test
  void aDisagreementIsAFailureNamingTheRuleAndTheExample() {
    events.answerTestEventPattern((pattern, event) -> false);
    Rule rule = CATALOG.rule("iam-mfa-deactivated");

    List<PatternCheck.Verdict> failed =
        PatternCheck.check(
                events,
                "eu-west-1",
                List.of(
                    new PatternCheck.DeployedRule(
                        rule.eventBridgeName(),
                        new PatternRenderer().renderWithExamples(rule).toString(),
                        rule.examples())))
            .stream()
            .filter(PatternCheck.Verdict::failed)
            .toList();

    assertThat(failed).hasSize(rule.examples().match().size());
    assertThat(failed.get(0).describe())
        .isEqualTo("irctl-iam-mfa-deactivated match[0]: AWS says no match, event-ruler says match");
  }

  @Test
  void aFailedTestEventPatternCallIsAFailureToo() {
    fakes
        .log()
        .fail(
            "eu-west-1",
            "events:TestEventPattern",
            AwsCallException.Kind.ACCESS_DENIED,
            "not authorized");
    Rule rule = CATALOG.rule("iam-mfa-deactivated");

    List<PatternCheck.Verdict> verdicts =
        PatternCheck.check(
            events,
            "eu-west-1",
            List.of(
                new PatternCheck.DeployedRule(
                    rule.eventBridgeName(),
                    new PatternRenderer().renderWithExamples(rule).toString(),
                    rule.examples())));

    assertThat(verdicts).allMatch(PatternCheck.Verdict::failed);
    assertThat(verdicts.get(0).describe())
        .contains("TestEventPattern failed")
        .contains("events:TestEventPattern");
  }

  @Test
  void missingEnvelopeFieldsAreFilledSoAwsAcceptsTheEvent() throws Exception {
    var example =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree("{\"source\":\"aws.iam\",\"detail-type\":\"AWS API Call via CloudTrail\"}");

    var event = PatternCheck.envelope(example, "eu-west-1");

    assertThat(event.fieldNames())
        .toIterable()
        .contains("id", "account", "source", "time", "region", "resources", "detail-type");
    assertThat(event.path("region").asText()).isEqualTo("eu-west-1");
    assertThat(example.has("id")).isFalse();
  }
}
