package dev.irctl.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The catalog the build copies from the repo's {@code rules/} into the jar as {@code irctl-rules/}.
 * A jar cannot list a directory cheaply, so the build also writes {@code irctl-rules/index.txt},
 * one file name a line. Once every bundled file has passed the schema check ({@link BundleCheck}),
 * the build writes {@link #CHECKED}: the fingerprint of what it checked.
 */
final class BundledRules {
  static final String ROOT = "/irctl-rules/";

  /** The fingerprint of the files and schema the build checked. */
  static final String CHECKED = "schema-checked.txt";

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

  /**
   * True when {@code files} are the ones the build schema-checked, byte for byte and against the
   * same schema. A bundle changed after the build (a jar repacked by hand, the benchmark's) does
   * not match and is checked again. CRC-32 is enough: it guards against a changed file, not against
   * someone who can rewrite the jar, who could change the code as well.
   */
  static boolean checkedAtBuild(List<RuleFile> files) {
    byte[] recorded = optionalBytes(ROOT + CHECKED);
    return recorded != null
        && new String(recorded, StandardCharsets.UTF_8).strip().equals(fingerprint(files));
  }

  /** Over the schema, then each file's name and bytes in order; with the count of files. */
  static String fingerprint(List<RuleFile> files) {
    CRC32 crc = new CRC32();
    crc.update(resource(RuleSchema.RESOURCE));
    for (RuleFile file : files) {
      crc.update(file.fileName().getBytes(StandardCharsets.UTF_8));
      crc.update(0);
      crc.update(file.content());
      crc.update(0);
    }
    return files.size() + " " + Long.toHexString(crc.getValue());
  }

  private static String read(String name) {
    return new String(bytes(name), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String name) {
    return resource(ROOT + name);
  }

  private static byte[] resource(String path) {
    byte[] bytes = optionalBytes(path);
    if (bytes == null) {
      // Only a broken build gets here (e.g. classes compiled by an IDE without Maven's
      // process-resources).
      throw new IllegalStateException(
          path + " is missing from the classpath; rebuild with ./mvnw package");
    }
    return bytes;
  }

  private static byte[] optionalBytes(String path) {
    try (InputStream in = BundledRules.class.getResourceAsStream(path)) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
