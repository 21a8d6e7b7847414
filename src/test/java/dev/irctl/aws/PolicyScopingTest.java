package dev.irctl.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.irctl.cli.CliRun;
import dev.irctl.engine.permissions.AwsAction;
import dev.irctl.engine.permissions.LeastPrivilegePolicy;
import dev.irctl.engine.permissions.OwnedResources;
import dev.irctl.engine.permissions.UnscopedWrites;
import dev.irctl.render.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated policy grants no write on {@code *} that AWS lets you scope: every write on {@code
 * *} must be one the Service Authorization Reference gives no resource type ({@link
 * UnscopedWrites}), and docs/permissions.md must say so.
 */
class PolicyScopingTest {
  static List<String> commands() {
    List<String> commands = new ArrayList<>(CommandActions.commands());
    commands.add("(all)");
    return commands;
  }

  @ParameterizedTest
  @MethodSource("commands")
  void noWriteIsGrantedOnStarUnlessAwsOffersNoResourceType(String command) {
    List<AwsAction> actions = actionsOf(command);
    Set<String> writes =
        actions.stream().filter(AwsAction::write).map(AwsAction::name).collect(Collectors.toSet());
    JsonNode policy =
        LeastPrivilegePolicy.document(actions, false, OwnedResources.defaults("aws", "*"));

    for (JsonNode statement : policy.path("Statement")) {
      if (resources(statement).contains("*")) {
        for (JsonNode action : statement.path("Action")) {
          if (writes.contains(action.asText())) {
            assertThat(UnscopedWrites.REASONS)
                .as(
                    "%s is granted on * in statement %s; scope it in IrctlScopes, or list it in"
                        + " UnscopedWrites if AWS offers no resource type",
                    action.asText(), statement.path("Sid").asText())
                .containsKey(action.asText());
          }
        }
      }
    }
  }

  @Test
  void theAttachActionsAreLimitedToIrctlsPolicyByTheirPolicyArnCondition() {
    JsonNode policy = generated(OwnedResources.defaults("aws-cn", "111122223333"));

    JsonNode attach = statement(policy, "AttachIrctlPolicy");
    assertThat(attach.path("Action"))
        .extracting(JsonNode::asText)
        .containsExactly("iam:AttachGroupPolicy", "iam:AttachRolePolicy", "iam:AttachUserPolicy");
    assertThat(attach.path("Condition").path("ArnEquals").path("iam:PolicyARN").asText())
        .isEqualTo("arn:aws-cn:iam::111122223333:policy/irctl-guardduty-admin");
    assertThat(resources(statement(policy, "IrctlPolicies")))
        .containsExactly("arn:aws-cn:iam::111122223333:policy/irctl-*");
    assertThat(resources(statement(policy, "IrctlRules")))
        .containsExactly("arn:aws-cn:events:*:111122223333:rule/irctl-*");
    assertThat(resources(statement(policy, "IrctlTopics")))
        .containsExactly("arn:aws-cn:sns:*:111122223333:irctl-*");
    assertThat(resources(statement(policy, "GuardDutyDetectors")))
        .containsExactly("arn:aws-cn:guardduty:*:111122223333:detector/*");
  }

  @Test
  void configuredNamesOutsideThePrefixAreAddedByNameAndRulesStayOnTheDefaultBus() {
    JsonNode policy =
        generated(new OwnedResources("aws", "*", List.of("soc-gd"), List.of("soc-alerts")));

    assertThat(resources(statement(policy, "IrctlPolicies")))
        .containsExactly("arn:aws:iam::*:policy/irctl-*", "arn:aws:iam::*:policy/soc-gd");
    assertThat(
            statement(policy, "AttachIrctlPolicy")
                .path("Condition")
                .path("ArnEquals")
                .path("iam:PolicyARN")
                .asText())
        .isEqualTo("arn:aws:iam::*:policy/soc-gd");
    assertThat(resources(statement(policy, "IrctlTopics")))
        .containsExactly("arn:aws:sns:*:*:irctl-*", "arn:aws:sns:*:*:soc-alerts");
    assertThat(resources(statement(policy, "IrctlRules")))
        .containsExactly("arn:aws:events:*:*:rule/irctl-*");
  }

  @Test
  void hubForwardingWritesOnlyTheForwarderRoleAndPassesItOnlyToEventBridge() throws Exception {
    JsonNode policy = Json.mapper().readTree(CliRun.run("print-policy").out());

    JsonNode role = statement(policy, "IrctlForwarderRole");
    assertThat(resources(role)).containsExactly("arn:aws:iam::*:role/irctl-event-forwarder");
    assertThat(role.path("Action"))
        .extracting(JsonNode::asText)
        .contains("iam:CreateRole", "iam:PutRolePolicy", "iam:UpdateAssumeRolePolicy");
    JsonNode pass = statement(policy, "IrctlPassForwarderRole");
    assertThat(resources(pass)).containsExactly("arn:aws:iam::*:role/irctl-event-forwarder");
    assertThat(pass.at("/Condition/StringEquals/iam:PassedToService").asText())
        .isEqualTo("events.amazonaws.com");
    // irctl never calls events:PutEvents itself: only the forwarder role may, on the hub bus.
    for (JsonNode statement : policy.path("Statement")) {
      assertThat(statement.path("Action"))
          .extracting(JsonNode::asText)
          .doesNotContain("events:PutEvents");
    }
  }

  @Test
  void readOnlyHasNoWriteAction() throws Exception {
    JsonNode policy = Json.mapper().readTree(CliRun.run("print-policy", "--read-only").out());
    Set<String> writes =
        actionsOf("(all)").stream()
            .filter(AwsAction::write)
            .map(AwsAction::name)
            .collect(Collectors.toSet());

    for (JsonNode statement : policy.path("Statement")) {
      assertThat(statement.path("Action")).extracting(JsonNode::asText).noneMatch(writes::contains);
      assertThat(resources(statement)).containsExactly("*");
    }
  }

  @Test
  void docsNameEveryWriteLeftOnStarWithItsReason() throws Exception {
    String doc = Files.readString(Path.of("docs/permissions.md"));
    UnscopedWrites.REASONS.keySet().forEach(action -> assertThat(doc).contains("`" + action + "`"));
  }

  private static JsonNode generated(OwnedResources owned) {
    return LeastPrivilegePolicy.document(actionsOf("(all)"), false, owned);
  }

  private static List<AwsAction> actionsOf(String command) {
    if (!command.equals("(all)")) {
      return CommandActions.actions(command);
    }
    List<AwsAction> all = new ArrayList<>();
    CommandActions.commands().forEach(c -> all.addAll(CommandActions.actions(c)));
    return all;
  }

  private static JsonNode statement(JsonNode policy, String sid) {
    for (JsonNode statement : policy.path("Statement")) {
      if (statement.path("Sid").asText().equals(sid)) {
        return statement;
      }
    }
    throw new AssertionError("no statement " + sid + " in " + policy);
  }

  private static List<String> resources(JsonNode statement) {
    JsonNode resource = statement.path("Resource");
    List<String> list = new ArrayList<>();
    if (resource.isArray()) {
      resource.forEach(r -> list.add(r.asText()));
    } else {
      list.add(resource.asText());
    }
    return list;
  }
}
