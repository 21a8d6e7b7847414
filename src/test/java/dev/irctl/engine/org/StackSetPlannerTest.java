package dev.irctl.engine.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.irctl.engine.org.StackSetPlanner.Targets;
import dev.irctl.engine.port.StackSetsPort.StackInstance;
import dev.irctl.engine.port.StackSetsPort.StackSet;
import dev.irctl.engine.port.StackSetsPort.StackSetSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StackSetPlannerTest {
  private static final String OU = "ou-ab12-34567890";
  private static final String TEMPLATE = "{\"Resources\":{\"A\":{\"Type\":\"AWS::Events::Rule\"}}}";
  private static final Map<String, String> TAGS = Map.of("managed-by", "irctl");
  private static final StackSetSpec DESIRED =
      new StackSetSpec(
          "irctl-member-rules", "d", TEMPLATE, Map.of("HubRegion", "eu-west-1"), TAGS, true, false);
  private static final Targets TARGETS =
      new Targets(List.of(OU), List.of("eu-west-1", "us-east-1"));

  private static StackSet actual(String template, Map<String, String> tags, List<String> ous) {
    return new StackSet(
        "irctl-member-rules",
        "irctl-member-rules:1",
        "ACTIVE",
        template,
        Map.of("HubRegion", "eu-west-1"),
        tags,
        true,
        true,
        false,
        ous);
  }

  private static StackInstance instance(String region) {
    return new StackInstance("100000000001", region, OU, "CURRENT", "SUCCEEDED", null, "IN_SYNC");
  }

  static Stream<Arguments> cases() {
    List<StackInstance> both = List.of(instance("eu-west-1"), instance("us-east-1"));
    return Stream.of(
        Arguments.of(
            "absent",
            Optional.empty(),
            List.of(),
            List.of("CreateStackSet", "CreateStackInstances")),
        Arguments.of("equal", Optional.of(actual(TEMPLATE, TAGS, List.of(OU))), both, List.of()),
        Arguments.of(
            "equal but formatted differently",
            Optional.of(
                actual(
                    "{ \"Resources\" : { \"A\" : { \"Type\" : \"AWS::Events::Rule\" } } }",
                    TAGS,
                    List.of(OU))),
            both,
            List.of()),
        Arguments.of(
            "template drifted",
            Optional.of(actual("{\"Resources\":{}}", TAGS, List.of(OU))),
            both,
            List.of("UpdateStackSet")),
        Arguments.of(
            "a region's instances missing",
            Optional.of(actual(TEMPLATE, TAGS, List.of(OU))),
            List.of(instance("eu-west-1")),
            List.of("CreateStackInstances")),
        Arguments.of(
            "a new OU",
            Optional.of(actual(TEMPLATE, TAGS, List.of())),
            List.of(),
            List.of("CreateStackInstances")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void stackSetPlan(
      String name,
      Optional<StackSet> actual,
      List<StackInstance> instances,
      List<String> expected) {
    List<OrgChange> changes =
        StackSetPlanner.plan("eu-west-1", DESIRED, TARGETS, actual, instances);

    assertThat(changes).extracting(c -> c.getClass().getSimpleName()).isEqualTo(expected);
  }

  private static final String ADMIN = "222233334444";
  private static final String OTHER_OU = "ou-ab12-77777777";

  private static StackInstance at(String account, String region, String ou, String status) {
    return new StackInstance(account, region, ou, status, "SUCCEEDED", null, "NOT_CHECKED");
  }

  /**
   * name, the set's OUs, instances; expected accounts, OUs, regions and count of the delete (null:
   * no change). The target OU is always OU.
   */
  static Stream<Arguments> excludedCases() {
    StackInstance member = at("100000000001", "eu-west-1", OU, "CURRENT");
    List<String> setOus = List.of(OU);
    return Stream.of(
        Arguments.of("no instance in the left-out account", setOus, List.of(member), null),
        Arguments.of(
            "the admin's instances from an earlier irctl, current and outdated",
            setOus,
            List.of(
                member,
                at(ADMIN, "eu-west-1", OU, "CURRENT"),
                at(ADMIN, "us-east-1", OU, "OUTDATED")),
            List.of(List.of(ADMIN), List.of(OU), List.of("eu-west-1", "us-east-1"), 2)),
        Arguments.of(
            "deployed through an OU the set no longer targets: that OU too",
            setOus,
            List.of(at(ADMIN, "eu-west-1", OTHER_OU, "CURRENT")),
            List.of(List.of(ADMIN), List.of(OU, OTHER_OU), List.of("eu-west-1"), 1)),
        Arguments.of(
            "INOPERABLE (a failed delete): left to its warning, not retried every run",
            setOus,
            List.of(at(ADMIN, "eu-west-1", OU, "INOPERABLE")),
            null),
        Arguments.of(
            "only the OUTDATED one of an INOPERABLE pair",
            setOus,
            List.of(
                at(ADMIN, "eu-west-1", OU, "INOPERABLE"), at(ADMIN, "us-east-1", OU, "OUTDATED")),
            List.of(List.of(ADMIN), List.of(OU), List.of("us-east-1"), 1)),
        Arguments.of(
            "no OU recorded by the set or the instance: through the target OUs",
            List.of(),
            List.of(at(ADMIN, "eu-west-1", null, "CURRENT")),
            List.of(List.of(ADMIN), List.of(OU), List.of("eu-west-1"), 1)),
        Arguments.of(
            "the set's other OUs beside the targets",
            List.of(OU, OTHER_OU),
            List.of(at(ADMIN, "eu-west-1", null, "CURRENT")),
            List.of(List.of(ADMIN), List.of(OU, OTHER_OU), List.of("eu-west-1"), 1)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("excludedCases")
  void instancesInALeftOutAccountAreDeletedThroughTheirOus(
      String name, List<String> setOus, List<StackInstance> instances, List<Object> expected) {
    Optional<OrgChange> change =
        StackSetPlanner.excludedInstances(
            "eu-west-1", actual(TEMPLATE, TAGS, setOus), List.of(OU), List.of(ADMIN), instances);

    if (expected == null) {
      assertThat(change).isEmpty();
      return;
    }
    assertThat(change)
        .get()
        .isInstanceOfSatisfying(
            OrgChange.DeleteExcludedInstances.class,
            d -> {
              assertThat(d.stackSet()).isEqualTo("irctl-member-rules");
              assertThat(d.region()).isEqualTo("eu-west-1");
              assertThat(
                      List.of(d.accounts(), d.organizationalUnitIds(), d.regions(), d.instances()))
                  .isEqualTo(expected);
            });
  }

  @Test
  void missingRegionsGetInstancesOnlyThere() {
    OrgChange.CreateStackInstances create =
        (OrgChange.CreateStackInstances)
            StackSetPlanner.plan(
                    "eu-west-1",
                    DESIRED,
                    TARGETS,
                    Optional.of(actual(TEMPLATE, TAGS, List.of(OU))),
                    List.of(instance("eu-west-1")))
                .get(0);

    assertThat(create.targets().regions()).containsExactly("us-east-1");
    assertThat(create.targets().organizationalUnitIds()).containsExactly(OU);
  }

  @Test
  void aStackSetWithoutIrctlsTagIsRefused() {
    assertThatThrownBy(
            () ->
                StackSetPlanner.plan(
                    "eu-west-1",
                    DESIRED,
                    TARGETS,
                    Optional.of(actual(TEMPLATE, Map.of("owner", "platform"), List.of(OU))),
                    List.of()))
        .isInstanceOfSatisfying(
            OrgInputException.class,
            e -> assertThat(e.kind()).isEqualTo(OrgInputException.Kind.NOT_OWNED))
        .hasMessageContaining("irctl-member-rules");
  }

  @Test
  void autoDeploymentAndParametersDifferencesAreFieldDiffs() {
    StackSetSpec changed =
        new StackSetSpec(
            "irctl-member-rules",
            "d",
            TEMPLATE,
            Map.of("HubRegion", "us-west-2"),
            TAGS,
            false,
            false);

    OrgChange update =
        StackSetPlanner.plan(
                "eu-west-1",
                changed,
                TARGETS,
                Optional.of(actual(TEMPLATE, TAGS, List.of(OU))),
                List.of(instance("eu-west-1"), instance("us-east-1")))
            .get(0);

    assertThat(update.diffs())
        .extracting(d -> d.field())
        .containsExactly("parameters", "autoDeployment");
  }
}
