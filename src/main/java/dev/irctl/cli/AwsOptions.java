package dev.irctl.cli;

import dev.irctl.UserException;
import dev.irctl.engine.port.Session;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The flags every AWS command shares: which credentials and endpoint. Commands that act per region
 * take {@link RegionalAwsOptions}, which adds the region flags; the global ones (IAM) take these
 * only, so they have no flag they would ignore.
 */
public class AwsOptions {
  @Option(
      names = "--profile",
      paramLabel = "NAME",
      description = "AWS profile from ~/.aws/config (default: the SDK's default chain).")
  String profile;

  @Option(
      names = "--endpoint-url",
      paramLabel = "URL",
      description = "Send every AWS call to this endpoint (an AWS-compatible emulator).")
  String endpointUrl;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "Settings file (default: irctl.yaml in the working directory, if present). Flags override it.")
  String configFile;

  @Option(
      names = "--role-arn",
      paramLabel = "ARN",
      description =
          "Assume this IAM role for the run (STS AssumeRole with the profile's or environment's credentials).")
  String roleArn;

  @Option(
      names = "--external-id",
      paramLabel = "ID",
      description = "External id the role's trust policy asks for (with --role-arn).")
  String externalId;

  @Option(
      names = "--role-session-name",
      paramLabel = "NAME",
      description = "Session name for --role-arn, shown in CloudTrail (default: irctl-<time>).")
  String roleSessionName;

  @Option(
      names = "--role-duration",
      paramLabel = "DURATION",
      description =
          "How long each assumed-role session lasts, e.g. 15m or 1h (default: 1h; refreshed before it ends).")
  String roleDuration;

  @Option(
      names = "--call-timeout",
      paramLabel = "ATTEMPT[,CALL]",
      description =
          "Longest wait for one attempt of an AWS call, and for the call with its retries, e.g. 10s or 10s,1m"
              + " (default: 30s,2m; CALL defaults to 4 x ATTEMPT).")
  String callTimeout;

  public Optional<String> profile() {
    return Optional.ofNullable(profile);
  }

  /** Calls in flight at once: one for the global commands (IAM); see {@link RegionalAwsOptions}. */
  public int concurrency() {
    return 1;
  }

  /** The endpoint override, checked here so a typo is a usage error before any call. */
  public Optional<URI> endpoint() {
    return endpoint(endpointUrl);
  }

  /** {@code endpointUrl} (null: none) as an endpoint override, or a usage error naming the flag. */
  static Optional<URI> endpoint(String endpointUrl) {
    if (endpointUrl == null) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(endpointUrl);
      if (uri.getScheme() == null || uri.getHost() == null || !uri.getScheme().matches("https?")) {
        throw new URISyntaxException(
            endpointUrl, "expected http://host[:port] or https://host[:port]");
      }
      return Optional.of(uri);
    } catch (URISyntaxException e) {
      throw dev.irctl.UserException.usage(
          "--endpoint-url " + endpointUrl + " is not a valid URL: expected http(s)://host[:port].");
    }
  }

  /** The regions named on the command line: none for the global commands (IAM). */
  protected List<String> namedRegions() {
    return List.of();
  }

  /** Everything the ports need to reach AWS, checked (usage errors before any call). */
  public Session session() {
    Session session =
        new Session(
                profile(),
                endpoint(),
                concurrency(),
                Optional.empty(),
                Session.CallTimeouts.DEFAULT,
                namedRegions())
            .withTimeouts(timeouts());
    return assumeRole().map(session::withAssumeRole).orElse(session);
  }

  Optional<Session.AssumeRole> assumeRole() {
    if (roleArn == null) {
      if (externalId != null || roleSessionName != null || roleDuration != null) {
        throw UserException.usage(
            "--external-id, --role-session-name and --role-duration go with --role-arn ARN.");
      }
      return Optional.empty();
    }
    if (!roleArn.matches("arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]{1,512}")) {
      throw UserException.usage(
          "--role-arn "
              + roleArn
              + " is not an IAM role ARN (arn:aws:iam::123456789012:role/NAME).");
    }
    if (externalId != null && !externalId.matches("[\\w+=,.@:/-]{2,1224}")) {
      throw UserException.usage(
          "--external-id must be 2 to 1224 letters, digits and + = , . @ : / - _ characters.");
    }
    String sessionName =
        roleSessionName == null ? "irctl-" + System.currentTimeMillis() / 1000 : roleSessionName;
    if (!sessionName.matches("[\\w+=,.@-]{2,64}")) {
      throw UserException.usage(
          "--role-session-name '"
              + sessionName
              + "' must be 2 to 64 letters, digits and + = , . @ - _ characters.");
    }
    Duration duration =
        roleDuration == null ? Duration.ofHours(1) : duration("--role-duration", roleDuration);
    if (duration.compareTo(Duration.ofMinutes(15)) < 0
        || duration.compareTo(Duration.ofHours(12)) > 0) {
      throw UserException.usage(
          "--role-duration must be between 15m and 12h (STS's limits), got " + roleDuration + ".");
    }
    return Optional.of(
        new Session.AssumeRole(roleArn, Optional.ofNullable(externalId), sessionName, duration));
  }

  Session.CallTimeouts timeouts() {
    if (callTimeout == null) {
      return Session.CallTimeouts.DEFAULT;
    }
    String[] parts = callTimeout.split(",", -1);
    if (parts.length > 2) {
      throw UserException.usage(
          "--call-timeout takes ATTEMPT or ATTEMPT,CALL (e.g. 10s or 10s,1m), got "
              + callTimeout
              + ".");
    }
    Duration attempt = duration("--call-timeout", parts[0]);
    Duration call =
        parts.length == 2 ? duration("--call-timeout", parts[1]) : attempt.multipliedBy(4);
    if (attempt.compareTo(Duration.ofMillis(100)) < 0 || call.compareTo(attempt) < 0) {
      throw UserException.usage(
          "--call-timeout "
              + callTimeout
              + ": the attempt needs at least 100ms and the call at least as long as one attempt.");
    }
    return new Session.CallTimeouts(attempt, call);
  }

  /** 500ms, 30s, 2m, 1h, or plain seconds. */
  static Duration duration(String flag, String text) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(\\d{1,6})(ms|s|m|h)?").matcher(text.trim());
    if (!m.matches()) {
      throw UserException.usage(
          flag + " '" + text + "' is not a duration: use e.g. 500ms, 30s, 2m or 1h.");
    }
    long value = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    return switch (unit) {
      case "ms" -> Duration.ofMillis(value);
      case "m" -> Duration.ofMinutes(value);
      case "h" -> Duration.ofHours(value);
      default -> Duration.ofSeconds(value);
    };
  }

  /** Checks the flags that do not need AWS: called before any call is made. */
  public void validate() {
    endpoint();
    assumeRole();
    timeouts();
  }
}
