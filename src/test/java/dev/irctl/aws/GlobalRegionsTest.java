package dev.irctl.aws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GlobalRegionsTest {
  @Test
  void iamUsesThePartitionsGlobalRegion() {
    assertThat(GlobalRegions.iamRegion("eu-west-1", false)).isEqualTo("aws-global");
    assertThat(GlobalRegions.iamRegion("cn-northwest-1", false)).isEqualTo("aws-cn-global");
    assertThat(GlobalRegions.iamRegion("us-gov-east-1", false)).isEqualTo("aws-us-gov-global");
  }

  @Test
  void withAnEndpointOverrideIamIsSignedForThePartitionsHomeRegion() {
    assertThat(GlobalRegions.iamRegion("eu-west-1", true)).isEqualTo("us-east-1");
    assertThat(GlobalRegions.iamRegion("cn-northwest-1", true)).isEqualTo("cn-north-1");
  }
}
