package dev.irctl.aws;

import dev.irctl.engine.port.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.InstanceProfileRegionProvider;
import software.amazon.awssdk.regions.providers.SystemSettingsRegionProvider;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Builds SDK clients lazily, one per service and region, all sharing one HTTP connection pool, one
 * credentials provider, the retry strategy and the timeouts. The only place that knows how clients
 * are made.
 */
final class AwsClients implements AutoCloseable {
  /** Attempts per call, throttling included: enough to ride out a burst across ~30 regions. */
  static final int MAX_ATTEMPTS = 6;

  /** How long the instance-metadata region probe may take. */
  static final Duration INSTANCE_METADATA_TIMEOUT = Duration.ofSeconds(2);

  private static final Logger LOG = LoggerFactory.getLogger(AwsClients.class);

  private final Session session;
  private final List<ExecutionInterceptor> interceptors;
  private final Map<String, SdkClient> clients = new ConcurrentHashMap<>();
  private volatile SdkHttpClient httpClient;
  private volatile AwsCredentialsProvider credentials;
  private final ProfileFiles files;
  private final CredentialsResolver resolver;

  AwsClients(Session session) {
    this(session, List.of());
  }

  /** {@code interceptors} see every SDK call; tests use one to record which operations are sent. */
  AwsClients(Session session, List<ExecutionInterceptor> interceptors) {
    this(session, interceptors, ProfileFiles.fromEnvironment());
  }

  /** {@code files}: the AWS config and credentials files to read (tests pass temporary ones). */
  AwsClients(Session session, List<ExecutionInterceptor> interceptors, ProfileFiles files) {
    this.session = session;
    List<ExecutionInterceptor> all = new ArrayList<>(interceptors);
    all.add(new CallTimeoutInterceptor(session.timeouts()));
    this.interceptors = List.copyOf(all);
    this.files = files;
    this.resolver = new CredentialsResolver(session, files, this::assumeRoleClient);
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
            service + "/" + region, key -> configure(builder.get(), region, credentials()).build());
  }

  private <C, B extends AwsClientBuilder<B, C>> B configure(
      B builder, String region, AwsCredentialsProvider credentialsProvider) {
    builder
        .region(Region.of(region))
        .credentialsProvider(credentialsProvider)
        .overrideConfiguration(overrides());
    session.endpoint().ifPresent(builder::endpointOverride);
    if (builder
        instanceof software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<?, ?> sync) {
      sync.httpClient(httpClient());
    }
    return builder;
  }

  /** The STS client --role-arn's AssumeRole is called with: the base credentials, home region. */
  private StsClient assumeRoleClient(AwsCredentialsProvider base) {
    StsClient sts = configure(StsClient.builder(), homeRegion(), base).build();
    clients.put("sts-assume-role/" + homeRegion(), sts);
    return sts;
  }

  private ClientOverrideConfiguration overrides() {
    RetryStrategy retry =
        AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(MAX_ATTEMPTS).build();
    return ClientOverrideConfiguration.builder()
        .executionInterceptors(interceptors)
        .retryStrategy(retry)
        .apiCallAttemptTimeout(session.timeouts().attempt())
        .apiCallTimeout(session.timeouts().call())
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
                  // The SDK's attempt timeout decides; the socket's only backs it up.
                  .socketTimeout(session.timeouts().attempt().plusSeconds(1))
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
          credentials = resolver.provider();
        }
      }
    }
    return credentials;
  }

  /**
   * Resolves credentials locally, so a user without any learns it before the first region starts.
   */
  void checkCredentials() {
    resolver.check(credentials());
  }

  /**
   * The region from the aws.region system property, AWS_REGION, or the profile: never instance
   * metadata, which costs seconds off EC2.
   */
  Optional<String> configuredRegion() {
    try {
      Optional<Region> fromSettings =
          optional(() -> new SystemSettingsRegionProvider().getRegion());
      if (fromSettings.isPresent()) {
        return fromSettings.map(Region::id);
      }
      String profile = session.profile().orElseGet(ProfileFiles::defaultProfileName);
      return optional(() -> new AwsProfileRegionProvider(files::load, profile).getRegion())
          .map(Region::id);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Optional<Region> optional(Supplier<Region> provider) {
    try {
      return Optional.ofNullable(provider.get());
    } catch (SdkClientException e) {
      return Optional.empty();
    }
  }

  /**
   * The EC2 instance's region from instance metadata, for when no region is given or configured;
   * bounded, because off EC2 the SDK's probe takes seconds to give up.
   */
  Optional<String> instanceRegion() {
    LOG.warn(
        "No region given (--region) or configured (AWS_REGION, the profile's region): asking the EC2"
            + " instance metadata service, for at most {} ms.",
        INSTANCE_METADATA_TIMEOUT.toMillis());
    CompletableFuture<Optional<String>> probe =
        CompletableFuture.supplyAsync(
            () -> optional(() -> new InstanceProfileRegionProvider().getRegion()).map(Region::id),
            runnable -> {
              Thread thread = new Thread(runnable, "irctl-instance-region");
              thread.setDaemon(true);
              thread.start();
            });
    try {
      return probe.get(INSTANCE_METADATA_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      LOG.warn("The instance metadata service did not answer: not on EC2, or it is disabled.");
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (ExecutionException e) {
      return Optional.empty();
    }
  }

  /**
   * The region for global calls (STS, IAM's partition): configured, else the first one named, else
   * us-east-1. Only its partition matters.
   */
  String homeRegion() {
    return configuredRegion()
        .or(() -> session.namedRegions().stream().findFirst())
        .orElse("us-east-1");
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
