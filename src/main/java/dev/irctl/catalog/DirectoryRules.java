package dev.irctl.catalog;

import dev.irctl.UserException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The {@code *.json} files directly inside a user's {@code --catalog DIR}; other files are ignored.
 */
final class DirectoryRules {
  private DirectoryRules() {}

  static List<RuleFile> files(Path directory) {
    if (!Files.isDirectory(directory)) {
      throw UserException.usage("--catalog " + directory + ": no such directory.");
    }
    List<Path> paths = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "*.json")) {
      stream.forEach(paths::add);
    } catch (IOException e) {
      throw UserException.usage("--catalog " + directory + ": cannot be read: " + e.getMessage());
    }
    paths.sort(Comparator.comparing(Path::toString));
    List<RuleFile> files = new ArrayList<>();
    for (Path path : paths) {
      files.add(new RuleFile(path.toString(), path.getFileName().toString(), read(path)));
    }
    return files;
  }

  private static byte[] read(Path path) {
    try {
      return Files.readAllBytes(path);
    } catch (IOException e) {
      throw UserException.usage(path + ": cannot be read: " + e.getMessage());
    }
  }
}
