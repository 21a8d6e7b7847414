package dev.irctl.engine.org;

import static org.assertj.core.api.Assertions.assertThat;

import dev.irctl.engine.run.PartResult;
import dev.irctl.engine.run.PartStatus;
import dev.irctl.fakes.FakePorts;
import dev.irctl.fakes.PartRun;
import java.util.List;
import org.junit.jupiter.api.Test;

class DelegateAdminPartTest {
  private static final String ADMIN = "444455556666";
  private static final List<String> REGIONS = List.of("eu-west-1", "us-east-1");

  @Test
  void designatesEverywhereThenSecondRunMakesNoWriteCalls() {
    FakePorts ports = new FakePorts();
    List<PartResult> first = PartRun.run(ports, 2, REGIONS, new DelegateAdminPart(ADMIN), false);
    assertThat(first).extracting(PartResult::status).containsOnly(PartStatus.APPLIED);
    assertThat(ports.log().writes()).hasSize(2);

    ports.log().clear();
    List<PartResult> second = PartRun.run(ports, 2, REGIONS, new DelegateAdminPart(ADMIN), false);
    assertThat(second).extracting(PartResult::status).containsOnly(PartStatus.IN_SYNC);
    assertThat(ports.log().writes()).isEmpty();
  }

  @Test
  void anotherAdministratorFailsThatRegionOnlyAndIsNamed() {
    FakePorts ports = new FakePorts();
    ports.guardDutyOrgIn("us-east-1").admin("777788889999");
    List<PartResult> results = PartRun.run(ports, 2, REGIONS, new DelegateAdminPart(ADMIN), false);
    PartResult east =
        results.stream().filter(r -> r.region().equals("us-east-1")).findFirst().get();
    PartResult west =
        results.stream().filter(r -> r.region().equals("eu-west-1")).findFirst().get();
    assertThat(east.status()).isEqualTo(PartStatus.FAILED);
    assertThat(east.error().get().message()).contains("777788889999");
    assertThat(west.status()).isEqualTo(PartStatus.APPLIED);
    assertThat(ports.log().writes())
        .containsExactly("eu-west-1 guardduty:EnableOrganizationAdminAccount (write)");
  }
}
