package dev.irctl.aws;

import dev.irctl.engine.port.AwsCallException;
import dev.irctl.engine.port.AwsCallException.Kind;
import dev.irctl.engine.port.Session;
import dev.irctl.engine.port.Session.AssumeRole;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * Which credentials a run uses, the way the aws CLI chooses them: {@code --profile} wins over
 * environment keys (a profile in no file is an error naming the files), otherwise the SDK's default
 * chain; {@code --role-arn} then assumes a role with those credentials, refreshed before they
 * expire. Failures become one sentence with the SDK's real cause.
 */
final class CredentialsResolver {
  private final Session session;
  private final ProfileFiles files;
  private final Function<AwsCredentialsProvider, StsClient> stsClients;

  /** {@code stsClients} builds the STS client AssumeRole is called with, from base credentials. */
  CredentialsResolver(
      Session session, ProfileFiles files, Function<AwsCredentialsProvider, StsClient> stsClients) {
    this.session = session;
    this.files = files;
    this.stsClients = stsClients;
  }

  /** The provider for every client; fails when the named profile does not exist. */
  AwsCredentialsProvider provider() {
    AwsCredentialsProvider base = baseProvider();
    Optional<AssumeRole> role = session.assumeRole();
    if (role.isEmpty()) {
      return base;
    }
    AssumeRole assume = role.get();
    return StsAssumeRoleCredentialsProvider.builder()
        .stsClient(stsClients.apply(base))
        .refreshRequest(
            r -> {
              r.roleArn(assume.roleArn())
                  .roleSessionName(assume.sessionName())
                  .durationSeconds((int) assume.duration().toSeconds());
              assume.externalId().ifPresent(r::externalId);
            })
        .build();
  }

  private AwsCredentialsProvider baseProvider() {
    if (session.profile().isPresent()) {
      String name = session.profile().get();
      if (files.profile(name).isEmpty()) {
        throw new AwsCallException(
            Kind.NO_SUCH_PROFILE,
            "credentials",
            "AWS profile '"
                + name
                + "' (--profile) is not in "
                + files.searched()
                + ": check the name (aws configure list-profiles), or set AWS_CONFIG_FILE to the file that has it.");
      }
      return ProfileCredentialsProvider.builder()
          .profileFile(files::load)
          .profileName(name)
          .build();
    }
    return DefaultCredentialsProvider.builder().profileFile(files::load).build();
  }

  /**
   * Resolves once, so a user without credentials learns it before the first region starts; a
   * failure names the cause in one sentence.
   */
  void check(AwsCredentialsProvider provider) {
    try {
      provider.resolveCredentials();
    } catch (AwsCallException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new AwsCallException(Kind.NO_CREDENTIALS, "credentials", describe(e), e);
    }
  }

  /** One sentence: the SSO session, the role that could not be assumed, or the SDK's cause. */
  String describe(RuntimeException failure) {
    Optional<String> profile = session.profile();
    RuntimeException cause = failure;
    if (profile.isEmpty()) {
      // The default chain's message lists every provider; ask the profile it read for its own.
      String name = ProfileFiles.defaultProfileName();
      if (files.profile(name).isEmpty() && session.assumeRole().isEmpty()) {
        return noCredentials();
      }
      if (files.profile(name).isPresent()) {
        profile = Optional.of(name);
        cause = profileFailure(name).orElse(failure);
      }
    }
    Optional<AwsServiceException> sts = stsFailure(cause);
    if (sts.isPresent()) {
      return "assuming role "
          + roleArn(profile).orElse("(from the profile)")
          + profile.map(p -> " for profile '" + p + "'").orElse("")
          + " failed: "
          + serviceMessage(sts.get());
    }
    String text = messages(cause).toLowerCase(Locale.ROOT);
    if (profile.isPresent() && isSso(profile.get()) && noUsableSsoToken(text)) {
      return "the SSO session for profile '"
          + profile.get()
          + "' has expired or was never started: run aws sso login --profile "
          + profile.get();
    }
    return "AWS credentials"
        + profile.map(p -> " for profile '" + p + "'").orElse("")
        + " could not be loaded: "
        + firstLine(innermost(cause).getMessage());
  }

  /**
   * The SDK's ways of saying the cached SSO token is missing ("Unable to load SSO token", no file
   * in ~/.aws/sso/cache) or expired; a network failure to the SSO portal is not one of them.
   */
  private static boolean noUsableSsoToken(String text) {
    return text.contains("sso token")
        || text.contains("sso/cache")
        || text.contains("sso session")
        || (text.contains("token") && text.contains("expired"));
  }

  private Optional<RuntimeException> profileFailure(String name) {
    try {
      ProfileCredentialsProvider.builder()
          .profileFile(files::load)
          .profileName(name)
          .build()
          .resolveCredentials();
      return Optional.empty();
    } catch (RuntimeException e) {
      return Optional.of(e);
    }
  }

  private boolean isSso(String profile) {
    return files
        .profile(profile)
        .map(p -> p.property("sso_session").isPresent() || p.property("sso_start_url").isPresent())
        .orElse(false);
  }

  private Optional<String> roleArn(Optional<String> profile) {
    if (session.assumeRole().isPresent()) {
      return Optional.of(session.assumeRole().get().roleArn());
    }
    return profile.flatMap(files::profile).flatMap((Profile p) -> p.property("role_arn"));
  }

  private static Optional<AwsServiceException> stsFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof AwsServiceException service) {
        return Optional.of(service);
      }
    }
    return Optional.empty();
  }

  private static String serviceMessage(AwsServiceException e) {
    if (e.awsErrorDetails() == null) {
      return firstLine(e.getMessage());
    }
    String code = e.awsErrorDetails().errorCode();
    String message = e.awsErrorDetails().errorMessage();
    return (code == null ? "" : code + ": ")
        + (message == null ? "HTTP " + e.statusCode() : message);
  }

  private static String messages(Throwable e) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      all.append(t.getClass().getSimpleName()).append(' ').append(t.getMessage()).append('\n');
    }
    return all.toString();
  }

  private static Throwable innermost(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t && t.getCause().getMessage() != null) {
      t = t.getCause();
    }
    return t;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no reason given";
    }
    String line = message.strip().lines().findFirst().orElse("");
    return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
  }

  private String noCredentials() {
    return "No AWS credentials found: looked in AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, web identity"
        + " (AWS_WEB_IDENTITY_TOKEN_FILE), the profile '"
        + ProfileFiles.defaultProfileName()
        + "' in "
        + files.searched()
        + " (including SSO), and the container or instance role."
        + " Set credentials, run 'aws sso login', or pass --profile NAME.";
  }
}
