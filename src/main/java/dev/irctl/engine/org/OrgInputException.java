package dev.irctl.engine.org;

/**
 * Input an org command cannot act on, found before any write: the kind says what is wrong, the
 * message names the value and what to do. The CLI maps every kind to a usage error (exit 2).
 */
public final class OrgInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public enum Kind {
    /** An account id that is not 12 digits. */
    BAD_ACCOUNT_ID,
    /** An OU or root id that is malformed or not in this organization. */
    UNKNOWN_ORGANIZATIONAL_UNIT,
    /** The caller is not the account the step needs (management account or delegated admin). */
    WRONG_ACCOUNT,
    /** The caller's account is in no organization, or one without all features. */
    NO_ORGANIZATION,
    /** Trusted access between CloudFormation StackSets and Organizations is off. */
    STACKSETS_TRUSTED_ACCESS_OFF,
    /** Another account is already GuardDuty's delegated administrator. */
    OTHER_ADMINISTRATOR,
    /** A stack set with irctl's name that irctl did not create (no managed-by=irctl tag). */
    NOT_OWNED,
    /** A member rule whose pattern the hub forwarders cannot cut (no exact detail-types). */
    UNFORWARDABLE_RULE
  }

  private final Kind kind;

  public OrgInputException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
