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

  /** A use of the exit codes. */
  private static final Pattern EXIT_CODE = Pattern.compile("\\bExitCode\\b");

  /** A flag anywhere in a string literal: {@code "use --exclude"}, {@code " --region "}. */
  private static final Pattern FLAG = Pattern.compile("--[a-z]");

  /**
   * An AWS CLI command in one literal ({@code "aws sns get-topic-attributes --topic-arn"}): the
   * engine may tell the user what to run in the AWS CLI; its flags are not irctl's.
   */
  private static final Pattern AWS_CLI = Pattern.compile("^[^-]*\\baws [a-z0-9-]+ [a-z0-9-]+ --");

  /**
   * No flag names and no exit codes in the engine: an error about a value the user gave carries an
   * {@code engine.Input} (at its start, or inside a sentence as {@code Input.ref()}) and the CLI
   * words it with the flag ({@code cli.Flags}).
   */
  @Test
  void theEngineNamesNoFlagAndNoExitCode() throws IOException {
    assertThat(numberedLines(ENGINE).filter(l -> EXIT_CODE.matcher(l).find()).toList()).isEmpty();
    assertThat(flagsInLiterals(ENGINE)).isEmpty();
  }

  @Test
  void theEngineScanSeesTheEngineSourcesAndWouldCatchAFlag() throws IOException {
    assertThat(numberedLines(ENGINE))
        .anyMatch(l -> l.contains("engine/run/Runner.java:") && l.contains("public final class"))
        .anyMatch(l -> l.contains("engine/rules/CatalogRules.java:"));
    assertThat(EXIT_CODE.matcher("return ExitCode.USAGE;").find()).isTrue();
    assertThat(flags("throw usage(\"--kms-key \" + key);")).containsExactly("--kms-key ");
    assertThat(flags("x(\"rule \" + id + \" clashes: use --exclude \" + id);"))
        .containsExactly(" clashes: use --exclude ");
    assertThat(flags("String s = \"\"\"\n  leave it out with --prune\n  \"\"\";"))
        .containsExactly("\n  leave it out with --prune\n  ");
    assertThat(flags("y(\"a \\\" --rule\");")).containsExactly("a \\\" --rule");
    assertThat(flags("z(\"aws sns get-topic-attributes --topic-arn \" + arn);")).isEmpty();
    assertThat(flags("z(\"(aws sns list-topics) or use --topic-name\");")).hasSize(1);
    assertThat(flags("z(\"use --topic-name (aws sns list-topics --x)\");")).hasSize(1);
    assertThat(flags("// use --prune\n/** with --exclude */ int x = '\"'; s(\"KMS key \" + k);"))
        .isEmpty();
    assertThat(flags("s(\"the \" + Input.EXCLUDE.ref() + \" \" + id);")).isEmpty();
    assertThat(flags("s(\"-- not a flag, nor --1\");")).isEmpty();
  }

  /** Every string literal under dir that names a flag, as {@code path: literal}. */
  private static List<String> flagsInLiterals(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      List<Path> sources = files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
      List<String> found = new java.util.ArrayList<>();
      for (Path p : sources) {
        flags(Files.readString(p)).forEach(f -> found.add(p + ": \"" + f + "\""));
      }
      return found;
    }
  }

  /** The string literals (plain and text blocks, comments skipped) in source that name a flag. */
  static List<String> flags(String source) {
    return literals(source).stream()
        .filter(l -> FLAG.matcher(l).find() && !AWS_CLI.matcher(l).find())
        .toList();
  }

  /** The string literals of a Java source, raw (escapes kept), outside comments and chars. */
  static List<String> literals(String s) {
    List<String> found = new java.util.ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      if (s.startsWith("//", i)) {
        i = end(s.indexOf('\n', i), s);
      } else if (s.startsWith("/*", i)) {
        i = end(s.indexOf("*/", i + 2), s) + 2;
      } else if (s.startsWith("\"\"\"", i)) {
        int close = end(s.indexOf("\"\"\"", i + 3), s);
        found.add(s.substring(i + 3, close));
        i = close + 3;
      } else if (s.charAt(i) == '"' || s.charAt(i) == '\'') {
        char quote = s.charAt(i);
        int j = i + 1;
        while (j < s.length() && s.charAt(j) != quote) {
          j += s.charAt(j) == '\\' ? 2 : 1;
        }
        if (quote == '"') {
          found.add(s.substring(i + 1, Math.min(j, s.length())));
        }
        i = j + 1;
      } else {
        i++;
      }
    }
    return found;
  }

  private static int end(int index, String s) {
    return index < 0 ? s.length() : index;
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
