package dev.irctl.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.irctl.engine.port.KmsPort;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The topic key's checks (--kms-key): DescribeKey, then GetKeyPolicy by the key's ARN. */
class KmsAdapterWireTest {
  private static final String TARGET = "TrentService.";
  private static final String ARN =
      "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
  private final WireMockAws aws = new WireMockAws();
  private final KmsPort kms = aws.ports().kms("eu-west-1");

  @AfterEach
  void everyOperationSentIsDeclaredThenStop() {
    try {
      DeclaredActions.assertDeclared(aws.operations(), KmsAdapter.ACTIONS);
    } finally {
      aws.close();
    }
  }

  private void stub(String operation, String body) {
    aws.answerTarget(TARGET + operation, body);
  }

  private String sent(String operation) {
    return aws.sentToTarget(TARGET + operation).get(0);
  }

  @Test
  void anAliasIsDescribedAndTheKeysPolicyReadByItsArn() {
    stub(
        "DescribeKey",
        "{\"KeyMetadata\":{\"KeyId\":\"1234abcd-12ab-34cd-56ef-1234567890ab\",\"Arn\":\""
            + ARN
            + "\",\"KeyManager\":\"CUSTOMER\",\"KeyState\":\"Enabled\",\"KeySpec\":"
            + "\"SYMMETRIC_DEFAULT\",\"KeyUsage\":\"ENCRYPT_DECRYPT\",\"Origin\":\"AWS_KMS\"}}");
    stub(
        "GetKeyPolicy",
        "{\"Policy\":\"{\\\"Version\\\":\\\"2012-10-17\\\"}\",\"PolicyName\":\"default\"}");

    KmsPort.KeyInfo key = kms.describeKey("alias/irctl-alerts");
    String policy = kms.keyPolicy(key.arn());

    assertThat(key.arn()).isEqualTo(ARN);
    assertThat(key.awsManaged()).isFalse();
    assertThat(policy).isEqualTo("{\"Version\":\"2012-10-17\"}");
    assertThat(sent("DescribeKey")).contains("\"KeyId\":\"alias/irctl-alerts\"");
    assertThat(sent("GetKeyPolicy"))
        .contains("\"KeyId\":\"" + ARN + "\"")
        .contains("\"PolicyName\":\"default\"");
  }

  @Test
  void anAwsManagedKeyIsToldApart() {
    stub(
        "DescribeKey",
        "{\"KeyMetadata\":{\"KeyId\":\"k\",\"Arn\":\"" + ARN + "\",\"KeyManager\":\"AWS\"}}");

    assertThat(kms.describeKey("alias/aws/sns").awsManaged()).isTrue();
  }
}
