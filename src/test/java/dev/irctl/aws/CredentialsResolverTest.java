package dev.irctl.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.irctl.engine.port.AwsCallException;
import dev.irctl.engine.port.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentials;

/** Credentials and region resolution from temporary AWS config files: no network. */
class CredentialsResolverTest {
  @TempDir Path dir;

  // The build sets aws.region and fake aws.accessKeyId for every test; each test here sets its own
  // and puts the build's back.
  private static final List<String> PROPERTIES =
      List.of("aws.accessKeyId", "aws.secretAccessKey", "aws.region", "aws.profile");
  private final java.util.Map<String, String> saved = new java.util.HashMap<>();

  @org.junit.jupiter.api.BeforeEach
  void saveAmbientSettings() {
    PROPERTIES.forEach(p -> saved.put(p, System.getProperty(p)));
    System.clearProperty("aws.region");
  }

  @AfterEach
  void restoreAmbientSettings() {
    saved.forEach(
        (key, value) -> {
          if (value == null) {
            System.clearProperty(key);
          } else {
            System.setProperty(key, value);
          }
        });
  }

  @Test
  void aNamedProfileWinsOverAmbientKeys() throws Exception {
    ProfileFiles files =
        files("", "[ci]\naws_access_key_id = AKIAPROFILE\naws_secret_access_key = s3cret\n");
    // The SDK's default chain reads these before any profile, as it does AWS_ACCESS_KEY_ID.
    System.setProperty("aws.accessKeyId", "AKIAAMBIENT");
    System.setProperty("aws.secretAccessKey", "ambient");

    try (AwsClients clients = clients(Optional.of("ci"), files)) {
      clients.checkCredentials();
      AwsCredentials credentials = clients.credentials().resolveCredentials();

      assertThat(credentials.accessKeyId()).isEqualTo("AKIAPROFILE");
    }
  }

  @Test
  void aProfileThatDoesNotExistIsAUsageErrorNamingTheFilesSearched() throws Exception {
    ProfileFiles files = files("[profile other]\nregion = eu-west-1\n", "");
    System.setProperty("aws.accessKeyId", "AKIAAMBIENT");
    System.setProperty("aws.secretAccessKey", "ambient");

    try (AwsClients clients = clients(Optional.of("nosuch"), files)) {
      assertThatThrownBy(clients::checkCredentials)
          .isInstanceOfSatisfying(
              AwsCallException.class,
              e -> assertThat(e.kind()).isEqualTo(AwsCallException.Kind.NO_SUCH_PROFILE))
          .hasMessageContaining("'nosuch'")
          .hasMessageContaining(files.config().toString())
          .hasMessageContaining(files.credentials().toString());
    }
  }

  @Test
  void anSsoProfileWithoutAValidSessionSaysToLogIn() throws Exception {
    ProfileFiles files =
        files(
            "[profile sso-admin]\n"
                + "sso_start_url = https://irctl-test-"
                + System.nanoTime()
                + ".awsapps.com/start\n"
                + "sso_region = eu-west-1\n"
                + "sso_account_id = 111122223333\n"
                + "sso_role_name = Admin\n"
                + "region = eu-west-1\n",
            "");

    try (AwsClients clients = clients(Optional.of("sso-admin"), files)) {
      assertThatThrownBy(clients::checkCredentials)
          .isInstanceOf(AwsCallException.class)
          .hasMessage(
              "the SSO session for profile 'sso-admin' has expired or was never started:"
                  + " run aws sso login --profile sso-admin");
    }
  }

  @Test
  void theDefaultChainsSsoProfileSaysToLogInToo() throws Exception {
    ProfileFiles files =
        files(
            "[profile corp]\n"
                + "sso_session = corp-sso\n"
                + "sso_account_id = 111122223333\n"
                + "sso_role_name = Admin\n"
                + "[sso-session corp-sso]\n"
                + "sso_start_url = https://irctl-test-"
                + System.nanoTime()
                + ".awsapps.com/start\n"
                + "sso_region = eu-west-1\n",
            "");
    // AWS_PROFILE=corp, no --profile, no keys anywhere.
    System.setProperty("aws.profile", "corp");
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");

    try (AwsClients clients = clients(Optional.empty(), files)) {
      assertThatThrownBy(clients::checkCredentials)
          .isInstanceOf(AwsCallException.class)
          .hasMessage(
              "the SSO session for profile 'corp' has expired or was never started:"
                  + " run aws sso login --profile corp");
    }
  }

  @Test
  void aProfileWithoutCredentialsSaysWhatTheSdkFound() throws Exception {
    ProfileFiles files = files("[profile empty]\nregion = eu-west-1\n", "");

    try (AwsClients clients = clients(Optional.of("empty"), files)) {
      assertThatThrownBy(clients::checkCredentials)
          .isInstanceOfSatisfying(
              AwsCallException.class,
              e -> assertThat(e.kind()).isEqualTo(AwsCallException.Kind.NO_CREDENTIALS))
          .hasMessageStartingWith("AWS credentials for profile 'empty' could not be loaded: ")
          .hasMessageNotContaining("\n");
    }
  }

  @Test
  void theProfilesRegionIsReadFromTheConfigFileWithoutInstanceMetadata() throws Exception {
    assumeThat(System.getenv("AWS_REGION")).isNull();
    ProfileFiles files = files("[profile eu]\nregion = eu-north-1\n[profile none]\n", "");

    try (AwsClients eu = clients(Optional.of("eu"), files);
        AwsClients none = clients(Optional.of("none"), files)) {
      assertThat(eu.configuredRegion()).contains("eu-north-1");
      long start = System.nanoTime();
      assertThat(none.configuredRegion()).isEmpty();
      assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(500);
    }
  }

  @Test
  void theHomeRegionForGlobalCallsIsTheFirstNamedRegionWhenNoneIsConfigured() throws Exception {
    assumeThat(System.getenv("AWS_REGION")).isNull();
    ProfileFiles files = files("[profile none]\n", "");
    Session session =
        new Session(
            Optional.of("none"),
            Optional.empty(),
            2,
            Optional.empty(),
            Session.CallTimeouts.DEFAULT,
            List.of("cn-north-1", "cn-northwest-1"));

    try (AwsClients clients = new AwsClients(session, List.of(), files)) {
      assertThat(clients.homeRegion()).isEqualTo("cn-north-1");
    }
  }

  private ProfileFiles files(String config, String credentials) throws Exception {
    Path configFile = dir.resolve("config");
    Path credentialsFile = dir.resolve("credentials");
    Files.writeString(configFile, config);
    Files.writeString(credentialsFile, credentials);
    return new ProfileFiles(configFile, credentialsFile);
  }

  private static AwsClients clients(Optional<String> profile, ProfileFiles files) {
    return new AwsClients(new Session(profile, Optional.empty(), 2), List.of(), files);
  }
}
