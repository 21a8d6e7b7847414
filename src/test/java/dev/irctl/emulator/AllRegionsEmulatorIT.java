package dev.irctl.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.Region;

/**
 * {@code --all-regions} through the shaded jar: EC2 DescribeRegions, the one EC2 call irctl makes
 * and the reason pom.xml's shade filter keeps the EC2 classes it keeps, decides where GuardDuty
 * goes. moto answers with its own region list (38 regions over three partitions, some not opted
 * in), so the test reads that list from moto rather than assuming AWS's.
 */
class AllRegionsEmulatorIT extends EmulatorTier {
  @Test
  void enableGuardDutyInAllRegionsActsInEachEnabledRegionOfThePartitionAndNamesTheOthers()
      throws Exception {
    List<String> enabled = new ArrayList<>();
    List<String> notOptedIn = new ArrayList<>();
    for (Region region :
        emulator.ec2("us-east-1").describeRegions(r -> r.allRegions(true)).regions()) {
      String name = region.regionName();
      if (name.startsWith("us-gov-") || name.startsWith("cn-")) {
        continue; // another partition than the caller's
      }
      ("not-opted-in".equals(region.optInStatus()) ? notOptedIn : enabled).add(name);
    }
    assertThat(notOptedIn).as("moto's not-opted-in regions").isNotEmpty();

    Irctl.Result first = ok("enable-guardduty", "--all-regions", "--output", "json");

    assertThat(proxy.calls())
        .as("EC2 calls")
        .filteredOn(c -> c.service().equals("ec2"))
        .extracting(c -> c.region() + " " + c.operation())
        .containsExactly("us-east-1 DescribeRegions");
    Set<String> created = new TreeSet<>();
    proxy.calls().stream()
        .filter(c -> c.operation().equals("POST /detector"))
        .forEach(
            c -> assertThat(created.add(c.region())).as("one detector in %s", c.region()).isTrue());
    assertThat(created).containsExactlyInAnyOrderElementsOf(enabled);
    JsonNode json = JSON.readTree(first.out());
    List<String> skipped = new ArrayList<>();
    json.path("skippedRegions").forEach(r -> skipped.add(r.asText()));
    assertThat(skipped).containsExactlyInAnyOrderElementsOf(notOptedIn);
    assertThat(first.err()).contains("skipped " + notOptedIn.size() + " regions not enabled");
    for (String region : notOptedIn) {
      assertThat(emulator.guardDuty(region).listDetectors().detectorIds()).as(region).isEmpty();
    }

    ok("enable-guardduty", "--all-regions");
    assertThat(proxy.writes()).as("write calls of the second run").isEmpty();
  }
}
