package dev.irctl.fakes;

import dev.irctl.engine.port.AccountPort;

/**
 * STS GetCallerIdentity for a fixed caller; the account id and partition can be changed per test.
 */
public final class FakeAccount implements AccountPort {
  public static final String ACCOUNT_ID = "111122223333";

  private final CallLog log;
  private volatile Identity identity =
      new Identity(ACCOUNT_ID, "aws", "arn:aws:sts::" + ACCOUNT_ID + ":assumed-role/admin/session");

  FakeAccount(CallLog log) {
    this.log = log;
  }

  public FakeAccount caller(String accountId, String partition) {
    identity =
        new Identity(
            accountId, partition, "arn:" + partition + ":iam::" + accountId + ":user/admin");
    return this;
  }

  @Override
  public Identity identity() {
    log.record("global", "sts:GetCallerIdentity", false);
    return identity;
  }
}
