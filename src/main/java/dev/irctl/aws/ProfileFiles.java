package dev.irctl.aws;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileFileLocation;
import software.amazon.awssdk.profiles.ProfileFileSystemSetting;

/**
 * The AWS config and credentials files, where the aws CLI looks for them ({@code AWS_CONFIG_FILE},
 * {@code AWS_SHARED_CREDENTIALS_FILE}, else {@code ~/.aws/config} and {@code ~/.aws/credentials});
 * tests pass their own.
 */
final class ProfileFiles {
  private final Path config;
  private final Path credentials;
  private volatile ProfileFile loaded;

  ProfileFiles(Path config, Path credentials) {
    this.config = config;
    this.credentials = credentials;
  }

  Path config() {
    return config;
  }

  Path credentials() {
    return credentials;
  }

  static ProfileFiles fromEnvironment() {
    return new ProfileFiles(
        ProfileFileLocation.configurationFilePath(), ProfileFileLocation.credentialsFilePath());
  }

  /**
   * Both files merged as the SDK reads them, read once per run (the same instance every time, so
   * the SDK's providers keep their cached credentials); a missing file contributes nothing.
   */
  ProfileFile load() {
    if (loaded == null) {
      synchronized (this) {
        if (loaded == null) {
          loaded = read();
        }
      }
    }
    return loaded;
  }

  private ProfileFile read() {
    ProfileFile.Aggregator aggregator = ProfileFile.aggregator();
    if (Files.isRegularFile(config)) {
      aggregator.addFile(
          ProfileFile.builder().content(config).type(ProfileFile.Type.CONFIGURATION).build());
    }
    if (Files.isRegularFile(credentials)) {
      aggregator.addFile(
          ProfileFile.builder().content(credentials).type(ProfileFile.Type.CREDENTIALS).build());
    }
    return aggregator.build();
  }

  Optional<Profile> profile(String name) {
    return load().profile(name);
  }

  /** AWS_PROFILE (or the aws.profile system property), else {@code default}. */
  static String defaultProfileName() {
    return ProfileFileSystemSetting.AWS_PROFILE.getStringValueOrThrow();
  }

  /** For error messages: the two paths searched. */
  String searched() {
    return config + " and " + credentials;
  }
}
