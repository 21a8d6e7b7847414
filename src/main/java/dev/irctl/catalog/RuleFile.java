package dev.irctl.catalog;

/**
 * A rule file's bytes and its name for messages ({@code rules/x.json} for the bundled catalog, the
 * path for a {@code --catalog} directory).
 */
record RuleFile(String name, String fileName, byte[] content) {
  /** The id the file name promises: {@code x.json} holds rule {@code x}. */
  String expectedId() {
    return fileName.substring(0, fileName.length() - ".json".length());
  }
}
