package dev.irctl.cli;

import dev.irctl.UserException;
import dev.irctl.engine.org.OrgInputException;
import dev.irctl.engine.org.OrgPreflight;
import dev.irctl.engine.port.AwsCallException;

/** The org pre-flight as RunFlow runs it: after identity, before any write; usage errors (2). */
final class OrgChecks {
  private OrgChecks() {}

  /**
   * An org input the engine refuses (an account id, a template over AWS's limits) is the user's to
   * fix: a usage error in the engine's words, before any AWS call.
   */
  static <T> T usage(java.util.function.Supplier<T> input) {
    try {
      return input.get();
    } catch (OrgInputException e) {
      throw UserException.usage(e.getMessage());
    }
  }

  static RunFlow.Preflight of(String command, OrgPreflight.Checks checks) {
    return (ports, identity) -> {
      try {
        OrgPreflight.check(ports, identity.accountId(), checks);
      } catch (OrgInputException e) {
        throw UserException.usage(e.getMessage() + " Nothing was changed.");
      } catch (AwsCallException e) {
        throw new UserException(
            command
                + ": could not check the organization before writing: "
                + e.getMessage()
                + "; nothing was changed.",
            dev.irctl.ExitCode.FAILURE,
            e);
      }
    };
  }
}
