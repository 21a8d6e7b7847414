package dev.irctl.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogValidatorTest {
  private final CatalogValidator validator = new CatalogValidator();

  @Test
  void theValidTestCatalogHasNoFindings() {
    assertThat(validator.validate(TestCatalogs.load("valid"))).isEmpty();
  }

  @Test
  void aDefaultTestRuleIsClean() {
    assertThat(validator.validate(TestRules.rule("clean").build())).isEmpty();
  }

  @Test
  void renderedPatternLongerThan2048CharactersIsAnError() {
    StringBuilder names = new StringBuilder("[");
    for (int i = 0; i < 120; i++) {
      names.append(i == 0 ? "" : ",").append("\"SomeRatherLongEventName").append(i).append("\"");
    }
    Rule rule =
        TestRules.rule("big")
            .pattern("{\"source\":[\"aws.ec2\"],\"detail\":{\"eventName\":" + names + "]}}")
            .build();

    assertThat(errors(rule))
        .anySatisfy(m -> assertThat(m).contains("rendered event pattern is").contains("2048"));
  }

  @Test
  void lengthCountsTheRenderedPatternWithExamples() {
    Rule rule =
        TestRules.rule("param")
            .parameter(
                "{\"name\":\"names\",\"description\":\"d\",\"type\":\"stringList\",\"required\":true,\"example\":[\""
                    + "x".repeat(2100)
                    + "\"]}")
            .pattern("{\"source\":[\"aws.ec2\"],\"detail\":{\"eventName\":\"${names}\"}}")
            .build();

    assertThat(errors(rule)).anySatisfy(m -> assertThat(m).contains("rendered event pattern is"));
  }

  @Test
  void patternEventRulerRejectsIsAnError() {
    Rule rule =
        TestRules.rule("bad")
            .pattern(
                "{\"source\":[\"aws.ec2\"],\"detail\":{\"severity\":[{\"numeric\":[\">=\",\"four\"]}]}}")
            .build();

    assertThat(errors(rule))
        .anySatisfy(
            m ->
                assertThat(m)
                    .startsWith(
                        "event-ruler (EventBridge's matcher) rejects the event pattern: Value of >= must be numeric"));
  }

  @Test
  void undeclaredPlaceholderIsAnErrorAndUnusedParameterAWarning() {
    Rule rule =
        TestRules.rule("p")
            .parameter(
                "{\"name\":\"unused\",\"description\":\"d\",\"type\":\"string\",\"required\":true,\"example\":\"e\"}")
            .pattern(
                "{\"source\":[\"aws.ec2\"],\"detail\":{\"x\":\"${ghost}\",\"${unused}\":[\"arn\"]}}")
            .build();

    List<Finding> findings = validator.validate(rule);

    assertThat(findings)
        .filteredOn(Finding::isError)
        .extracting(Finding::message)
        .containsExactly(
            "the event pattern uses ${ghost} but no parameter ghost is declared in \"parameters\".");
    assertThat(findings)
        .filteredOn(f -> !f.isError())
        .extracting(Finding::message)
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains(
                        "parameter unused is declared but the event pattern never uses ${unused}"))
        .anySatisfy(m -> assertThat(m).contains("\"${unused}\" is not substituted"));
  }

  @Test
  void globalOnlySourcesInARegionalRuleAreAnError() {
    Rule rule = iamRule("regional").build();

    assertThat(errors(rule))
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains("scope is regional but aws.iam events arrive in us-east-1 only"));
  }

  @Test
  void globalRuleWithGlobalSourcesIsClean() {
    assertThat(validator.validate(iamRule("global").build())).isEmpty();
  }

  @Test
  void signinIsNotGlobalOnly() {
    Rule global = signinRule("global").build();
    Rule regional = signinRule("regional").set("consoleSignIns", "\"all\"").build();

    assertThat(errors(global))
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains("scope is global but aws.signin events arrive in the region"));
    assertThat(validator.validate(regional)).isEmpty();
  }

  @Test
  void aSignInRuleWithoutConsoleSignInsIsWarnedThatItMissesTheSignInRegions() {
    List<Finding> findings = validator.validate(signinRule("regional").build());

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.level()).isEqualTo(Finding.Level.WARNING);
              assertThat(f.message())
                  .contains("matches console sign-ins but does not set consoleSignIns")
                  .contains("us-east-1, us-east-2, eu-north-1 or ap-southeast-2");
            });
  }

  @Test
  void consoleSignInsOnARuleThatMatchesNoSignInIsAnError() {
    Rule rule = TestRules.rule("not-signin").set("consoleSignIns", "\"root\"").build();

    assertThat(errors(rule))
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains(
                        "consoleSignIns is root but the pattern names neither source aws.signin"));
  }

  @Test
  void consoleSignInsOnAGlobalRuleIsAnError() {
    Rule rule = signinRule("global").set("consoleSignIns", "\"all\"").build();

    assertThat(errors(rule))
        .anySatisfy(m -> assertThat(m).contains("consoleSignIns is set on a global rule"));
  }

  @Test
  void globalRuleOnStsIsAWarningAboutRegionalEndpoints() {
    Rule rule =
        iamRule("global")
            .pattern(
                "{\"source\":[\"aws.iam\",\"aws.sts\"],\"detail\":{\"eventName\":[\"CreateAccessKey\",\"GetFederationToken\"]}}")
            .build();

    List<Finding> findings = validator.validate(rule);
    assertThat(findings).filteredOn(Finding::isError).isEmpty();
    assertThat(findings)
        .extracting(Finding::message)
        .anySatisfy(m -> assertThat(m).contains("global STS endpoint"));
  }

  @Test
  void globalRuleWithoutSourcesIsAnError() {
    Rule rule =
        iamRule("global").pattern("{\"detail\":{\"eventName\":[\"CreateAccessKey\"]}}").build();

    assertThat(errors(rule)).anySatisfy(m -> assertThat(m).contains("does not list its sources"));
  }

  @Test
  void readOnlyManagementExampleInAWriteRuleIsAnError() {
    ObjectNode describe = TestEvents.apiCall("ec2.amazonaws.com", "DescribeInstances");
    ((ObjectNode) describe.get("detail")).put("readOnly", true);
    TestRules rule =
        TestRules.rule("ro")
            .clearExamples()
            .pattern(
                "{\"source\":[\"aws.ec2\"],\"detail\":{\"eventName\":[\"DescribeInstances\"]}}")
            .match(describe)
            .match(describe)
            .noMatch(TestEvents.apiCall("ec2.amazonaws.com", "RunInstances"))
            .noMatch(TestEvents.apiCall("ec2.amazonaws.com", "StopInstances"));

    assertThat(errors(rule.build()))
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains(
                        "match example 1 (DescribeInstances) is a read-only management event"));
    assertThat(validator.validate(rule.build()))
        .extracting(Finding::message)
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains("the pattern matches DescribeInstances, which looks read-only"));
    assertThat(validator.validate(rule.set("managementEvents", "\"all\"").build())).isEmpty();
  }

  @Test
  void s3ObjectReadsAreDataEventsNotReadOnlyManagementEvents() {
    assertThat(validator.validate(TestCatalogs.load("valid").rule("test-honey-bucket-access")))
        .isEmpty();
  }

  @Test
  void exampleSourceMustBeWhatEventBridgeDerivesFromTheRecord() {
    ObjectNode wrong = TestEvents.apiCall("ec2.amazonaws.com", "TerminateInstances");
    wrong.put("source", "aws.ec2instances");
    Rule rule = TestRules.rule("shape").match(wrong).build();

    assertThat(errors(rule))
        .anySatisfy(
            m ->
                assertThat(m)
                    .isEqualTo(
                        "match example 3 has source aws.ec2instances but EventBridge delivers a record from ec2.amazonaws.com with source aws.ec2."));
  }

  @Test
  void consoleLoginExampleMustUseTheSignInDetailType() {
    ObjectNode login =
        CloudTrailEnvelope.wrap(
            TestEvents.record("signin.amazonaws.com", "ConsoleLogin")
                .put("eventType", "AwsConsoleSignIn"));
    login.put("detail-type", "AWS API Call via CloudTrail");
    Rule rule = signinRule("regional").noMatch(login).build();

    assertThat(errors(rule))
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains("noMatch example 3 has detail-type \"AWS API Call via CloudTrail\"")
                    .contains("\"AWS Console Sign In via CloudTrail\""));
  }

  @Test
  void idLongerThan58CharactersIsAnError() {
    Rule rule = TestRules.rule("x".repeat(59)).build();

    assertThat(errors(rule))
        .anySatisfy(m -> assertThat(m).contains("id is 59 characters; at most 58"));
  }

  @Test
  void fewerThanTwoExamplesIsAnError() {
    Rule rule =
        TestRules.rule("few")
            .clearExamples()
            .match(TestEvents.apiCall("ec2.amazonaws.com", "TerminateInstances"))
            .build();

    assertThat(errors(rule))
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains("needs at least 2 match and 2 noMatch examples; has 1 and 0"));
  }

  private List<String> errors(Rule rule) {
    return validator.validate(rule).stream()
        .filter(Finding::isError)
        .map(Finding::message)
        .toList();
  }

  private static TestRules iamRule(String scope) {
    return TestRules.rule("iam-" + scope)
        .clearExamples()
        .set("scope", "\"" + scope + "\"")
        .pattern("{\"source\":[\"aws.iam\"],\"detail\":{\"eventName\":[\"CreateAccessKey\"]}}")
        .match(usEast1(TestEvents.apiCall("iam.amazonaws.com", "CreateAccessKey")))
        .match(usEast1(TestEvents.apiCall("iam.amazonaws.com", "CreateAccessKey")))
        .noMatch(usEast1(TestEvents.apiCall("iam.amazonaws.com", "DeleteAccessKey")))
        .noMatch(usEast1(TestEvents.apiCall("iam.amazonaws.com", "CreateUser")));
  }

  private static TestRules signinRule(String scope) {
    ObjectNode login = TestEvents.record("signin.amazonaws.com", "ConsoleLogin");
    login.put("eventType", "AwsConsoleSignIn");
    ObjectNode mfa = login.deepCopy().put("eventName", "CheckMfa");
    return TestRules.rule("signin-" + scope)
        .clearExamples()
        .set("scope", "\"" + scope + "\"")
        .pattern(
            "{\"source\":[\"aws.signin\"],\"detail-type\":[\"AWS Console Sign In via CloudTrail\"],\"detail\":{\"eventName\":[\"ConsoleLogin\"]}}")
        .match(usEast1(CloudTrailEnvelope.wrap(login)))
        .match(usEast1(CloudTrailEnvelope.wrap(login)))
        .noMatch(CloudTrailEnvelope.wrap(mfa))
        .noMatch(TestEvents.apiCall("iam.amazonaws.com", "CreateUser"));
  }

  private static ObjectNode usEast1(ObjectNode event) {
    event.put("region", "us-east-1");
    ((ObjectNode) event.get("detail")).put("awsRegion", "us-east-1");
    return event;
  }

  @Test
  void moreThan30WildcardRulesIsAnErrorAndMoreThan100RulesAWarning() {
    java.util.List<Rule> rules = new java.util.ArrayList<>();
    for (int i = 0; i < 101; i++) {
      TestRules rule = TestRules.rule("r" + i);
      if (i < 31) {
        rule.pattern(
            "{\"source\":[\"aws.ec2\"],\"detail\":{\"name\":[{\"wildcard\":\"irctl-*\"}]}}");
      }
      rules.add(rule.build());
    }

    assertThat(validator.checkQuotas(rules))
        .extracting(Finding::level, Finding::message)
        .anySatisfy(
            f -> {
              assertThat(f.toList().get(0)).isEqualTo(Finding.Level.WARNING);
              assertThat((String) f.toList().get(1))
                  .contains("101 rules: more than the 100 rules per event bus")
                  .contains("af-south-1, eu-south-1");
            })
        .anySatisfy(
            f -> {
              assertThat(f.toList().get(0)).isEqualTo(Finding.Level.ERROR);
              assertThat((String) f.toList().get(1)).contains("31 rules use wildcard filters");
            });
    assertThat(validator.checkQuotas(rules.subList(0, 30))).isEmpty();
  }

  @Test
  void theBundledCatalogFitsTheQuotas() {
    assertThat(validator.checkQuotas(Catalog.load(CatalogSources.bundledOnly()).rules()))
        .filteredOn(Finding::isError)
        .isEmpty();
  }
}
