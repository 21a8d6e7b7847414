package dev.irctl.aws;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DeclaredActionsTest {
  @Test
  void anUndeclaredOperationFailsNamingTheAction() {
    assertThatThrownBy(
            () ->
                DeclaredActions.assertDeclared(
                    List.of("IAM:GetPolicy", "IAM:DeleteRole"), IamAdapter.ACTIONS))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("[iam:DeleteRole]");
  }

  @Test
  void declaredOperationsOfSeveralAdaptersPass() {
    assertThatCode(
            () ->
                DeclaredActions.assertDeclared(
                    List.of("GuardDuty:ListIPSets", "EC2:DescribeRegions", "STS:GetCallerIdentity"),
                    GuardDutyAdapter.ACTIONS,
                    RegionDirectoryAdapter.ACTIONS,
                    AccountAdapter.ACTIONS))
        .doesNotThrowAnyException();
  }

  @Test
  void anUnknownServiceFailsRatherThanPassingSilently() {
    assertThatThrownBy(
            () -> DeclaredActions.assertDeclared(List.of("Lambda:Invoke"), IamAdapter.ACTIONS))
        .hasMessageContaining("no IAM prefix known for SDK service 'Lambda'");
  }
}
