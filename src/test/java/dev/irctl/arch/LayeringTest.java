package dev.irctl.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
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

  private static final Path ENGINE = Path.of("src/main/java/dev/irctl/engine");

  /** A string literal that starts with a flag ({@code "--kms-key"}), or a use of the exit codes. */
  private static final Pattern CLI_WORDING = Pattern.compile("\"--|\\bExitCode\\b");

  /**
   * No flag names and no exit codes in the engine: an error about a value the user gave carries an
   * {@code engine.Input} and the CLI words it with the flag ({@code cli.Flags}).
   */
  @Test
  void theEngineNamesNoFlagAndNoExitCode() throws IOException {
    assertThat(numberedLines(ENGINE).filter(l -> CLI_WORDING.matcher(l).find()).toList()).isEmpty();
  }

  @Test
  void theEngineScanSeesTheEngineSourcesAndWouldCatchAFlag() throws IOException {
    assertThat(numberedLines(ENGINE))
        .anyMatch(l -> l.contains("engine/run/Runner.java:") && l.contains("public final class"))
        .anyMatch(l -> l.contains("engine/rules/CatalogRules.java:"));
    assertThat(CLI_WORDING.matcher("throw usage(\"--kms-key \" + key);").find()).isTrue();
    assertThat(CLI_WORDING.matcher("return ExitCode.USAGE;").find()).isTrue();
    assertThat(CLI_WORDING.matcher("return \"KMS key \" + key;").find()).isFalse();
  }

  /** Every line of every .java file below dir as {@code path:line: text}. */
  static Stream<String> numberedLines(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      List<Path> sources = files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
      return sources.stream()
          .flatMap(
              p -> {
                try {
                  List<String> lines = Files.readAllLines(p);
                  return java.util.stream.IntStream.range(0, lines.size())
                      .mapToObj(i -> p + ":" + (i + 1) + ": " + lines.get(i).trim());
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              });
    }
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
