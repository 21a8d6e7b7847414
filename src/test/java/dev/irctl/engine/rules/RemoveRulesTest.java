package dev.irctl.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.irctl.engine.region.RegionSelection;
import dev.irctl.engine.run.PartResult;
import dev.irctl.engine.run.PartStatus;
import dev.irctl.fakes.FakePorts;
import dev.irctl.fakes.PartRun;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RemoveRulesTest {
  private final FakePorts aws = new FakePorts();
  private final RegionSelection euWest1 =
      new RegionSelection(List.of("eu-west-1"), List.of(), Map.of(), List.of());

  private List<PartResult> remove(boolean deleteTopic) {
    return PartRun.run(
        aws,
        2,
        euWest1.regions(),
        new RemoveRulesPart(new RemoveRulesPart.Request("default", "irctl-alerts", deleteTopic)),
        false);
  }

  private void seed(String name, Map<String, String> tags, List<RuleTarget> targets) {
    aws.eventBridgeIn("eu-west-1")
        .existing("default", name, "{\"source\":[\"aws.iam\"]}", "ENABLED", tags, targets);
  }

  private static RuleTarget ours() {
    return RuleTarget.of(
        "irctl-sns", "arn:aws:sns:eu-west-1:111122223333:irctl-alerts", Optional.empty());
  }

  @Test
  void deletesOnlyRulesWithBothMarksRemovingTargetsFirst() {
    seed("irctl-a", Map.of("managed-by", "irctl"), List.of(ours()));
    seed("irctl-untagged", Map.of(), List.of(ours()));
    seed("user-rule", Map.of("managed-by", "irctl"), List.of());

    PartResult result = remove(false).get(0);

    assertThat(result.status()).isEqualTo(PartStatus.APPLIED);
    assertThat(aws.log().writes())
        .containsExactly(
            "eu-west-1 events:RemoveTargets (write)", "eu-west-1 events:DeleteRule (write)");
    assertThat(aws.eventBridgeIn("eu-west-1").ruleNames("default"))
        .containsExactly("irctl-untagged", "user-rule");
  }

  @Test
  void theTopicIsDeletedOnlyWithTheFlagAndOnlyIfIrctlCreatedIt() {
    aws.snsIn("eu-west-1").existing("irctl-alerts", null, Map.of());
    remove(true);
    assertThat(aws.snsIn("eu-west-1").topic("irctl-alerts")).isPresent();

    aws.snsIn("eu-west-1").existing("irctl-alerts", null, Map.of("managed-by", "irctl"));
    remove(false);
    assertThat(aws.snsIn("eu-west-1").topic("irctl-alerts")).isPresent();

    PartResult result = remove(true).get(0);
    assertThat(aws.snsIn("eu-west-1").topic("irctl-alerts")).isEmpty();
    assertThat(result.changes())
        .extracting(c -> c.resource())
        .containsExactly("topic arn:aws:sns:eu-west-1:111122223333:irctl-alerts");
  }

  @Test
  void aRuleWithTheUsersTargetsIsKeptAndSoIsTheTopic() {
    aws.snsIn("eu-west-1").existing("irctl-alerts", null, Map.of("managed-by", "irctl"));
    seed(
        "irctl-a",
        Map.of("managed-by", "irctl"),
        List.of(ours(), RuleTarget.of("pager", "arn:aws:lambda:x", Optional.empty())));

    PartResult result = remove(true).get(0);

    assertThat(aws.log().writes()).isEmpty();
    assertThat(result.notes().warnings())
        .anyMatch(w -> w.contains("kept rule irctl-a"))
        .anyMatch(w -> w.contains("kept topic"));
  }
}
