package dev.irctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.irctl.catalog.TestCatalogs;
import dev.irctl.catalog.TestEvents;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RulesCommandTest {
  private static final String VALID = TestCatalogs.path("valid").toString();

  @TempDir Path dir;

  private static CliRun rules(String... args) {
    return CliRun.run(CliRun.noAws(), List.of("rules"), args);
  }

  @Test
  void listPrintsATableOfIdSeveritySCopeAndTitle() {
    CliRun run = rules("list", "--catalog", VALID, "--no-bundled");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines().toList()).first().asString().matches("ID +SEVERITY +SCOPE +TITLE");
    assertThat(run.out())
        .contains(
            "iam-access-key-change        medium    global    Access key created, updated or deleted");
    assertThat(run.err()).contains("4 rules, catalog version none");
  }

  @Test
  void listAsJson() {
    CliRun run = rules("list", "--catalog", VALID, "--output", "json");

    JsonNode json = TestEvents.json(run.out());
    assertThat(run.exitCode()).isZero();
    assertThat(json.path("version").asText()).isNotEqualTo("none");
    assertThat(json.path("rules"))
        .anySatisfy(
            rule -> {
              assertThat(rule.path("id").asText()).isEqualTo("root-account-usage");
              assertThat(rule.path("severity").asText()).isEqualTo("critical");
              assertThat(rule.path("scope").asText()).isEqualTo("regional");
            });
  }

  @Test
  void noBundledWithoutACatalogIsAUsageError() {
    CliRun run = rules("list", "--no-bundled");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("error: --no-bundled leaves no rules: add --catalog DIR");
  }

  @Test
  void showRendersThePatternWithTheSetValues() {
    CliRun run =
        rules(
            "show",
            "test-honey-bucket-access",
            "--catalog",
            VALID,
            "--set",
            "bucketNames=a-honey,b-honey");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("test-honey-bucket-access: Honey bucket listed or read")
        .contains("bucketNames (stringList, required)")
        .contains("S3 data events for the bucket must be logged")
        .containsPattern("\"bucketName\" : \\[ \"a-honey\", \"b-honey\" \\]");
  }

  @Test
  void showAsJsonHasTheRenderedPattern() {
    CliRun run =
        rules(
            "show",
            "test-honey-bucket-access",
            "--catalog",
            VALID,
            "--use-examples",
            "--output",
            "json");

    JsonNode json = TestEvents.json(run.out());
    assertThat(json.at("/renderedPattern/detail/requestParameters/bucketName/0").asText())
        .isEqualTo("corp-backups-honey");
    assertThat(json.at("/eventPattern/detail/requestParameters/bucketName").asText())
        .isEqualTo("${bucketNames}");
    assertThat(json.path("ruleState").asText()).isEqualTo("ENABLED");
  }

  @Test
  void showWithoutARequiredParameterSaysWhichSetToAdd() {
    CliRun run = rules("show", "test-honey-bucket-access", "--catalog", VALID);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip())
        .isEqualTo(
            "error: rule test-honey-bucket-access needs parameter bucketNames:"
                + " add --set bucketNames=<value> (example: corp-backups-honey)");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void showWithAnUnknownSetNameIsAUsageError() {
    CliRun run = rules("show", "root-account-usage", "--catalog", VALID, "--set", "bucketNames=x");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains(
            "--set bucketNames: rule root-account-usage has no parameter bucketNames (it takes no parameters).");
  }

  @Test
  void showUnknownRuleIsAUsageError() {
    CliRun run = rules("show", "nope", "--catalog", VALID);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("no rule with id nope");
  }

  @Test
  void validatePassesTheValidCatalog() {
    CliRun run = rules("validate", "--catalog", VALID, "--no-bundled");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("4 rules checked: 0 errors, 0 warnings");
  }

  @Test
  void validateFailsWithExitOneOnASemanticError() {
    CliRun run =
        rules("validate", "--catalog", TestCatalogs.path("semantic").toString(), "--no-bundled");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains("error: ")
        .contains(
            "iam-key-regional.json: scope is regional but aws.iam events arrive in us-east-1 only")
        .contains("1 rules checked: 1 errors");
  }

  @Test
  void validateAsJson() {
    CliRun run =
        rules(
            "validate",
            "--catalog",
            TestCatalogs.path("semantic").toString(),
            "--no-bundled",
            "--output",
            "json");

    JsonNode json = TestEvents.json(run.out());
    assertThat(json.path("valid").asBoolean()).isFalse();
    assertThat(json.path("findings").get(0).path("level").asText()).isEqualTo("error");
    assertThat(json.path("findings").get(0).path("rule").asText()).isEqualTo("iam-key-regional");
  }

  static Stream<Arguments> brokenCatalogs() {
    return Stream.of(
        Arguments.of(
            "validate",
            List.of(TestCatalogs.path("malformed").toString()),
            List.of("broken-rule.json: malformed JSON at line 3, column 21")),
        Arguments.of(
            "list",
            List.of(TestCatalogs.path("schema-errors").toString()),
            List.of("bad-severity.json does not match the rule schema", "at /severity:")),
        Arguments.of(
            "list",
            List.of(VALID, TestCatalogs.path("duplicate").toString()),
            List.of("duplicate rule id root-account-usage")));
  }

  /** Malformed JSON (file, line, column), a schema error (the pointer), a duplicate id. */
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("brokenCatalogs")
  void aCatalogThatCannotBeReadIsExitTwoNamingWhere(
      String command, List<String> catalogs, List<String> expected) {
    List<String> args = new java.util.ArrayList<>(List.of(command));
    catalogs.forEach(c -> args.addAll(List.of("--catalog", c)));

    CliRun run = rules(args.toArray(String[]::new));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("error: ");
    expected.forEach(fragment -> assertThat(run.err()).contains(fragment));
  }

  @Test
  void testPrintsAPassTableAndExitsZero() {
    CliRun run = rules("test", "--catalog", VALID, "--no-bundled");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .containsPattern("guardduty-finding-medium-up +2/2 +2/2 +pass")
        .contains("16 examples of 4 rules: 16 passed, 0 failed");
  }

  @Test
  void testExitsOneAndNamesTheFailingExample() {
    CliRun run =
        rules("test", "--catalog", TestCatalogs.path("failing").toString(), "--no-bundled");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .containsPattern("guardduty-finding-leaky +2/2 +1/2 +FAIL")
        .contains(
            "FAIL guardduty-finding-leaky noMatch example 1 (GuardDuty Finding): the rule fires on this event but should not");
  }

  @Test
  void testOneRuleAsJson() {
    CliRun run = rules("test", "root-account-usage", "--catalog", VALID, "--output", "json");

    JsonNode json = TestEvents.json(run.out());
    assertThat(run.exitCode()).isZero();
    assertThat(json.path("passed").asBoolean()).isTrue();
    assertThat(json.path("rules").asInt()).isEqualTo(1);
    assertThat(json.path("results"))
        .hasSize(4)
        .allSatisfy(r -> assertThat(r.path("rule").asText()).isEqualTo("root-account-usage"));
  }

  @Test
  void matchReplaysCloudTrailRecordsFromAFile() throws IOException {
    Path file = dir.resolve("trail.json");
    Files.writeString(
        file,
        "{\"Records\":["
            + TestEvents.record("iam.amazonaws.com", "CreateAccessKey")
            + ","
            + TestEvents.record("iam.amazonaws.com", "CreateUser")
            + "]}");

    CliRun run =
        rules(
            "match",
            file.toString(),
            "--catalog",
            VALID,
            "--no-bundled",
            "--set",
            "bucketNames=honey");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines().toList())
        .containsExactly(
            "1  2025-03-01T12:00:00Z  CreateAccessKey  iam-access-key-change",
            "2  2025-03-01T12:00:00Z  CreateUser  -");
    assertThat(run.err()).contains("2 events, 1 fired at least one rule (iam-access-key-change)");
  }

  @Test
  void matchReadsJsonLinesFromStdinAndWritesJsonLines() {
    String lines = TestEvents.guardDutyFinding(7.5) + "\n" + TestEvents.guardDutyFinding(2) + "\n";
    CliRun run =
        withStdin(
            lines,
            () -> rules("match", "-", "--catalog", VALID, "--no-bundled", "--output", "json"));

    List<String> out = run.out().lines().toList();
    assertThat(run.exitCode()).isZero();
    assertThat(out).hasSize(2);
    assertThat(TestEvents.json(out.get(0)).path("rules").get(0).asText())
        .isEqualTo("guardduty-finding-medium-up");
    assertThat(TestEvents.json(out.get(0)).path("input").asText()).isEqualTo("stdin");
    assertThat(TestEvents.json(out.get(1)).path("rules")).isEmpty();
    assertThat(run.err())
        .contains(
            "warning: skipping rule test-honey-bucket-access: it needs --set bucketNames=<value>")
        .contains("2 events, 1 fired at least one rule");
  }

  @Test
  void matchOnlyMatchesAndSeveralInputs() throws IOException {
    Path one = dir.resolve("one.json");
    Path two = dir.resolve("two.json");
    Files.writeString(
        one, "[" + TestEvents.guardDutyFinding(1) + "," + TestEvents.guardDutyFinding(9) + "]");
    Files.writeString(two, TestEvents.guardDutyFinding(5).toString());

    CliRun run =
        rules(
            "match",
            one.toString(),
            two.toString(),
            "--only-matches",
            "--catalog",
            VALID,
            "--no-bundled");

    assertThat(run.out().lines().toList())
        .containsExactly(
            one + ":2  2025-03-01T12:00:00Z  GuardDuty Finding  guardduty-finding-medium-up",
            two + ":1  2025-03-01T12:00:00Z  GuardDuty Finding  guardduty-finding-medium-up");
  }

  @Test
  void matchOnAMissingFileIsAUsageError() {
    CliRun run = rules("match", dir.resolve("nope.json").toString(), "--catalog", VALID);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("nope.json: no such file.");
  }

  @Test
  void matchOnMalformedInputIsAUsageError() throws IOException {
    Path file = dir.resolve("bad.jsonl");
    Files.writeString(file, TestEvents.guardDutyFinding(5) + "\n{oops}\n");

    CliRun run = rules("match", file.toString(), "--catalog", VALID, "--no-bundled");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("bad.jsonl: malformed JSON at line 2, column 2");
  }

  @Test
  void docsPrintsTheMarkdownTable() {
    CliRun run = rules("docs", "--catalog", VALID, "--no-bundled");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("| id | severity | scope | what it catches | prerequisites |")
        .contains("| `test-honey-bucket-access` | high | regional |")
        .contains("`--set bucketNames=...`");
  }

  @ParameterizedTest
  @ValueSource(strings = {"list", "show", "validate", "test", "match", "docs"})
  void everyCommandsHelpHasAnExample(String command) {
    CliRun run = rules(command, "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Examples:").contains("  irctl rules " + command);
  }

  @Test
  void rulesHelpListsTheCommands() {
    CliRun run = rules("--help");

    assertThat(run.out())
        .contains("list")
        .contains("show")
        .contains("validate")
        .contains("test")
        .contains("match")
        .contains("docs");
  }

  private static CliRun withStdin(String input, java.util.function.Supplier<CliRun> body) {
    InputStream original = System.in;
    System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
    try {
      return body.get();
    } finally {
      System.setIn(original);
    }
  }
}
