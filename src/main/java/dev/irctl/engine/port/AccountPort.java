package dev.irctl.engine.port;

/** Who the credentials belong to (STS GetCallerIdentity): the account and partition that ARNs are built from. */
public interface AccountPort {
  Identity identity();

  /** {@code partition} is {@code aws}, {@code aws-cn} or {@code aws-us-gov}, read from the caller's ARN. */
  record Identity(String accountId, String partition, String arn) {}
}
