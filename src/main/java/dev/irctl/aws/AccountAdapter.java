package dev.irctl.aws;

import dev.irctl.engine.permissions.AwsAction;
import dev.irctl.engine.port.AccountPort;
import java.util.List;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/** {@link AccountPort} over STS GetCallerIdentity. */
final class AccountAdapter implements AccountPort {
  /** GetCallerIdentity needs no permission, but it is called, so it is declared. */
  static final List<AwsAction> ACTIONS = List.of(AwsAction.read("sts:GetCallerIdentity"));

  private final StsClient client;

  AccountAdapter(StsClient client) {
    this.client = client;
  }

  @Override
  public Identity identity() {
    GetCallerIdentityResponse response =
        AwsCalls.call("sts:GetCallerIdentity", () -> client.getCallerIdentity());
    return new Identity(response.account(), partitionOf(response.arn()), response.arn());
  }

  /** {@code arn:PARTITION:sts::ACCOUNT:...}: the second field. */
  static String partitionOf(String arn) {
    String[] parts = arn == null ? new String[0] : arn.split(":", 3);
    if (parts.length < 3 || !parts[0].equals("arn") || parts[1].isEmpty()) {
      throw new IllegalStateException("STS returned a caller ARN irctl cannot read: " + arn);
    }
    return parts[1];
  }
}
