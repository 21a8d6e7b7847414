package dev.irctl.engine.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.irctl.cli.Flags;
import dev.irctl.engine.FieldDiff;
import dev.irctl.engine.PlanConflictException;
import dev.irctl.engine.port.ManagedPolicy;
import dev.irctl.engine.port.PolicyVersion;
import dev.irctl.engine.port.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PolicyPlannerTest {
  private static final String ACCOUNT = "111122223333";
  private static final String ARN = "arn:aws:iam::" + ACCOUNT + ":policy/irctl-guardduty-admin";
  private static final JsonNode DOCUMENT = GuardDutyAdminPolicy.document("aws", ACCOUNT);
  private static final Map<String, String> IRCTL = Map.of("managed-by", "irctl");
  private static final Principal ROLE = Principal.role("responders");
  private static final Principal USER = Principal.user("alice");

  /**
   * The same grants written differently: reordered, single values, other whitespace and key order.
   */
  private static final String SAME_REORDERED =
      "{\"Statement\":[{\"Condition\":{\"StringLike\":{\"iam:AWSServiceName\":[\"guardduty.amazonaws.com\"]}},"
          + "\"Resource\":[\"arn:aws:iam::111122223333:role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty\"],"
          + "\"Action\":\"iam:CreateServiceLinkedRole\",\"Effect\":\"Allow\",\"Sid\":\"IrctlGuardDutyServiceLinkedRole\"},"
          + "{\"Sid\":\"IrctlGuardDuty\",\"Action\":\"guardduty:*\",\"Resource\":\"*\",\"Effect\":\"Allow\"}],"
          + "\"Version\":\"2012-10-17\"}";

  private static final String OLD_IRCTL =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"IrctlGuardDuty\",\"Effect\":\"Allow\","
          + "\"Action\":\"guardduty:Get*\",\"Resource\":\"*\"}]}";

  record Row(
      String name,
      Optional<ActualPolicy> actual,
      Map<Principal, Set<String>> attached,
      List<String> expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> table() {
    return Stream.of(
            new Row(
                "absent: create, then attach to each principal",
                Optional.empty(),
                Map.of(),
                List.of(
                    "CREATE policy irctl-guardduty-admin",
                    "CREATE attachment irctl-guardduty-admin -> role/responders",
                    "CREATE attachment irctl-guardduty-admin -> user/alice")),
            new Row(
                "equal and attached: nothing",
                Optional.of(actual(IRCTL, versions(1), DOCUMENT.toString())),
                attachedToBoth(),
                List.of()),
            new Row(
                "equal written differently: nothing",
                Optional.of(actual(IRCTL, versions(1), SAME_REORDERED)),
                attachedToBoth(),
                List.of()),
            new Row(
                "differing: new default version",
                Optional.of(actual(IRCTL, versions(2), OLD_IRCTL)),
                attachedToBoth(),
                List.of("UPDATE policy irctl-guardduty-admin")),
            new Row(
                "5 versions: delete the oldest non-default one first",
                Optional.of(actual(IRCTL, versions(5), OLD_IRCTL)),
                attachedToBoth(),
                List.of(
                    "DELETE policy irctl-guardduty-admin version v1",
                    "UPDATE policy irctl-guardduty-admin")),
            new Row(
                "not attached to one principal: attach there only",
                Optional.of(actual(IRCTL, versions(1), DOCUMENT.toString())),
                Map.of(ROLE, Set.of(ARN), USER, Set.of("arn:aws:iam::aws:policy/ReadOnlyAccess")),
                List.of("CREATE attachment irctl-guardduty-admin -> user/alice")))
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void plansTheChangesThatCloseTheGap(Row row) {
    PolicyPlan plan = PolicyPlanner.plan(desired(false), row.actual(), row.attached());

    assertThat(plan.changes())
        .map(c -> c.action() + " " + c.resource())
        .containsExactlyElementsOf(row.expected());
  }

  @Test
  void atTheLimitTheOldestNonDefaultVersionGoesEvenWhenTheDefaultIsOlder() {
    List<PolicyVersion> versions = new ArrayList<>();
    versions.add(new PolicyVersion("v1", true, Instant.parse("2020-01-01T00:00:00Z")));
    versions.add(new PolicyVersion("v4", false, Instant.parse("2023-01-01T00:00:00Z")));
    versions.add(new PolicyVersion("v3", false, Instant.parse("2022-01-01T00:00:00Z")));
    versions.add(new PolicyVersion("v5", false, Instant.parse("2024-01-01T00:00:00Z")));
    versions.add(new PolicyVersion("v2", false, Instant.parse("2021-01-01T00:00:00Z")));

    PolicyPlan plan =
        PolicyPlanner.plan(
            desired(false), Optional.of(actual(IRCTL, versions, OLD_IRCTL)), attachedToBoth());

    assertThat(plan.changes().get(0))
        .isEqualTo(new PolicyChange.DeleteVersion(ARN, "irctl-guardduty-admin", "v2"));
  }

  @Test
  void aForeignPolicyIsAConflictThatSuggestsPolicyNameOrAdopt() {
    Optional<ActualPolicy> foreign =
        Optional.of(actual(Map.of("team", "sec"), versions(1), DOCUMENT.toString()));

    assertThatThrownBy(() -> PolicyPlanner.plan(desired(false), foreign, attachedToBoth()))
        .isInstanceOf(PlanConflictException.class)
        .hasMessageContaining(ARN)
        .hasMessageContaining("not created by irctl")
        .satisfies(
            e ->
                assertThat(Flags.word(e.getMessage()))
                    .contains("Pass --policy-name NAME to install under another name, or --adopt"));
  }

  @Test
  void adoptingAForeignPolicyTagsItAndKeepsItsOwnStatements() {
    String theirs =
        "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::logs/*\"}}";

    PolicyPlan plan =
        PolicyPlanner.plan(
            desired(true), Optional.of(actual(Map.of(), versions(1), theirs)), attachedToBoth());

    assertThat(plan.changes()).hasSize(2);
    assertThat(plan.changes().get(0)).isInstanceOf(PolicyChange.AdoptPolicy.class);
    PolicyChange.CreateDefaultVersion version =
        (PolicyChange.CreateDefaultVersion) plan.changes().get(1);
    assertThat(version.document().toString()).contains("s3:GetObject").contains("guardduty:*");
    assertThat(version.diffs()).noneMatch(d -> d.after() == null);
  }

  @Test
  void aStatementSomeoneAddedToIrctlsPolicyIsKeptWhileIrctlsOwnIsReplaced() {
    String edited =
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"IrctlGuardDuty\",\"Effect\":\"Allow\",\"Action\":\"guardduty:Get*\",\"Resource\":\"*\"},"
            + "{\"Sid\":\"Extra\",\"Effect\":\"Allow\",\"Action\":\"sns:Publish\",\"Resource\":\"*\"}]}";

    PolicyPlan plan =
        PolicyPlanner.plan(
            desired(false), Optional.of(actual(IRCTL, versions(1), edited)), attachedToBoth());

    PolicyChange.CreateDefaultVersion version =
        (PolicyChange.CreateDefaultVersion) plan.changes().get(0);
    assertThat(version.document().toString())
        .contains("sns:Publish")
        .contains("guardduty:*")
        .doesNotContain("guardduty:Get*");
    assertThat(version.diffs())
        .anySatisfy(d -> assertThat(FieldDiff.text(d.before())).contains("guardduty:Get*"))
        .anySatisfy(
            d -> assertThat(FieldDiff.text(d.after())).contains("iam:CreateServiceLinkedRole"));
  }

  @Test
  void irctlsPolicyPlusAKeptForeignStatementIsInSync() {
    String withExtra =
        "{\"Version\":\"2012-10-17\",\"Statement\":["
            + DOCUMENT.get("Statement").get(0)
            + ","
            + DOCUMENT.get("Statement").get(1)
            + ",{\"Sid\":\"Extra\",\"Effect\":\"Allow\",\"Action\":\"sns:Publish\",\"Resource\":\"*\"}]}";

    PolicyPlan plan =
        PolicyPlanner.plan(
            desired(false), Optional.of(actual(IRCTL, versions(2), withExtra)), attachedToBoth());

    assertThat(plan.inSync()).isTrue();
  }

  private static DesiredPolicy desired(boolean adopt) {
    return new DesiredPolicy("irctl-guardduty-admin", ARN, DOCUMENT, List.of(USER, ROLE), adopt);
  }

  private static Map<Principal, Set<String>> attachedToBoth() {
    return Map.of(ROLE, Set.of(ARN), USER, Set.of(ARN));
  }

  /** {@code count} versions v1..vN, one minute apart, the newest the default. */
  private static List<PolicyVersion> versions(int count) {
    List<PolicyVersion> versions = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      versions.add(
          new PolicyVersion(
              "v" + i, i == count, Instant.parse("2024-01-01T00:00:00Z").plusSeconds(60L * i)));
    }
    return versions;
  }

  private static ActualPolicy actual(
      Map<String, String> tags, List<PolicyVersion> versions, String document) {
    String defaultId =
        versions.stream().filter(PolicyVersion::isDefault).findFirst().orElseThrow().versionId();
    return new ActualPolicy(
        new ManagedPolicy(ARN, "irctl-guardduty-admin", defaultId, tags),
        PolicyDocuments.parse(document),
        versions);
  }
}
