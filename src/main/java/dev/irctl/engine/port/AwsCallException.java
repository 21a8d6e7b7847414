package dev.irctl.engine.port;

/**
 * An AWS call that failed, translated by the adapter into what the engine and the user need: what
 * kind of failure, which IAM action was being called, and AWS's own message.
 */
public final class AwsCallException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public enum Kind {
    /** No credentials anywhere in the default chain. */
    NO_CREDENTIALS,
    /** The named profile is in no AWS config or credentials file: a usage error. */
    NO_SUCH_PROFILE,
    /** No answer within the call timeout (the message names region and operation). */
    TIMEOUT,
    /** The caller lacks the IAM action. */
    ACCESS_DENIED,
    /** An opt-in region the account has not enabled (or credentials the region does not accept). */
    REGION_NOT_ENABLED,
    /** Still throttled after the SDK's retries. */
    THROTTLED,
    /** The thing asked for does not exist. */
    NOT_FOUND,
    /** AWS rejected the request as invalid. */
    INVALID_REQUEST,
    /** AWS failed (5xx) after retries, or the connection did. */
    SERVICE_ERROR,
    /** Anything else. */
    OTHER
  }

  private final Kind kind;
  private final String action;
  private final String awsMessage;

  public AwsCallException(Kind kind, String action, String awsMessage, Throwable cause) {
    super(describe(kind, action, awsMessage), cause);
    this.kind = kind;
    this.action = action;
    this.awsMessage = awsMessage;
  }

  public AwsCallException(Kind kind, String action, String awsMessage) {
    this(kind, action, awsMessage, null);
  }

  public Kind kind() {
    return kind;
  }

  /** The IAM action, e.g. {@code guardduty:CreateDetector}. */
  public String action() {
    return action;
  }

  public String awsMessage() {
    return awsMessage;
  }

  /**
   * True for failures a later attempt may not meet: throttling, timeouts, AWS's 5xx and dropped
   * connections. Access denied, invalid requests and missing things fail the same way again.
   */
  public boolean retryable() {
    return kind == Kind.THROTTLED || kind == Kind.TIMEOUT || kind == Kind.SERVICE_ERROR;
  }

  private static String describe(Kind kind, String action, String awsMessage) {
    return switch (kind) {
      case ACCESS_DENIED ->
          "access denied: the caller is not allowed " + action + " (" + awsMessage + ")";
      case REGION_NOT_ENABLED ->
          "the region is not enabled for this account (" + action + ": " + awsMessage + ")";
      case THROTTLED -> action + " was still throttled after retries (" + awsMessage + ")";
      case NO_CREDENTIALS, NO_SUCH_PROFILE, TIMEOUT -> awsMessage;
      default -> action + " failed: " + awsMessage;
    };
  }
}
