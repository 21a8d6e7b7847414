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
