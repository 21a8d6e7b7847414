package dev.irctl.aws;

import dev.irctl.engine.port.AccountPort;
import java.util.List;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/** {@link AccountPort} over STS GetCallerIdentity (which needs no permission, but is listed for completeness). */
final class StsAccountAdapter implements AccountPort {
  static final List<String> ACTIONS = List.of("sts:GetCallerIdentity");

  private final StsClient client;

  StsAccountAdapter(StsClient client) {
    this.client = client;
  }

  @Override
  public Identity identity() {
    GetCallerIdentityResponse response = AwsCalls.call("sts:GetCallerIdentity", () -> client.getCallerIdentity());
    return new Identity(response.account(), partitionOf(response.arn()), response.arn());
  }

  /** {@code arn:aws-cn:sts::123:assumed-role/x} → {@code aws-cn}. */
  static String partitionOf(String arn) {
    String[] parts = arn == null ? new String[0] : arn.split(":", 3);
    return parts.length >= 2 && !parts[1].isEmpty() ? parts[1] : "aws";
  }
}
