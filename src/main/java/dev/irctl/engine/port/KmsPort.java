package dev.irctl.engine.port;

/** KMS in one region: enough to check that EventBridge may use the key that encrypts a topic. */
public interface KmsPort {
  /** DescribeKey: the key's ARN and whether AWS or the customer manages it. */
  KeyInfo describeKey(String keyId);

  /** GetKeyPolicy for the key's {@code default} policy, as a JSON string. */
  String keyPolicy(String keyArn);

  record KeyInfo(String arn, boolean awsManaged) {}
}
