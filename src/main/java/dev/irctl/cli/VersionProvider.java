package dev.irctl.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest, so it cannot drift from the pom. */
public final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = IrctlCommand.class.getPackage().getImplementationVersion();
    return new String[] {
      "irctl " + (version == null ? "development build" : version),
      "Java ${java.version} (${java.vendor}), ${os.name} ${os.arch}"
    };
  }
}
