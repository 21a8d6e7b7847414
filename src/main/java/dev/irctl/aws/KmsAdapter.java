package dev.irctl.aws;

import dev.irctl.engine.permissions.AwsAction;
import dev.irctl.engine.port.KmsPort;
import java.util.List;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeyManagerType;
import software.amazon.awssdk.services.kms.model.KeyMetadata;

/** {@link KmsPort} over the SDK's KMS client for one region. */
final class KmsAdapter implements KmsPort {
  static final List<AwsAction> ACTIONS =
      List.of(AwsAction.read("kms:DescribeKey"), AwsAction.read("kms:GetKeyPolicy"));

  private final KmsClient client;

  KmsAdapter(KmsClient client) {
    this.client = client;
  }

  @Override
  public KeyInfo describeKey(String keyId) {
    KeyMetadata key =
        AwsCalls.call(
            "kms:DescribeKey", () -> client.describeKey(b -> b.keyId(keyId)).keyMetadata());
    return new KeyInfo(key.arn(), key.keyManager() == KeyManagerType.AWS);
  }

  @Override
  public String keyPolicy(String keyArn) {
    // GetKeyPolicy takes a key id or ARN, not an alias: callers pass the ARN from describeKey.
    return AwsCalls.call(
        "kms:GetKeyPolicy",
        () -> client.getKeyPolicy(b -> b.keyId(keyArn).policyName("default")).policy());
  }
}
