package dev.irctl.fakes;

import dev.irctl.engine.port.AwsCallException;
import dev.irctl.engine.port.KmsPort;
import java.util.HashMap;
import java.util.Map;

/** KMS keys in one region, in memory: id or alias → key, with a key policy. */
public final class FakeKms implements KmsPort {
  private final String region;
  private final String account;
  private final CallLog log;
  private final Map<String, KeyInfo> keys = new HashMap<>();
  private final Map<String, String> policies = new HashMap<>();

  FakeKms(String region, String account, CallLog log) {
    this.region = region;
    this.account = account;
    this.log = log;
  }

  /** Seeds a key reachable by {@code idOrAlias}. */
  public synchronized FakeKms key(String idOrAlias, boolean awsManaged, String policy) {
    String arn =
        "arn:aws:kms:"
            + region
            + ":"
            + account
            + ":key/"
            + Integer.toHexString(idOrAlias.hashCode());
    keys.put(idOrAlias, new KeyInfo(arn, awsManaged));
    policies.put(arn, policy);
    return this;
  }

  @Override
  public KeyInfo describeKey(String keyId) {
    log.record(region, "kms:DescribeKey", false);
    synchronized (this) {
      KeyInfo key = keys.get(keyId);
      if (key == null) {
        throw new AwsCallException(
            AwsCallException.Kind.NOT_FOUND,
            "kms:DescribeKey",
            "NotFoundException: Key '" + keyId + "' does not exist");
      }
      return key;
    }
  }

  @Override
  public String keyPolicy(String keyArn) {
    log.record(region, "kms:GetKeyPolicy", false);
    synchronized (this) {
      return policies.get(keyArn);
    }
  }
}
