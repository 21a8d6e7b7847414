package dev.irctl.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.irctl.catalog.ConsoleSignIns;
import dev.irctl.cli.Flags;
import dev.irctl.engine.FieldDiff;
import dev.irctl.engine.Input;
import dev.irctl.engine.PlanConflictException;
import dev.irctl.engine.port.BusRule;
import dev.irctl.engine.port.RuleTarget;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RulePlannerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOPIC = "arn:aws:sns:us-east-1:111122223333:irctl-alerts";
  private static final Map<String, String> TAGS =
      Map.of("managed-by", "irctl", "irctl:rule-id", "a", "irctl:catalog-version", "1");
  private static final Function<DesiredRule, List<RuleTarget>> TARGET =
      r -> List.of(RuleTarget.of("irctl-sns", TOPIC, Optional.empty()));
  private static final String LOGS =
      "arn:aws:logs:us-east-1:111122223333:log-group:/irctl/alert-path";
  private static final Function<DesiredRule, List<RuleTarget>> BOTH =
      r ->
          List.of(
              RuleTarget.of("irctl-sns", TOPIC, Optional.empty()),
              RuleTarget.of("irctl-alert-path", LOGS, Optional.empty()));

  static DesiredRule desired(String pattern) {
    return new DesiredRule(
        "irctl-a",
        "a",
        "A",
        "high",
        "desc",
        tree(pattern),
        "ENABLED",
        TAGS,
        false,
        false,
        ConsoleSignIns.NONE);
  }

  static ActualRule actual(
      String name,
      String pattern,
      String state,
      String description,
      Map<String, String> tags,
      List<RuleTarget> targets) {
    return new ActualRule(
        new BusRule(
            name,
            "arn:aws:events:us-east-1:111122223333:rule/" + name,
            Optional.of(pattern),
            state,
            Optional.of(description)),
        tags,
        targets);
  }

  static RuleTarget ours() {
    return RuleTarget.of("irctl-sns", TOPIC, Optional.empty());
  }

  static JsonNode tree(String json) {
    try {
      return JSON.readTree(json);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  static Stream<Arguments> cases() {
    String pattern = "{\"source\":[\"aws.iam\"],\"detail\":{\"eventName\":[\"A\",\"B\"]}}";
    return Stream.of(
        Arguments.of("new rule is created", List.of(), "CreateRule", List.of()),
        Arguments.of(
            "equal rule (keys in another order, same tree) needs nothing",
            List.of(
                actual(
                    "irctl-a",
                    "{\"detail\":{\"eventName\":[\"A\",\"B\"]},\"source\":[\"aws.iam\"]}",
                    "ENABLED",
                    "desc",
                    TAGS,
                    List.of(ours()))),
            "none",
            List.of()),
        Arguments.of(
            "pattern drift is diffed by path",
            List.of(
                actual(
                    "irctl-a",
                    "{\"source\":[\"aws.iam\"],\"detail\":{\"eventName\":[\"A\"]}}",
                    "ENABLED",
                    "desc",
                    TAGS,
                    List.of(ours()))),
            "UpdateRule",
            List.of(
                FieldDiff.of(
                    "eventPattern.detail.eventName", json("[\"A\"]"), json("[\"A\",\"B\"]")))),
        Arguments.of(
            "a disabled rule is re-enabled",
            List.of(actual("irctl-a", pattern, "DISABLED", "desc", TAGS, List.of(ours()))),
            "UpdateRule",
            List.of(new FieldDiff("state", "DISABLED", "ENABLED"))),
        Arguments.of(
            "an old catalog version tag is retagged",
            List.of(
                actual(
                    "irctl-a",
                    pattern,
                    "ENABLED",
                    "desc",
                    Map.of(
                        "managed-by", "irctl", "irctl:rule-id", "a", "irctl:catalog-version", "0"),
                    List.of(ours()))),
            "UpdateRule",
            List.of(new FieldDiff("tag irctl:catalog-version", "0", "1"))),
        Arguments.of(
            "a missing irctl target is added, the user's target kept",
            List.of(
                actual(
                    "irctl-a",
                    pattern,
                    "ENABLED",
                    "desc",
                    TAGS,
                    List.of(RuleTarget.of("pager", "arn:aws:lambda:x", Optional.empty())))),
            "UpdateRule",
            List.of(new FieldDiff("target irctl-sns", null, TOPIC))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void plansTheChangeThatClosesTheGap(
      String name, List<ActualRule> actual, String expected, List<FieldDiff> diffs) {
    DesiredRule rule =
        desired("{\"source\":[\"aws.iam\"],\"detail\":{\"eventName\":[\"A\",\"B\"]}}");

    RulePlanner.Result result = RulePlanner.plan(List.of(rule), actual, TARGET, false);

    if (expected.equals("none")) {
      assertThat(result.changes()).isEmpty();
      assertThat(result.unchanged()).isEqualTo(1);
      return;
    }
    assertThat(result.changes()).hasSize(1);
    RuleChange change = result.changes().get(0);
    assertThat(change.getClass().getSimpleName()).isEqualTo(expected);
    if (!diffs.isEmpty()) {
      assertThat(change.diffs()).containsExactlyElementsOf(diffs);
    }
  }

  @Test
  void onlyTheDriftedPartsAreWritten() {
    ActualRule tagsOnly =
        actual(
            "irctl-a",
            "{\"source\":[\"aws.iam\"]}",
            "ENABLED",
            "desc",
            Map.of("managed-by", "irctl"),
            List.of(ours()));

    RuleChange.UpdateRule update =
        (RuleChange.UpdateRule)
            RulePlanner.plan(
                    List.of(desired("{\"source\":[\"aws.iam\"]}")),
                    List.of(tagsOnly),
                    TARGET,
                    false)
                .changes()
                .get(0);

    assertThat(update.putRule()).isFalse();
    assertThat(update.targets()).isEmpty();
    assertThat(update.staleTargetIds()).isEmpty();
    assertThat(update.tags()).containsOnlyKeys("irctl:rule-id", "irctl:catalog-version");
  }

  @Test
  void ownedRulesNoLongerSelectedAreOrphansAndDeletedOnlyWithPrune() {
    ActualRule orphan =
        actual(
            "irctl-old",
            "{\"source\":[\"aws.s3\"]}",
            "ENABLED",
            "",
            Map.of("managed-by", "irctl"),
            List.of(ours()));

    RulePlanner.Result shown = RulePlanner.plan(List.of(), List.of(orphan), TARGET, false);
    RulePlanner.Result pruned = RulePlanner.plan(List.of(), List.of(orphan), TARGET, true);

    assertThat(shown.changes()).isEmpty();
    assertThat(shown.orphans()).containsExactly("irctl-old");
    assertThat(pruned.changes())
        .singleElement()
        .isEqualTo(
            new RuleChange.DeleteRule(
                "irctl-old",
                List.of("irctl-sns"),
                "no longer selected (" + Input.PRUNE.ref() + ")"));
    assertThat(Flags.word(pruned.changes().get(0).reason()))
        .isEqualTo("no longer selected (--prune)");
  }

  @Test
  void foreignRulesAreNeverTouchedEvenWithPrune() {
    ActualRule foreign =
        actual(
            "irctl-someone-elses", "{\"source\":[\"aws.s3\"]}", "ENABLED", "", Map.of(), List.of());

    RulePlanner.Result result = RulePlanner.plan(List.of(), List.of(foreign), TARGET, true);

    assertThat(result.changes()).isEmpty();
    assertThat(result.orphans()).isEmpty();
  }

  @Test
  void aPrunedRuleWithTheUsersTargetsIsKeptWithAWarning() {
    ActualRule orphan =
        actual(
            "irctl-old",
            "{}",
            "ENABLED",
            "",
            Map.of("managed-by", "irctl"),
            List.of(ours(), RuleTarget.of("pager", "arn:aws:lambda:x", Optional.empty())));

    RulePlanner.Result result = RulePlanner.plan(List.of(), List.of(orphan), TARGET, true);

    assertThat(result.changes()).isEmpty();
    assertThat(result.warnings())
        .singleElement()
        .asString()
        .contains("kept rule irctl-old")
        .contains("pager");
  }

  @Test
  void aDesiredNameTakenByAnUntaggedRuleIsAConflict() {
    ActualRule foreign =
        actual(
            "irctl-a",
            "{\"source\":[\"aws.s3\"]}",
            "ENABLED",
            "",
            Map.of("owner", "team-x"),
            List.of());

    assertThatThrownBy(
            () -> RulePlanner.plan(List.of(desired("{}")), List.of(foreign), TARGET, false))
        .isInstanceOf(PlanConflictException.class)
        .hasMessageContaining("rule irctl-a exists but is not tagged managed-by=irctl")
        .satisfies(
            e ->
                assertThat(Flags.word(e.getMessage()))
                    .contains("or leave the rule out with --exclude a. Nothing was changed"));
  }

  /** A rule as the reader first finds it: content and targets, tags not read yet. */
  private static ActualRule unread(String name, String pattern, List<RuleTarget> targets) {
    ActualRule read = actual(name, pattern, "ENABLED", "desc", Map.of(), targets);
    return ActualRule.unread(read.rule(), read.targets());
  }

  /** The aws.iam rule planned against irctl-a found with {@code stored}, tags unread. */
  private static RulePlanner.Result planAgainstUnread(String stored) {
    return RulePlanner.plan(
        List.of(desired("{\"source\":[\"aws.iam\"]}")),
        List.of(unread("irctl-a", stored, List.of(ours()))),
        TARGET,
        false);
  }

  @Test
  void aRuleWhoseContentMatchesNeedsNoTagsAndIsUnchanged() {
    RulePlanner.Result result = planAgainstUnread("{\"source\":[\"aws.iam\"]}");

    assertThat(result.unchanged()).isEqualTo(1);
    assertThat(result.changes()).isEmpty();
    assertThat(result.unconfirmed()).isEmpty();
  }

  @Test
  void aRuleThatWouldChangeWaitsForItsTagsAndIsNotChangedYet() {
    RulePlanner.Result result = planAgainstUnread("{\"source\":[\"aws.s3\"]}");

    assertThat(result.changes()).isEmpty();
    assertThat(result.unchanged()).isZero();
    assertThat(result.unconfirmed()).containsExactly("irctl-a");
  }

  @Test
  void anUnselectedRuleWaitsForItsTagsBeforeItIsAnOrphanOrDeleted() {
    RulePlanner.Result result =
        RulePlanner.plan(
            List.of(), List.of(unread("irctl-old", "{}", List.of(ours()))), TARGET, true);

    assertThat(result.changes()).isEmpty();
    assertThat(result.orphans()).isEmpty();
    assertThat(result.unconfirmed()).containsExactly("irctl-old");
    assertThat(unread("irctl-old", "{}", List.of(ours())).ownedByIrctl()).isFalse();
  }

  @Test
  void aRuleWithFiveForeignTargetsCannotTakeIrctlsAndSaysSo() {
    List<RuleTarget> five =
        Stream.of("1", "2", "3", "4", "5")
            .map(i -> RuleTarget.of("t" + i, "arn:aws:lambda:" + i, Optional.empty()))
            .toList();
    ActualRule full = actual("irctl-a", "{}", "ENABLED", "desc", TAGS, five);

    assertThatThrownBy(() -> RulePlanner.plan(List.of(desired("{}")), List.of(full), TARGET, false))
        .isInstanceOf(PlanConflictException.class)
        .hasMessageContaining("already has 5 targets");
  }

  @Test
  void aNewAlertPathRuleGetsBothTargetsInOneCreate() {
    RuleChange.CreateRule create =
        (RuleChange.CreateRule)
            RulePlanner.plan(List.of(desired("{}")), List.of(), BOTH, false).changes().get(0);

    assertThat(create.targets())
        .extracting(RuleTarget::id)
        .containsExactly("irctl-sns", "irctl-alert-path");
    assertThat(create.diffs()).extracting(d -> d.field()).contains("target irctl-alert-path");
  }

  @Test
  void anExistingRuleMissingTheAlertPathTargetGetsOnlyThatOne() {
    ActualRule rule = actual("irctl-a", "{}", "ENABLED", "desc", TAGS, List.of(ours()));

    RuleChange.UpdateRule update =
        (RuleChange.UpdateRule)
            RulePlanner.plan(List.of(desired("{}")), List.of(rule), BOTH, false).changes().get(0);

    assertThat(update.putRule()).isFalse();
    assertThat(update.targets()).extracting(RuleTarget::id).containsExactly("irctl-alert-path");
    assertThat(update.reason()).isEqualTo("target differs");
  }

  @Test
  void bothTargetsInPlaceIsInSync() {
    ActualRule rule =
        actual(
            "irctl-a",
            "{}",
            "ENABLED",
            "desc",
            TAGS,
            List.of(ours(), RuleTarget.of("irctl-alert-path", LOGS, Optional.empty())));

    RulePlanner.Result result =
        RulePlanner.plan(List.of(desired("{}")), List.of(rule), BOTH, false);

    assertThat(result.changes()).isEmpty();
    assertThat(result.unchanged()).isEqualTo(1);
  }

  @Test
  void aRuleThatStoppedWatchingTheAlertPathLosesOnlyIrctlsSecondTarget() {
    RuleTarget users = RuleTarget.of("my-lambda", "arn:aws:lambda:x", Optional.empty());
    ActualRule rule =
        actual(
            "irctl-a",
            "{}",
            "ENABLED",
            "desc",
            TAGS,
            List.of(ours(), RuleTarget.of("irctl-alert-path", LOGS, Optional.empty()), users));

    RuleChange.UpdateRule update =
        (RuleChange.UpdateRule)
            RulePlanner.plan(List.of(desired("{}")), List.of(rule), TARGET, false).changes().get(0);

    assertThat(update.targets()).isEmpty();
    assertThat(update.staleTargetIds()).containsExactly("irctl-alert-path");
  }

  @Test
  void theAlertPathTargetIsIrctlsNotForeign() {
    ActualRule rule =
        actual(
            "irctl-a",
            "{}",
            "ENABLED",
            "desc",
            TAGS,
            List.of(ours(), RuleTarget.of("irctl-alert-path", LOGS, Optional.empty())));

    assertThat(rule.foreignTargetIds()).isEmpty();
  }

  @Test
  void theSecondTargetMustFitTheFiveTargets() {
    List<RuleTarget> four =
        Stream.of("1", "2", "3")
            .map(i -> RuleTarget.of("t" + i, "arn:aws:lambda:" + i, Optional.empty()))
            .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
    four.add(ours());
    four.add(RuleTarget.of("t4", "arn:aws:lambda:4", Optional.empty()));
    ActualRule full = actual("irctl-a", "{}", "ENABLED", "desc", TAGS, four);

    assertThatThrownBy(() -> RulePlanner.plan(List.of(desired("{}")), List.of(full), BOTH, false))
        .isInstanceOf(PlanConflictException.class)
        .hasMessageContaining("irctl's irctl-alert-path would pass the 5");
  }

  private static com.fasterxml.jackson.databind.JsonNode json(String text) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
