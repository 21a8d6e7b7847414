package dev.irctl.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.irctl.engine.port.AwsCallException;
import dev.irctl.engine.port.RegionDirectoryPort.AccountRegions;
import dev.irctl.engine.port.Session;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a session does on the wire: --role-arn's AssumeRole (STS query protocol) and the credentials
 * it returns, a call that never answers within --call-timeout, and DescribeRegions keeping to the
 * caller's partition.
 */
class SessionWireTest {
  private static final String ROLE = "arn:aws:iam::111122223333:role/irctl-apply";

  private final WireMockServer server =
      new WireMockServer(WireMockConfiguration.options().dynamicPort());
  @TempDir Path dir;
  private ProfileFiles files;
  private AwsClients clients;

  @BeforeEach
  void start() throws Exception {
    server.start();
    Files.writeString(dir.resolve("config"), "[profile base]\nregion = eu-west-1\n");
    Files.writeString(
        dir.resolve("credentials"),
        "[base]\naws_access_key_id = AKIABASE\naws_secret_access_key = base-secret\n");
    files = new ProfileFiles(dir.resolve("config"), dir.resolve("credentials"));
  }

  @AfterEach
  void stop() {
    if (clients != null) {
      clients.close();
    }
    server.stop();
  }

  @Test
  void roleArnAssumesTheRoleWithItsParametersAndSignsCallsWithTheRolesKeys() {
    server.stubFor(
        post(urlEqualTo("/"))
            .withRequestBody(containing("Action=AssumeRole"))
            .willReturn(xml(assumeRoleResponse(Instant.now().plus(Duration.ofHours(1))))));
    server.stubFor(
        post(urlEqualTo("/"))
            .withRequestBody(containing("Action=GetCallerIdentity"))
            .willReturn(
                xml(
                    IamXml.callerIdentity(
                        "arn:aws:sts::111122223333:assumed-role/irctl-apply/ci-run",
                        "111122223333"))));
    clients =
        new AwsClients(
            session()
                .withAssumeRole(
                    new Session.AssumeRole(
                        ROLE, Optional.of("ext-123"), "ci-run", Duration.ofMinutes(30))),
            List.of(),
            files);

    clients.checkCredentials();
    new AwsPorts(clients).account().identity();

    List<LoggedRequest> requests = server.findAll(postRequestedFor(urlEqualTo("/")));
    LoggedRequest assume = requests.get(0);
    assertThat(assume.getBodyAsString())
        .contains("Action=AssumeRole")
        .contains("RoleArn=" + encoded(ROLE))
        .contains("RoleSessionName=ci-run")
        .contains("ExternalId=ext-123")
        .contains("DurationSeconds=1800");
    assertThat(assume.getHeader("Authorization")).contains("Credential=AKIABASE/");
    LoggedRequest identity = requests.get(requests.size() - 1);
    assertThat(identity.getBodyAsString()).contains("Action=GetCallerIdentity");
    assertThat(identity.getHeader("Authorization")).contains("Credential=ASIAASSUMED/");
    assertThat(identity.getHeader("X-Amz-Security-Token")).isEqualTo("session-token");
  }

  @Test
  void assumedRoleCredentialsAreRefreshedWhenTheyAreAboutToExpire() {
    server.stubFor(
        post(urlEqualTo("/"))
            .withRequestBody(containing("Action=AssumeRole"))
            .willReturn(xml(assumeRoleResponse(Instant.now().plus(Duration.ofSeconds(30))))));
    clients =
        new AwsClients(
            session()
                .withAssumeRole(
                    new Session.AssumeRole(ROLE, Optional.empty(), "s1", Duration.ofHours(1))),
            List.of(),
            files);

    clients.credentials().resolveCredentials();
    clients.credentials().resolveCredentials();

    assertThat(
            server.findAll(
                postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=AssumeRole"))))
        .hasSize(2);
  }

  @Test
  void aRoleThatCannotBeAssumedSaysWhyInOneSentence() {
    server.stubFor(
        post(urlEqualTo("/"))
            .withRequestBody(containing("Action=AssumeRole"))
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withHeader("Content-Type", "text/xml")
                    .withBody(
                        "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                            + "<Error><Type>Sender</Type><Code>AccessDenied</Code><Message>User:"
                            + " arn:aws:iam::111122223333:user/ci is not authorized to perform:"
                            + " sts:AssumeRole on resource: "
                            + ROLE
                            + "</Message></Error><RequestId>r</RequestId></ErrorResponse>")));
    clients =
        new AwsClients(
            session()
                .withAssumeRole(
                    new Session.AssumeRole(ROLE, Optional.empty(), "s1", Duration.ofHours(1))),
            List.of(),
            files);

    assertThatThrownBy(clients::checkCredentials)
        .isInstanceOfSatisfying(
            AwsCallException.class,
            e -> assertThat(e.kind()).isEqualTo(AwsCallException.Kind.NO_CREDENTIALS))
        .hasMessage(
            "assuming role "
                + ROLE
                + " for profile 'base' failed: AccessDenied: User: arn:aws:iam::111122223333:user/ci"
                + " is not authorized to perform: sts:AssumeRole on resource: "
                + ROLE);
  }

  @Test
  void aCallThatNeverAnswersTimesOutInOneSentenceNamingRegionAndOperation() {
    server.stubFor(
        get(urlPathEqualTo("/detector"))
            .willReturn(okJson("{\"detectorIds\":[]}").withFixedDelay(3_000)));
    clients =
        new AwsClients(
            session()
                .withTimeouts(
                    new Session.CallTimeouts(Duration.ofMillis(300), Duration.ofMillis(700))),
            List.of(),
            files);

    long start = System.nanoTime();
    assertThatThrownBy(() -> new AwsPorts(clients).guardDuty("eu-west-1").findDetector())
        .isInstanceOfSatisfying(
            AwsCallException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(AwsCallException.Kind.TIMEOUT);
              assertThat(e.getMessage())
                  .startsWith("GuardDuty ListDetectors in eu-west-1 timed out: ")
                  .contains("--call-timeout 300ms,700ms")
                  .doesNotContain("\n");
            });
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void allRegionsKeepToTheCallersPartition() {
    server.stubFor(
        post(urlEqualTo("/"))
            .withRequestBody(containing("Action=DescribeRegions"))
            .willReturn(
                xml(
                    "<DescribeRegionsResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">"
                        + "<requestId>r</requestId><regionInfo>"
                        + region("us-east-1", "opt-in-not-required")
                        + region("eu-west-1", "opt-in-not-required")
                        + region("af-south-1", "not-opted-in")
                        + region("cn-north-1", "opt-in-not-required")
                        + region("cn-northwest-1", "opt-in-not-required")
                        + region("us-gov-west-1", "opt-in-not-required")
                        + region("us-gov-east-1", "opt-in-not-required")
                        + "</regionInfo></DescribeRegionsResponse>")));
    clients = new AwsClients(session(), List.of(), files);

    AccountRegions commercial = new AwsPorts(clients).regions().describeRegions("us-east-1");
    AccountRegions china = new AwsPorts(clients).regions().describeRegions("cn-north-1");

    assertThat(commercial.enabled()).containsExactly("us-east-1", "eu-west-1");
    assertThat(commercial.notOptedIn()).containsExactly("af-south-1");
    assertThat(china.enabled()).containsExactly("cn-north-1", "cn-northwest-1");
    assertThat(RegionDirectoryAdapter.partitionOf("us-gov-west-9")).isEqualTo("aws-us-gov");
  }

  private Session session() {
    return new Session(
        Optional.of("base"),
        Optional.of(URI.create(server.baseUrl())),
        2,
        Optional.empty(),
        Session.CallTimeouts.DEFAULT,
        List.of());
  }

  private static String region(String name, String optIn) {
    return "<item><regionName>"
        + name
        + "</regionName><regionEndpoint>ec2."
        + name
        + ".amazonaws.com</regionEndpoint><optInStatus>"
        + optIn
        + "</optInStatus></item>";
  }

  private static String assumeRoleResponse(Instant expiry) {
    return "<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
        + "<AssumeRoleResult><Credentials><AccessKeyId>ASIAASSUMED</AccessKeyId>"
        + "<SecretAccessKey>assumed-secret</SecretAccessKey><SessionToken>session-token</SessionToken>"
        + "<Expiration>"
        + expiry
        + "</Expiration></Credentials><AssumedRoleUser><AssumedRoleId>AROA:ci-run</AssumedRoleId>"
        + "<Arn>arn:aws:sts::111122223333:assumed-role/irctl-apply/ci-run</Arn></AssumedRoleUser>"
        + "</AssumeRoleResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata>"
        + "</AssumeRoleResponse>";
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder xml(String body) {
    return aResponse().withHeader("Content-Type", "text/xml").withBody(body);
  }

  private static String encoded(String text) {
    return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
  }
}
