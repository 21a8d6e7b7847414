package dev.irctl.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The prefilter never changes an answer: on every bundled example, and on many events derived from
 * them (other event names, sources, error codes, root callers, read-only flags, arrays), the fast
 * path and the plain Machine fire the same rules.
 */
class RulePrefilterTest {
  private static final Catalog CATALOG = Catalog.load(CatalogSources.bundledOnly());
  private static final CatalogMatcher MATCHER = CatalogMatcher.forExamples(CATALOG.rules());

  @Test
  void fastPathEqualsThePlainMachineOnEveryExampleAndOnDerivedEvents() {
    List<JsonNode> events = derivedEvents();
    RulePrefilter prefilter = prefilter();
    int firing = 0;
    int skipped = 0;
    for (JsonNode event : events) {
      List<String> plain = MATCHER.machineMatches(event);
      assertThat(MATCHER.matches(event)).as(event.toString()).isEqualTo(plain);
      firing += plain.isEmpty() ? 0 : 1;
      skipped += prefilter.mayMatch(event) ? 0 : 1;
    }
    // Not a vacuous comparison: many events fire rules, many are decided by the prefilter alone.
    assertThat(events.size()).isGreaterThan(3_000);
    assertThat(firing).isGreaterThan(300);
    assertThat(skipped).isGreaterThan(1_000);
  }

  @Test
  void rulesSharedOverSeveralMachinesFireWhatOneMachineFires() {
    PatternRenderer renderer = new PatternRenderer();
    List<RenderedRule> rendered =
        CATALOG.rules().stream()
            .map(rule -> new RenderedRule(rule, renderer.renderWithExamples(rule)))
            .toList();
    CatalogMatcher one = CatalogMatcher.compile(rendered, 1);
    List<CatalogMatcher> shared =
        List.of(CatalogMatcher.compile(rendered, 2), CatalogMatcher.compile(rendered, 3));
    int firing = 0;
    for (JsonNode event : derivedEvents()) {
      List<String> expected = one.machineMatches(event);
      for (CatalogMatcher matcher : shared) {
        assertThat(matcher.machineMatches(event)).as(event.toString()).isEqualTo(expected);
      }
      firing += expected.size() > 1 ? 1 : 0;
    }
    // Events firing rules from more than one Machine are among them.
    assertThat(firing).isGreaterThan(50);
  }

  @Test
  void rulesTheirDemandsDecideFireWithoutTheirMachineAsTheMachineWould() {
    PatternRenderer renderer = new PatternRenderer();
    RulePrefilter prefilter =
        RulePrefilter.forRules(
            CATALOG.rules().stream()
                .map(r -> new RenderedRule(r, renderer.renderWithExamples(r)))
                .toList(),
            2);
    int decidedAlone = 0;
    for (JsonNode event : derivedEvents()) {
      RulePrefilter.Verdict verdict = prefilter.verdict(event);
      List<String> plain = MATCHER.machineMatches(event);
      assertThat(plain).as(event.toString()).containsAll(verdict.fired());
      decidedAlone += verdict.machines() == 0 && !verdict.fired().isEmpty() ? 1 : 0;
    }
    // Not vacuous: many firing events need no Machine at all.
    assertThat(decidedAlone).isGreaterThan(200);
  }

  @Test
  void onlyPatternsOfPlainDemandsAreDecisive() {
    assertThat(
            decisive(
                "{\"source\":[\"aws.iam\"],\"detail\":{\"eventName\":[\"CreateUser\",{\"prefix\":\"Put\"}]}}"))
        .isTrue();
    assertThat(decisive("{\"detail\":{\"$or\":[{\"eventName\":[\"a\"]},{\"errorCode\":[\"b\"]}]}}"))
        .isFalse();
    assertThat(
            decisive(
                "{\"detail\":{\"eventName\":[\"a\"],\"requestParameters\":{\"name\":[\"b\"]}}}"))
        .isFalse();
    assertThat(decisive("{\"detail\":{\"errorCode\":[{\"exists\":true}]}}")).isFalse();
    assertThat(decisive("{\"detail\":{\"eventName\":[{\"anything-but\":\"a\"}]}}")).isFalse();
    assertThat(decisive("{\"detail\":{\"eventName\":[null]}}")).isFalse();
    assertThat(decisive("{\"detail\":{\"eventName\":[]}}")).isFalse();
    assertThat(decisive("{}")).isFalse();
  }

  private static boolean decisive(String pattern) {
    return RulePrefilter.decisive(TestEvents.json(pattern), List.of());
  }

  @Test
  void mostEverydayEventsNeverReachTheMachine() {
    RulePrefilter prefilter = prefilter();
    ObjectNode read = TestEvents.apiCall("s3.amazonaws.com", "ListBuckets");
    ((ObjectNode) read.path("detail")).put("readOnly", true).put("managementEvent", true);
    assertThat(prefilter.mayMatch(read)).isFalse();
    assertThat(prefilter.mayMatch(TestEvents.apiCall("ec2.amazonaws.com", "RunInstances")))
        .isFalse();
    assertThat(prefilter.mayMatch(TestEvents.apiCall("iam.amazonaws.com", "CreateAccessKey")))
        .isTrue();
  }

  @Test
  void demandsFollowOrBranchesAndGiveUpOnWhatTheyCannotRead() {
    JsonNode pattern =
        TestEvents.json(
            "{\"source\":[\"aws.sns\"],\"detail\":{\"$or\":[{\"eventName\":[\"DeleteTopic\"]},"
                + "{\"eventName\":[{\"prefix\":\"Set\"}]}],\"errorCode\":[{\"anything-but\":\"x\"}],"
                + "\"userIdentity\":{\"type\":[{\"wildcard\":\"Ro*t\"}]}}}");
    RulePrefilter.Demand name = RulePrefilter.demand(pattern, List.of("detail", "eventName"), 0);
    assertThat(name.metBy("DeleteTopic")).isTrue();
    assertThat(name.metBy("SetTopicAttributes")).isTrue();
    assertThat(name.metBy("Subscribe")).isFalse();
    assertThat(RulePrefilter.demand(pattern, List.of("detail", "errorCode"), 0)).isNull();
    assertThat(RulePrefilter.demand(pattern, List.of("detail", "eventSource"), 0)).isNull();
    assertThat(
            RulePrefilter.demand(pattern, List.of("detail", "userIdentity", "type"), 0)
                .metBy("Root"))
        .isTrue();
    JsonNode oneBranchOpen =
        TestEvents.json("{\"$or\":[{\"source\":[\"aws.iam\"]},{\"detail-type\":[\"x\"]}]}");
    assertThat(RulePrefilter.demand(oneBranchOpen, List.of("source"), 0)).isNull();
  }

  @Test
  void wildcardsMatchLikeEventBridge() {
    assertThat(
            RulePrefilter.Glob.matches(
                "arn:aws*:sns:*:*:irctl-*", "arn:aws:sns:eu-west-1:1:irctl-alerts"))
        .isTrue();
    assertThat(RulePrefilter.Glob.matches("*UnauthorizedOperation", "Client.UnauthorizedOperation"))
        .isTrue();
    assertThat(RulePrefilter.Glob.matches("AccessDenied*", "AccessDeniedException")).isTrue();
    assertThat(RulePrefilter.Glob.matches("a*b*c", "abxc")).isTrue();
    assertThat(RulePrefilter.Glob.matches("a*b*c", "acb")).isFalse();
    assertThat(RulePrefilter.Glob.matches("irctl-*", "orders")).isFalse();
  }

  private static RulePrefilter prefilter() {
    PatternRenderer renderer = new PatternRenderer();
    return RulePrefilter.forRules(
        CATALOG.rules().stream()
            .map(r -> new RenderedRule(r, renderer.renderWithExamples(r)))
            .toList());
  }

  /** Every example, then variants of each with one field swapped for a value seen elsewhere. */
  static List<JsonNode> derivedEvents() {
    List<JsonNode> examples = new ArrayList<>();
    CATALOG
        .rules()
        .forEach(
            r -> {
              examples.addAll(r.examples().match());
              examples.addAll(r.examples().noMatch());
            });
    Set<String> names = new TreeSet<>(List.of("GetObject", "ListBuckets", "Nope"));
    Set<String> sources = new TreeSet<>(List.of("aws.other"));
    Set<String> types = new TreeSet<>();
    for (JsonNode e : examples) {
      names.add(e.path("detail").path("eventName").asText("Nope"));
      sources.add(e.path("source").asText("aws.other"));
      types.add(e.path("detail-type").asText("Other"));
    }
    List<String> errors =
        List.of("AccessDenied", "AccessDeniedException", "Client.UnauthorizedOperation", "Other");
    Random random = new Random(7);
    List<JsonNode> events = new ArrayList<>(examples);
    for (JsonNode example : examples) {
      for (String name : sample(names, 4, random)) {
        ObjectNode copy = example.deepCopy();
        detail(copy).put("eventName", name);
        events.add(copy);
      }
      for (String source : sample(sources, 2, random)) {
        events.add(((ObjectNode) example.deepCopy()).put("source", source));
      }
      for (String type : sample(types, 2, random)) {
        events.add(((ObjectNode) example.deepCopy()).put("detail-type", type));
      }
      for (String error : sample(new TreeSet<>(errors), 2, random)) {
        ObjectNode copy = example.deepCopy();
        detail(copy).put("errorCode", error);
        events.add(copy);
      }
      ObjectNode root = example.deepCopy();
      detail(root).putObject("userIdentity").put("type", "Root");
      events.add(root);
      ObjectNode readOnly = example.deepCopy();
      detail(readOnly).put("readOnly", random.nextBoolean()).put("managementEvent", true);
      events.add(readOnly);
      ObjectNode asArray = example.deepCopy();
      asArray.putArray("source").add("aws.other").add(example.path("source").asText(""));
      events.add(asArray);
      ObjectNode numeric = example.deepCopy();
      detail(numeric).put("eventName", 5);
      events.add(numeric);
      ObjectNode noDetail = example.deepCopy();
      noDetail.remove("detail");
      events.add(noDetail);
    }
    return events;
  }

  /** A few of the values, different for each example (the same every run). */
  private static List<String> sample(Set<String> values, int count, Random random) {
    List<String> all = new ArrayList<>(values);
    java.util.Collections.shuffle(all, random);
    return all.subList(0, Math.min(count, all.size()));
  }

  private static ObjectNode detail(ObjectNode event) {
    JsonNode detail = event.path("detail");
    return detail.isObject() ? (ObjectNode) detail : event.putObject("detail");
  }
}
