package dev.irctl.aws;

import dev.irctl.engine.port.AwsCallException;
import dev.irctl.engine.port.Session;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.retries.api.RetryStrategy;

/**
 * Builds SDK clients lazily, one per service and region, all sharing one HTTP connection pool, one
 * credentials provider, the retry strategy and the timeouts. The only place that knows how clients
 * are made.
 */
final class AwsClients implements AutoCloseable {
  /** Attempts per call, throttling included: enough to ride out a burst across ~30 regions. */
  static final int MAX_ATTEMPTS = 6;

  private final Session session;
  private final List<ExecutionInterceptor> interceptors;
  private final Map<String, SdkClient> clients = new ConcurrentHashMap<>();
  private volatile SdkHttpClient httpClient;
  private volatile AwsCredentialsProvider credentials;

  AwsClients(Session session) {
    this(session, List.of());
  }

  /** {@code interceptors} see every SDK call; tests use one to record which operations are sent. */
  AwsClients(Session session, List<ExecutionInterceptor> interceptors) {
    this.session = session;
    this.interceptors = List.copyOf(interceptors);
  }

  Session session() {
    return session;
  }

  /** A client of one service in one region, built on first use. */
  @SuppressWarnings("unchecked")
  <C extends SdkClient, B extends AwsClientBuilder<B, C>> C client(
      String service, String region, Supplier<B> builder) {
    return (C)
        clients.computeIfAbsent(
            service + "/" + region, key -> configure(builder.get(), region).build());
  }

  private <C, B extends AwsClientBuilder<B, C>> B configure(B builder, String region) {
    builder
        .region(Region.of(region))
        .credentialsProvider(credentials())
        .overrideConfiguration(overrides());
    session.endpoint().ifPresent(builder::endpointOverride);
    if (builder
        instanceof software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<?, ?> sync) {
      sync.httpClient(httpClient());
    }
    return builder;
  }

  private ClientOverrideConfiguration overrides() {
    RetryStrategy retry =
        AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(MAX_ATTEMPTS).build();
    return ClientOverrideConfiguration.builder()
        .executionInterceptors(interceptors)
        .retryStrategy(retry)
        .apiCallAttemptTimeout(Duration.ofSeconds(20))
        .apiCallTimeout(Duration.ofSeconds(120))
        .build();
  }

  private SdkHttpClient httpClient() {
    if (httpClient == null) {
      synchronized (this) {
        if (httpClient == null) {
          httpClient =
              ApacheHttpClient.builder()
                  .maxConnections(Math.max(50, session.concurrency() * 8))
                  .connectionTimeout(Duration.ofSeconds(5))
                  .socketTimeout(Duration.ofSeconds(20))
                  .build();
        }
      }
    }
    return httpClient;
  }

  AwsCredentialsProvider credentials() {
    if (credentials == null) {
      synchronized (this) {
        if (credentials == null) {
          DefaultCredentialsProvider.Builder builder = DefaultCredentialsProvider.builder();
          session.profile().ifPresent(builder::profileName);
          credentials = builder.build();
        }
      }
    }
    return credentials;
  }

  /**
   * Resolves credentials locally, so a user without any learns it before the first region starts.
   */
  void checkCredentials() {
    try {
      credentials().resolveCredentials();
    } catch (SdkClientException e) {
      throw new AwsCallException(
          AwsCallException.Kind.NO_CREDENTIALS, "credentials", noCredentialsMessage(), e);
    } catch (RuntimeException e) {
      throw new AwsCallException(
          AwsCallException.Kind.NO_CREDENTIALS,
          "credentials",
          "AWS credentials could not be loaded"
              + session.profile().map(p -> " for profile '" + p + "'").orElse("")
              + ": "
              + e.getMessage(),
          e);
    }
  }

  private String noCredentialsMessage() {
    String profile =
        session.profile().map(p -> "profile '" + p + "'").orElse("the default profile");
    return "No AWS credentials found: looked in AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, web identity"
        + " (AWS_WEB_IDENTITY_TOKEN_FILE), "
        + profile
        + " in ~/.aws/credentials and ~/.aws/config (including SSO), and the container or instance role."
        + " Set credentials, run 'aws sso login"
        + session.profile().map(p -> " --profile " + p).orElse("")
        + "', or pass --profile NAME.";
  }

  /** The profile's or environment's region, if any. */
  Optional<String> defaultRegion() {
    try {
      DefaultAwsRegionProviderChain.Builder chain = DefaultAwsRegionProviderChain.builder();
      session.profile().ifPresent(chain::profileName);
      return Optional.ofNullable(chain.build().getRegion()).map(Region::id);
    } catch (SdkClientException e) {
      return Optional.empty();
    }
  }

  @Override
  public void close() {
    clients.values().forEach(SdkClient::close);
    clients.clear();
    if (httpClient != null) {
      httpClient.close();
    }
  }
}
