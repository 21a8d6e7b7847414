package dev.irctl.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The catalog the build copies from the repo's {@code rules/} into the jar as {@code irctl-rules/}.
 * A jar cannot list a directory cheaply, so the build also writes {@code irctl-rules/index.txt},
 * one file name a line.
 */
final class BundledRules {
  static final String ROOT = "/irctl-rules/";

  private BundledRules() {}

  static List<RuleFile> files() {
    List<RuleFile> files = new ArrayList<>();
    for (String line : read("index.txt").split("\n")) {
      String fileName = line.strip();
      if (!fileName.isEmpty()) {
        files.add(new RuleFile("rules/" + fileName, fileName, bytes(fileName)));
      }
    }
    return files;
  }

  /** The catalog version, from the repo's {@code rules/VERSION}. */
  static String version() {
    return read("VERSION").strip();
  }

  private static String read(String name) {
    return new String(bytes(name), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String name) {
    try (InputStream in = BundledRules.class.getResourceAsStream(ROOT + name)) {
      if (in == null) {
        // Only a broken build gets here (e.g. classes compiled by an IDE without Maven's
        // process-resources).
        throw new IllegalStateException(
            ROOT + name + " is missing from the classpath; rebuild with ./mvnw package");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
