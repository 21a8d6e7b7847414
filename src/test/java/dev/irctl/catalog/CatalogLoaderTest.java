package dev.irctl.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.irctl.ExitCode;
import dev.irctl.UserException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogLoaderTest {
  @TempDir Path dir;

  @Test
  void loadsADirectorySortedByIdWithAllFields() {
    Catalog catalog = TestCatalogs.load("valid");

    assertThat(catalog.rules())
        .extracting(Rule::id)
        .containsExactly(
            "guardduty-finding-medium-up",
            "iam-access-key-change",
            "root-account-usage",
            "test-honey-bucket-access");
    Rule honey = catalog.rule("test-honey-bucket-access");
    assertThat(honey.severity()).isEqualTo(Severity.HIGH);
    assertThat(honey.scope()).isEqualTo(Scope.REGIONAL);
    assertThat(honey.managementEvents()).isEqualTo(ManagementEvents.WRITE);
    assertThat(honey.parameters())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.name()).isEqualTo("bucketNames");
              assertThat(p.type()).isEqualTo(RuleParameter.Type.STRING_LIST);
              assertThat(p.example()).containsExactly("corp-backups-honey");
            });
    assertThat(honey.prerequisites()).hasSize(1);
    assertThat(honey.examples().match()).hasSize(2);
    assertThat(honey.file()).endsWith("test-honey-bucket-access.json");
    assertThat(catalog.version()).isEqualTo(Catalog.NO_VERSION);
  }

  @Test
  void bundledCatalogCarriesTheVersionFromRulesVersion() throws IOException {
    Catalog catalog = Catalog.load(CatalogSources.bundledOnly());

    String expected = Files.readString(repoRoot().resolve("rules/VERSION")).strip();
    assertThat(catalog.version()).isEqualTo(expected).isNotEmpty();
  }

  @Test
  void userDirectoriesAddToTheBundledCatalog() {
    Catalog bundled = Catalog.load(CatalogSources.bundledOnly());
    Catalog both = Catalog.load(new CatalogSources(true, List.of(TestCatalogs.path("valid"))));

    assertThat(both.rules()).hasSize(bundled.rules().size() + 4);
  }

  @Test
  void malformedJsonNamesFileLineAndColumn() {
    assertThatThrownBy(() -> TestCatalogs.load("malformed"))
        .isInstanceOf(UserException.class)
        .hasMessageContaining("broken-rule.json: malformed JSON at line 3, column 21")
        .satisfies(e -> assertThat(((UserException) e).exitCode()).isEqualTo(ExitCode.USAGE));
  }

  @Test
  void duplicateKeysInARuleFileAreMalformed() throws IOException {
    write("twice.json", "{\"id\": \"twice\",\n \"id\": \"twice\"}");

    assertThatThrownBy(this::loadTempDir)
        .hasMessageContaining("twice.json: malformed JSON at line 2")
        .hasMessageContaining("Duplicate field 'id'");
  }

  @Test
  void schemaErrorsNameTheFileThePointerAndWhatWasExpected() {
    assertThatThrownBy(() -> TestCatalogs.load("schema-errors"))
        .isInstanceOf(UserException.class)
        .hasMessageContaining("bad-severity.json does not match the rule schema")
        .hasMessageContaining(
            "at /severity: does not have a value in the enumeration [\"low\", \"medium\", \"high\", \"critical\"]")
        .hasMessageContaining("at the top level: property 'owner' is not defined in the schema");
  }

  @Test
  void consoleSignInsTakesOnlyAllOrRoot() throws IOException {
    write("s.json", TestRules.rule("s").set("consoleSignIns", "\"iam\"").json());

    assertThatThrownBy(this::loadTempDir)
        .hasMessageContaining(
            "at /consoleSignIns: does not have a value in the enumeration [\"all\", \"root\"]");
  }

  @Test
  void schemaRejectsAParameterThatIsRequiredAndHasADefault() throws IOException {
    write(
        "p.json",
        TestRules.rule("p")
            .parameter(
                "{\"name\":\"x\",\"description\":\"d\",\"type\":\"string\",\"required\":true,\"example\":\"e\",\"default\":\"d\"}")
            .json());

    assertThatThrownBy(this::loadTempDir)
        .hasMessageContaining("at /parameters/0/required: must be the constant value 'false'");
  }

  @Test
  void schemaChecksAParameterValueAgainstItsType() throws IOException {
    write(
        "p.json",
        TestRules.rule("p")
            .parameter(
                "{\"name\":\"names\",\"description\":\"d\",\"type\":\"stringList\",\"required\":true,\"example\":\"not-a-list\"}")
            .json());

    assertThatThrownBy(this::loadTempDir)
        .hasMessageContaining("at /parameters/0/example: string found, array expected");
  }

  @Test
  void schemaNeedsTwoExamplesOfEachKind() throws IOException {
    TestRules rule =
        TestRules.rule("few")
            .clearExamples()
            .match(TestEvents.apiCall("ec2.amazonaws.com", "TerminateInstances"));
    write("few.json", rule.json());

    assertThatThrownBy(this::loadTempDir)
        .hasMessageContaining("at /examples/match: must have at least 2 items but found 1")
        .hasMessageContaining("at /examples/noMatch: must have at least 2 items but found 0");
  }

  @Test
  void schemaRejectsAnIdLongerThan58Characters() throws IOException {
    String id = "a".repeat(59);
    write(id + ".json", TestRules.rule(id).json());

    assertThatThrownBy(this::loadTempDir)
        .hasMessageContaining("at /id: must be at most 58 characters long");
  }

  @Test
  void idMustEqualTheFileName() {
    assertThatThrownBy(() -> TestCatalogs.load("misnamed"))
        .hasMessageContaining(
            "some-name.json: id is \"other-name\" but the file is named some-name.json")
        .hasMessageContaining("name the file other-name.json");
  }

  @Test
  void duplicateIdNamesBothFiles() {
    Path valid = TestCatalogs.path("valid");
    Path duplicate = TestCatalogs.path("duplicate");

    assertThatThrownBy(() -> Catalog.load(CatalogSources.directoriesOnly(valid, duplicate)))
        .isInstanceOf(UserException.class)
        .hasMessageContaining("duplicate rule id root-account-usage")
        .hasMessageContaining(valid.resolve("root-account-usage.json").toString())
        .hasMessageContaining(duplicate.resolve("root-account-usage.json").toString());
  }

  @Test
  void reportsEveryBrokenFileAtOnce() throws IOException {
    write("one.json", "{");
    write("two.json", "[]");

    assertThatThrownBy(this::loadTempDir)
        .hasMessageStartingWith("2 problems in the rule catalog:")
        .hasMessageContaining("one.json: malformed JSON")
        .hasMessageContaining("two.json does not match the rule schema");
  }

  @Test
  void ignoresFilesThatAreNotJson() throws IOException {
    write("README.md", "# my rules");
    write("ok.json", TestRules.rule("ok").json());

    assertThat(loadTempDir().rules()).extracting(Rule::id).containsExactly("ok");
  }

  @Test
  void aMissingDirectoryIsAUsageError() {
    assertThatThrownBy(() -> Catalog.load(CatalogSources.directoriesOnly(dir.resolve("nope"))))
        .hasMessageContaining("--catalog " + dir.resolve("nope") + ": no such directory")
        .satisfies(e -> assertThat(((UserException) e).exitCode()).isEqualTo(ExitCode.USAGE));
  }

  @Test
  void unknownRuleIdIsAUsageError() {
    assertThatThrownBy(() -> TestCatalogs.load("valid").rule("nope"))
        .hasMessageContaining("no rule with id nope")
        .hasMessageContaining("irctl rules list");
  }

  private Catalog loadTempDir() {
    return Catalog.load(CatalogSources.directoriesOnly(dir));
  }

  private void write(String name, String content) throws IOException {
    Files.writeString(dir.resolve(name), content);
  }

  static Path repoRoot() {
    return Path.of(System.getProperty("irctl.repoRoot", "."));
  }
}
