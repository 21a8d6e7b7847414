package dev.irctl.engine.org;

import static org.assertj.core.api.Assertions.assertThat;

import dev.irctl.engine.run.PartResult;
import dev.irctl.engine.run.PartStatus;
import dev.irctl.fakes.FakePorts;
import dev.irctl.fakes.PartRun;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedAccessPartTest {
  @Test
  void enablesTrustedAccessOnceThenWritesNothing() {
    FakePorts ports = new FakePorts();
    ports.organizationsFake().organization("o-abc123", FakePorts.ACCOUNT);
    TrustedAccessPart part = new TrustedAccessPart(TrustedAccessPart.GUARDDUTY);

    List<PartResult> first = PartRun.run(ports, 1, List.of(), part, false);
    assertThat(first).extracting(PartResult::status).containsExactly(PartStatus.APPLIED);
    assertThat(ports.organizationsFake().trustedServices()).contains(TrustedAccessPart.GUARDDUTY);

    ports.log().clear();
    List<PartResult> second = PartRun.run(ports, 1, List.of(), part, false);
    assertThat(second).extracting(PartResult::status).containsExactly(PartStatus.IN_SYNC);
    assertThat(ports.log().writes()).isEmpty();
  }
}
