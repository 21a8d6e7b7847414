package dev.irctl.cli;

import dev.irctl.UserException;
import dev.irctl.engine.Input;
import dev.irctl.engine.InputException;
import dev.irctl.engine.port.ListKind;
import dev.irctl.engine.port.PrincipalKind;

/** The CLI's words for the inputs the engine names by kind: their flags. */
public final class Flags {
  private Flags() {}

  public static String of(Input input) {
    return switch (input) {
      case KMS_KEY -> "--kms-key";
      case CATEGORY -> "--category";
      case EXCLUDE -> "--exclude";
      case RULE -> "--rule";
      case SELECTION -> "--rule, --category and --exclude";
      case FEATURE -> "--feature";
      case THREAT_INTEL_SET -> "--threat-intel-set";
      case TRUSTED_IP_SET -> "--trusted-ip-set";
      case ROLE -> "--role";
      case GROUP -> "--group";
      case USER -> "--user";
      case ADMIN_ACCOUNT -> "--admin-account";
      case REGION -> "--region";
      case ALL_REGIONS -> "--all-regions";
      case SETTING -> "--set";
      case PRUNE -> "--prune";
      case POLICY_NAME -> "--policy-name";
      case ADOPT -> "--adopt";
      case TOPIC_NAME -> "--topic-name";
      case SUBSCRIBE -> "--subscribe";
    };
  }

  public static String of(ListKind kind) {
    return switch (kind) {
      case THREAT_INTEL -> of(Input.THREAT_INTEL_SET);
      case TRUSTED_IP -> of(Input.TRUSTED_IP_SET);
    };
  }

  public static String of(PrincipalKind kind) {
    return switch (kind) {
      case ROLE -> of(Input.ROLE);
      case GROUP -> of(Input.GROUP);
      case USER -> of(Input.USER);
    };
  }

  /** A user error's message as the CLI prints it: an engine input named by its flag. */
  public static String message(UserException e) {
    return word(e instanceof InputException input ? input.worded(Flags::of) : e.getMessage());
  }

  /** Engine text with the inputs it refers to ({@code Input.ref()}) named by their flags. */
  public static String word(String engineText) {
    return Input.word(engineText, Flags::of);
  }
}
