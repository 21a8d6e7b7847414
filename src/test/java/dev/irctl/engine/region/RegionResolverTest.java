package dev.irctl.engine.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.irctl.UserException;
import dev.irctl.cli.Flags;
import dev.irctl.fakes.FakePorts;
import dev.irctl.fakes.FakeRegionDirectory;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegionResolverTest {
  private final FakePorts aws = new FakePorts();
  private final RegionResolver resolver = new RegionResolver(aws.regions());

  @Test
  void allRegionsAreTheEnabledOnesSortedWithTheNotOptedInListed() {
    aws.regionDirectory().optIn("af-south-1");

    RegionSelection selection = resolver.resolve(List.of(), true);

    assertThat(selection.regions())
        .hasSize(FakeRegionDirectory.DEFAULT_REGIONS.size() + 1)
        .contains("af-south-1")
        .isSorted();
    assertThat(selection.notOptedIn()).doesNotContain("af-south-1").contains("me-south-1");
    assertThat(aws.log().calls()).containsExactly("us-east-1 ec2:DescribeRegions");
  }

  @Test
  void namedRegionsAreDeduplicatedAndCheckedAgainstTheAccount() {
    RegionSelection selection =
        resolver.resolve(List.of("eu-west-1", " eu-west-1", "me-south-1"), false);

    assertThat(selection.regions()).containsExactly("eu-west-1");
    assertThat(selection.unusable()).containsOnlyKeys("me-south-1");
    assertThat(selection.unusable().get("me-south-1"))
        .contains("region me-south-1 is not enabled for this account");
  }

  @Test
  void withoutRegionsTheProfileRegionIsUsed() {
    aws.regionDirectory().defaultRegion("eu-central-1");

    assertThat(resolver.resolve(List.of(), false).regions()).containsExactly("eu-central-1");
  }

  @Test
  void noRegionAnywhereIsAUsageErrorNamingTheFlags() {
    aws.regionDirectory().defaultRegion(null);

    assertThatThrownBy(() -> resolver.resolve(List.of(), false))
        .isInstanceOfSatisfying(UserException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
        .satisfies(
            e ->
                assertThat(Flags.word(e.getMessage()))
                    .startsWith("No region given: pass --region REGION or --all-regions, or set"));
    assertThat(aws.log().calls()).isEmpty();
  }

  @Test
  void namedRegionsNeverAskInstanceMetadataAndDescribeRegionsRunsInTheFirstOne() {
    aws.regionDirectory().defaultRegion(null).instanceRegion("ap-south-1");

    resolver.checkNames(List.of("eu-west-1", "us-east-2"), false);
    RegionSelection selection = resolver.resolve(List.of("eu-west-1", "us-east-2"), false);

    assertThat(selection.regions()).containsExactly("eu-west-1", "us-east-2");
    assertThat(aws.regionDirectory().instanceRegionAsked()).isZero();
    assertThat(aws.log().calls()).containsExactly("eu-west-1 ec2:DescribeRegions");
  }

  @Test
  void aConfiguredRegionMeansInstanceMetadataIsNeverAsked() {
    aws.regionDirectory().defaultRegion("eu-central-1").instanceRegion("ap-south-1");

    assertThat(resolver.resolve(List.of(), false).regions()).containsExactly("eu-central-1");
    assertThat(aws.regionDirectory().instanceRegionAsked()).isZero();
  }

  @Test
  void withNothingConfiguredInstanceMetadataIsAskedOnceForTheRegion() {
    aws.regionDirectory().defaultRegion(null).instanceRegion("ap-south-1");

    resolver.checkNames(List.of(), false);
    assertThat(resolver.resolve(List.of(), false).regions()).containsExactly("ap-south-1");
    assertThat(aws.regionDirectory().instanceRegionAsked()).isEqualTo(1);
  }

  @Test
  void aTypoSuggestsTheClosestRegions() {
    assertThatThrownBy(() -> resolver.checkNames(List.of("eu-wset-1"), false))
        .hasMessageContaining("Unknown region 'eu-wset-1'")
        .hasMessageContaining("eu-west-1");
  }

  @Test
  void deniedDescribeRegionsWithNamedRegionsGoesAheadWithoutTheCheck() {
    aws.regionDirectory().deny();

    RegionSelection selection = resolver.resolve(List.of("eu-west-1"), false);

    assertThat(selection.regions()).containsExactly("eu-west-1");
    assertThat(selection.unusable()).isEmpty();
  }
}
