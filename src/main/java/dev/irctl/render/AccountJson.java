package dev.irctl.render;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.irctl.engine.port.AccountPort.Identity;
import java.util.Optional;

/**
 * The {@code account} object of every JSON document of a command that calls AWS
 * (docs/plan-schema.md): who ran it, as sts:GetCallerIdentity said, or {@code null} when the
 * account could not be identified.
 */
final class AccountJson {
  private AccountJson() {}

  static void put(ObjectNode root, Optional<Identity> identity) {
    if (identity.isEmpty()) {
      root.putNull("account");
      return;
    }
    ObjectNode account = root.putObject("account");
    account.put("id", identity.get().accountId());
    account.put("arn", identity.get().arn());
    account.put("partition", identity.get().partition());
  }
}
