package dev.irctl.engine.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.irctl.catalog.Catalog;
import dev.irctl.catalog.CatalogMatcher;
import dev.irctl.catalog.CatalogSources;
import dev.irctl.catalog.PatternRenderer;
import dev.irctl.catalog.RenderedRule;
import dev.irctl.catalog.Rule;
import dev.irctl.catalog.Scope;
import dev.irctl.engine.hub.HubTopology.Placement;
import dev.irctl.engine.hub.HubTopology.RuleScope;
import dev.irctl.engine.hub.HubTopology.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class HubTopologyTest {
  private static final Catalog CATALOG = Catalog.load(CatalogSources.bundledOnly());
  private static final List<String> REGIONS = List.of("eu-west-1", "us-east-1", "ap-southeast-2");

  private static List<RuleScope> catalogScopes() {
    return CATALOG.rules().stream()
        .map(r -> new RuleScope(r.id(), r.scope() == Scope.GLOBAL))
        .toList();
  }

  @Test
  void theHubCarriesEverySelectedRuleGlobalOnesTooAndTargetsOnlyTheTopic() {
    HubTopology topology = HubTopology.compute(REGIONS, "eu-west-1", catalogScopes());

    assertThat(topology.placements("eu-west-1"))
        .extracting(Placement::ruleId)
        .containsExactlyElementsOf(CATALOG.rules().stream().map(Rule::id).toList());
    assertThat(topology.placements("eu-west-1"))
        .extracting(Placement::target)
        .containsOnly(Target.HUB_TOPIC);
  }

  @Test
  void otherRegionsForwardToTheHubBusAndGlobalRulesLiveInUsEast1Only() {
    List<RuleScope> rules =
        List.of(new RuleScope("iam-mfa-deactivated", true), new RuleScope("guardduty-x", false));

    HubTopology topology = HubTopology.compute(REGIONS, "eu-west-1", rules);

    assertThat(topology.placements("us-east-1"))
        .containsExactly(
            new Placement("iam-mfa-deactivated", Target.HUB_BUS),
            new Placement("guardduty-x", Target.HUB_BUS));
    assertThat(topology.placements("ap-southeast-2"))
        .containsExactly(new Placement("guardduty-x", Target.HUB_BUS));
    assertThat(topology.hubBusArn("aws", "111122223333"))
        .isEqualTo("arn:aws:events:eu-west-1:111122223333:event-bus/default");
  }

  @Test
  void aHubInUsEast1TargetsTheTopicThereAndNoHubRuleEverTargetsABus() {
    HubTopology topology = HubTopology.compute(REGIONS, "us-east-1", catalogScopes());

    assertThat(topology.placements("us-east-1"))
        .extracting(Placement::target)
        .containsOnly(Target.HUB_TOPIC);
    assertThat(topology.placements("eu-west-1"))
        .extracting(Placement::target)
        .containsOnly(Target.HUB_BUS);
    assertThat(topology.placements("eu-west-1"))
        .extracting(Placement::ruleId)
        .doesNotContain("iam-mfa-deactivated");
  }

  @Test
  void theHubMustBeSelected() {
    assertThatThrownBy(
            () -> HubTopology.compute(List.of("eu-west-1"), "us-east-1", catalogScopes()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("us-east-1");
  }

  /**
   * Plays a forwarded event through event-ruler: each rule deployed in the origin region that
   * matches forwards one copy (unchanged: same source, detail-type and region) to the hub, where
   * every hub rule that matches it publishes once to the topic. Returns rule id → publications.
   */
  private static Map<String, Long> publications(
      HubTopology topology, String origin, JsonNode event) {
    PatternRenderer renderer = new PatternRenderer();
    CatalogMatcher originMatcher = matcher(topology.placements(origin), renderer);
    CatalogMatcher hubMatcher = matcher(topology.placements(topology.hubRegion()), renderer);
    List<String> published = new ArrayList<>();
    for (String forwarder : originMatcher.matches(event)) {
      assertThat(forwarder).isNotNull();
      List<String> hubRules = hubMatcher.matches(event);
      // No hub rule matches one forwarded copy twice.
      assertThat(hubRules).doesNotHaveDuplicates();
      published.addAll(hubRules);
    }
    return published.stream().collect(Collectors.groupingBy(id -> id, Collectors.counting()));
  }

  private static CatalogMatcher matcher(List<Placement> placements, PatternRenderer renderer) {
    Set<String> ids = placements.stream().map(Placement::ruleId).collect(Collectors.toSet());
    return CatalogMatcher.compile(
        CATALOG.rules().stream()
            .filter(r -> ids.contains(r.id()))
            .map(r -> new RenderedRule(r, renderer.renderWithExamples(r)))
            .toList());
  }

  @Test
  void aGuardDutyFindingForwardedFromEuWest1FiresTheHubRule() {
    HubTopology topology = HubTopology.compute(REGIONS, "us-east-1", catalogScopes());
    ObjectNode finding =
        CATALOG.rule("guardduty-finding-high-and-up").examples().match().get(0).deepCopy();
    finding.put("region", "eu-west-1");
    finding.with("detail").put("severity", 7.5);

    Map<String, Long> published = publications(topology, "eu-west-1", finding);

    assertThat(published).containsKey("guardduty-finding-high-and-up");
  }

  @Test
  void anIamEventForwardedFromUsEast1FindsItsGlobalRuleInAHubElsewhere() {
    HubTopology topology = HubTopology.compute(REGIONS, "eu-west-1", catalogScopes());
    JsonNode event = CATALOG.rule("iam-mfa-deactivated").examples().match().get(0);

    assertThat(event.path("region").asText()).isEqualTo("us-east-1");
    assertThat(publications(topology, "us-east-1", event)).containsEntry("iam-mfa-deactivated", 1L);
  }

  @Test
  void anEventThatOneRuleMatchesReachesTheTopicExactlyOnce() {
    HubTopology topology = HubTopology.compute(REGIONS, "eu-west-1", catalogScopes());
    PatternRenderer renderer = new PatternRenderer();
    CatalogMatcher all =
        CatalogMatcher.compile(
            CATALOG.rules().stream()
                .map(r -> new RenderedRule(r, renderer.renderWithExamples(r)))
                .toList());
    int checked = 0;
    for (Rule rule : CATALOG.rules()) {
      String origin = rule.scope() == Scope.GLOBAL ? "us-east-1" : "ap-southeast-2";
      for (JsonNode example : rule.examples().match()) {
        ObjectNode event = example.deepCopy();
        event.put("region", origin);
        if (all.matches(event).size() != 1) {
          continue; // overlapping rules: see the next test
        }
        assertThat(publications(topology, origin, event))
            .as("%s from %s", rule.id(), origin)
            .containsExactly(Map.entry(rule.id(), 1L));
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(10);
  }

  @Test
  void anEventTwoRulesMatchIsForwardedTwiceAndPublishedOncePerCopyAndRule() {
    // Per-rule forwarding: each matching origin rule forwards its own copy, and each copy fires
    // every matching hub rule. Two overlapping rules publish 2 x 2 = 4 alerts, not 2. The lead must
    // choose: one forwarder per region with a disjoint pattern, or accept the duplicates.
    HubTopology topology = HubTopology.compute(REGIONS, "eu-west-1", catalogScopes());
    ObjectNode finding =
        CATALOG.rule("guardduty-finding-high-and-up").examples().match().get(0).deepCopy();
    finding.put("region", "ap-southeast-2");
    finding.with("detail").put("severity", 8);

    Map<String, Long> published = publications(topology, "ap-southeast-2", finding);

    assertThat(published)
        .containsEntry("guardduty-finding-high-and-up", 2L)
        .containsEntry("guardduty-finding-medium-and-up", 2L);
  }
}
