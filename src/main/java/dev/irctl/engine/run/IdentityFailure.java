package dev.irctl.engine.run;

import dev.irctl.engine.port.AwsCallException;

/**
 * sts:GetCallerIdentity failed, so no region can start: without the account no ARN can be built.
 * {@code unreachable} when AWS could not be reached at all (network, endpoint).
 */
public final class IdentityFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient AwsCallException cause;

  public IdentityFailure(AwsCallException cause) {
    super(cause.getMessage(), cause);
    this.cause = cause;
  }

  public boolean unreachable() {
    return cause.kind() == AwsCallException.Kind.SERVICE_ERROR
        && !cause.awsMessage().matches("(?s).*\\b[45]\\d\\d\\b.*");
  }

  public AwsCallException.Kind kind() {
    return cause.kind();
  }
}
