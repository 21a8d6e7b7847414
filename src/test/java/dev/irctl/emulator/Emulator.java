package dev.irctl.emulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The moto server {@code .ci/run} started ({@code irctl.emulator.endpoint}), and SDK clients that
 * read its state directly, so a test checks what the CLI did in the emulator, not what it printed.
 */
public final class Emulator implements AutoCloseable {
  static final String PROPERTY = "irctl.emulator.endpoint";

  /** The 17 regions every AWS account has enabled by default. */
  public static final List<String> REGIONS =
      List.of(
          "us-east-1",
          "us-east-2",
          "us-west-1",
          "us-west-2",
          "ap-south-1",
          "ap-northeast-1",
          "ap-northeast-2",
          "ap-northeast-3",
          "ap-southeast-1",
          "ap-southeast-2",
          "ca-central-1",
          "eu-central-1",
          "eu-west-1",
          "eu-west-2",
          "eu-west-3",
          "eu-north-1",
          "sa-east-1");

  /** moto's account for any access key it does not know. */
  public static final String ACCOUNT = "123456789012";

  private final URI endpoint;
  private final Map<String, SdkClient> clients = new ConcurrentHashMap<>();

  private Emulator(URI endpoint) {
    this.endpoint = endpoint;
  }

  /** The running emulator; fails the test (it is part of CI) when none was given. */
  public static Emulator running() {
    String endpoint = System.getProperty(PROPERTY, System.getenv("IRCTL_EMULATOR_ENDPOINT"));
    if (endpoint == null || endpoint.isBlank()) {
      throw new IllegalStateException(
          "no emulator: set -D"
              + PROPERTY
              + "=http://127.0.0.1:PORT (.ci/run starts moto and sets it)");
    }
    return new Emulator(URI.create(endpoint));
  }

  public static Emulator at(URI endpoint) {
    return new Emulator(endpoint);
  }

  public URI endpoint() {
    return endpoint;
  }

  /** Forgets every resource in every region and account (moto's own reset API). */
  public void reset() throws IOException, InterruptedException {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(endpoint.resolve("/moto-api/reset"))
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("moto reset: HTTP " + response.statusCode() + " " + response.body());
    }
  }

  public GuardDutyClient guardDuty(String region) {
    return client("guardduty", region, () -> configure(GuardDutyClient.builder(), region).build());
  }

  public EventBridgeClient events(String region) {
    return client("events", region, () -> configure(EventBridgeClient.builder(), region).build());
  }

  public SnsClient sns(String region) {
    return client("sns", region, () -> configure(SnsClient.builder(), region).build());
  }

  /** The topic's access policy as SNS holds it (the Policy attribute). */
  public String topicPolicy(String region, String topicArn) {
    return sns(region).getTopicAttributes(r -> r.topicArn(topicArn)).attributes().get("Policy");
  }

  public software.amazon.awssdk.services.sqs.SqsClient sqs(String region) {
    return client(
        "sqs",
        region,
        () -> configure(software.amazon.awssdk.services.sqs.SqsClient.builder(), region).build());
  }

  public software.amazon.awssdk.services.cloudtrail.CloudTrailClient cloudTrail(String region) {
    return client(
        "cloudtrail",
        region,
        () ->
            configure(software.amazon.awssdk.services.cloudtrail.CloudTrailClient.builder(), region)
                .build());
  }

  /** Organizations is global; the SDK signs it for us-east-1. */
  public software.amazon.awssdk.services.organizations.OrganizationsClient organizations() {
    return client(
        "organizations",
        "us-east-1",
        () ->
            configure(
                    software.amazon.awssdk.services.organizations.OrganizationsClient.builder(),
                    "us-east-1")
                .build());
  }

  public software.amazon.awssdk.services.cloudformation.CloudFormationClient cloudFormation(
      String region) {
    return client(
        "cloudformation",
        region,
        () ->
            configure(
                    software.amazon.awssdk.services.cloudformation.CloudFormationClient.builder(),
                    region)
                .build());
  }

  public software.amazon.awssdk.services.ec2.Ec2Client ec2(String region) {
    return client(
        "ec2",
        region,
        () -> configure(software.amazon.awssdk.services.ec2.Ec2Client.builder(), region).build());
  }

  public software.amazon.awssdk.services.sts.StsClient sts() {
    return client(
        "sts",
        "us-east-1",
        () ->
            configure(software.amazon.awssdk.services.sts.StsClient.builder(), "us-east-1")
                .build());
  }

  /** Keys of the account's OrganizationAccountAccessRole, as moto's STS hands them out. */
  public StaticCredentialsProvider memberCredentials(String account) {
    var c =
        sts()
            .assumeRole(
                r ->
                    r.roleArn("arn:aws:iam::" + account + ":role/OrganizationAccountAccessRole")
                        .roleSessionName("irctl-emulator"))
            .credentials();
    return StaticCredentialsProvider.create(
        software.amazon.awssdk.auth.credentials.AwsSessionCredentials.create(
            c.accessKeyId(), c.secretAccessKey(), c.sessionToken()));
  }

  public IamClient iam() {
    return client("iam", "aws-global", () -> configure(IamClient.builder(), "aws-global").build());
  }

  @SuppressWarnings("unchecked")
  private <C extends SdkClient> C client(String service, String region, Supplier<C> build) {
    return (C) clients.computeIfAbsent(service + "/" + region, key -> build.get());
  }

  @Override
  public void close() {
    clients.values().forEach(SdkClient::close);
    clients.clear();
  }

  private <C, B extends AwsClientBuilder<B, C>> B configure(B builder, String region) {
    return builder
        .region(Region.of(region))
        .endpointOverride(endpoint)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")));
  }
}
