package dev.irctl.catalog;

import dev.irctl.UserException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** One source of events for {@link EventReplay}: a file, or standard input ({@code -}). */
public record EventInput(String name, Opener opener) {
  @FunctionalInterface
  public interface Opener {
    InputStream open() throws IOException;
  }

  /** A file; a missing one is a usage error naming it. */
  public static EventInput file(Path path) {
    if (!Files.isRegularFile(path)) {
      throw UserException.usage(path + ": no such file.");
    }
    return new EventInput(path.toString(), () -> Files.newInputStream(path));
  }

  /** Standard input, left open after reading: the process owns it. */
  public static EventInput stdin(InputStream in) {
    return new EventInput(
        "stdin",
        () ->
            new FilterInputStream(in) {
              @Override
              public void close() {}
            });
  }

  /** The raw bytes (maybe gzipped); a usage error naming the input if it cannot be opened. */
  InputStream open() {
    try {
      return opener.open();
    } catch (NoSuchFileException e) {
      throw UserException.usage(name + ": no such file.");
    } catch (IOException e) {
      throw UserException.usage(name + ": cannot be read: " + e.getMessage());
    }
  }
}
