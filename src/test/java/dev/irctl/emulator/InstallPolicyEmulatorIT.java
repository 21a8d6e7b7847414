package dev.irctl.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.PolicyScopeType;
import software.amazon.awssdk.services.iam.model.PolicyVersion;

class InstallPolicyEmulatorIT extends EmulatorTier {
  static final String TRUST =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
          + "\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:root\"},\"Action\":\"sts:AssumeRole\"}]}";

  @Test
  void installingTwiceLeavesOnePolicyVersionAttachedToEachPrincipal() throws Exception {
    IamClient iam = emulator.iam();
    iam.createRole(r -> r.roleName("incident-responders").assumeRolePolicyDocument(TRUST));
    iam.createGroup(r -> r.groupName("soc"));

    ok("install-policy", "--role", "incident-responders", "--group", "soc");
    ok("install-policy", "--role", "incident-responders", "--group", "soc");
    assertThat(proxy.writes()).as("write calls of the second run").isEmpty();

    Policy policy =
        iam.listPolicies(r -> r.scope(PolicyScopeType.LOCAL)).policies().stream()
            .filter(p -> p.policyName().equals("irctl-guardduty-admin"))
            .findFirst()
            .orElseThrow();
    var versions = iam.listPolicyVersions(r -> r.policyArn(policy.arn())).versions();
    assertThat(versions).extracting(PolicyVersion::isDefaultVersion).containsExactly(true);
    assertThat(
            iam.listAttachedRolePolicies(r -> r.roleName("incident-responders")).attachedPolicies())
        .extracting(AttachedPolicy::policyArn)
        .containsExactly(policy.arn());
    assertThat(iam.listAttachedGroupPolicies(r -> r.groupName("soc")).attachedPolicies())
        .extracting(AttachedPolicy::policyArn)
        .containsExactly(policy.arn());
    assertThat(iam.listPolicyTags(r -> r.policyArn(policy.arn())).tags())
        .anyMatch(t -> t.key().equals("managed-by") && t.value().equals("irctl"));

    String document =
        iam.getPolicyVersion(r -> r.policyArn(policy.arn()).versionId(versions.get(0).versionId()))
            .policyVersion()
            .document();
    JsonNode parsed = JSON.readTree(URLDecoder.decode(document, StandardCharsets.UTF_8));
    assertThat(parsed.path("Statement").toString())
        .contains("guardduty:*")
        .contains(
            "arn:aws:iam::"
                + Emulator.ACCOUNT
                + ":role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty");
  }

  @Test
  void aMissingPrincipalIsAnErrorBeforeAnyWrite() throws Exception {
    Irctl.Result result = irctl("install-policy", "--role", "no-such-role");
    assertThat(result.exitCode()).as("%s", result).isNotZero();
    assertThat(result.err()).contains("no-such-role");
    assertThat(proxy.writes()).isEmpty();
  }
}
