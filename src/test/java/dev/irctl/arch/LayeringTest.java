package dev.irctl.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The package rules of docs/architecture.md, read from the sources. */
class LayeringTest {
  @Test
  void cliImportsNeitherTheAdaptersNorTheSdk() throws IOException {
    List<String> offending =
        lines(Path.of("src/main/java/dev/irctl/cli"))
            .filter(
                l ->
                    l.startsWith("import dev.irctl.aws")
                        || l.startsWith("import software.amazon.awssdk")
                        || l.contains(" dev.irctl.aws.")
                        || l.contains("software.amazon.awssdk."))
            .toList();
    assertThat(offending).isEmpty();
  }

  /**
   * The ports speak their own value types: a port that imported a record from engine.rules (whose
   * parts import the ports) would tie the two packages into a cycle.
   */
  @Test
  void portsImportNothingFromTheRestOfTheEngine() throws IOException {
    List<String> offending =
        lines(Path.of("src/main/java/dev/irctl/engine/port"))
            .filter(
                l -> l.startsWith("import dev.irctl.") || l.startsWith("import static dev.irctl."))
            .filter(l -> !l.contains("dev.irctl.engine.port."))
            .toList();
    assertThat(offending).isEmpty();
  }

  @Test
  void theScanSeesThePortSources() throws IOException {
    assertThat(lines(Path.of("src/main/java/dev/irctl/engine/port")))
        .anyMatch(l -> l.startsWith("public interface EventBridgePort"));
  }

  @Test
  void theScanSeesTheCliSources() throws IOException {
    assertThat(lines(Path.of("src/main/java/dev/irctl/cli")).filter(l -> l.startsWith("import ")))
        .anyMatch(l -> l.startsWith("import picocli."));
  }

  /** Every line of every .java file below dir, each prefixed with nothing but its text. */
  static Stream<String> lines(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      List<Path> java = files.filter(p -> p.toString().endsWith(".java")).toList();
      return java.stream()
          .flatMap(
              p -> {
                try {
                  return Files.readAllLines(p).stream().map(String::trim);
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              });
    }
  }
}
