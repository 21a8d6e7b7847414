package dev.irctl.engine.port;

/** Who the credentials belong to: the account and partition that ARNs irctl builds must name. */
public interface AccountPort {
  /** STS GetCallerIdentity: needs no IAM permission, so it works for any valid credentials. */
  Identity identity();

  /**
   * The caller's account id, the partition taken from its ARN ({@code aws}, {@code aws-cn}, ...)
   * and the ARN.
   */
  record Identity(String accountId, String partition, String arn) {}
}
