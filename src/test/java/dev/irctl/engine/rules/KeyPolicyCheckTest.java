package dev.irctl.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyPolicyCheckTest {
  @Test
  void aStatementForEventBridgeWithBothActionsIsEnough() {
    String policy =
        "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":[\"events.amazonaws.com\"]},"
            + "\"Action\":[\"kms:Decrypt\",\"kms:GenerateDataKey*\"],\"Resource\":\"*\"}]}";

    assertThat(KeyPolicyCheck.missingActions(policy)).isEmpty();
  }

  @Test
  void theDefaultAccountRootPolicyDoesNotLetEventBridgeUseTheKey() {
    String policy =
        "{\"Statement\":[{\"Sid\":\"Enable IAM User Permissions\",\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:root\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}]}";

    assertThat(KeyPolicyCheck.warning("arn:aws:kms:k", policy))
        .get()
        .asString()
        .contains("does not let events.amazonaws.com use kms:Decrypt and kms:GenerateDataKey*")
        .contains("lost silently");
  }

  @Test
  void onlyDecryptIsReportedMissingWhenGenerateIsAllowed() {
    String policy =
        "{\"Statement\":{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"events.amazonaws.com\"},\"Action\":\"kms:GenerateDataKey*\"}}";

    assertThat(KeyPolicyCheck.missingActions(policy)).containsExactly("kms:Decrypt");
  }
}
