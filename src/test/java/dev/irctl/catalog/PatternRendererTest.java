package dev.irctl.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.irctl.ExitCode;
import dev.irctl.UserException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PatternRendererTest {
  private static final String BUCKETS =
      "{\"name\":\"bucketNames\",\"description\":\"Honey buckets\",\"type\":\"stringList\",\"required\":true,"
          + "\"example\":[\"corp-backups-honey\"]}";
  private static final String TOPIC =
      "{\"name\":\"topicArn\",\"description\":\"Topic\",\"type\":\"string\",\"required\":true,\"example\":\"arn:aws:sns:eu-west-1:111122223333:t\"}";

  private final PatternRenderer renderer = new PatternRenderer();

  @Test
  void stringListAsAnObjectMemberBecomesTheArray() {
    Rule rule =
        TestRules.rule("honey")
            .parameter(BUCKETS)
            .pattern("{\"detail\":{\"requestParameters\":{\"bucketName\":\"${bucketNames}\"}}}")
            .build();

    assertThat(renderer.render(rule, Map.of("bucketNames", "a-honey, b-honey")))
        .isEqualTo(
            TestEvents.json(
                "{\"detail\":{\"requestParameters\":{\"bucketName\":[\"a-honey\",\"b-honey\"]}}}"));
  }

  private static final String DEPLOYERS =
      "{\"name\":\"deployerPrincipalArns\",\"description\":\"Deployers\",\"type\":\"stringList\","
          + "\"required\":false,\"example\":[\"arn:aws:iam::111122223333:user/ci\"]}";

  @Test
  void anUnsetOptionalParameterTakesItsEmptiedObjectsAndArraysWithIt() {
    Rule rule =
        TestRules.rule("tamper")
            .parameter(DEPLOYERS)
            .pattern(
                "{\"detail\":{\"eventName\":[\"PutRule\"],\"userIdentity\":{\"arn\":"
                    + "[{\"anything-but\":{\"wildcard\":\"${deployerPrincipalArns}\"}}]}}}")
            .build();

    assertThat(renderer.render(rule, Map.of()))
        .isEqualTo(TestEvents.json("{\"detail\":{\"eventName\":[\"PutRule\"]}}"));
    assertThat(renderer.render(rule, Map.of("deployerPrincipalArns", "arn:a,arn:b/*")))
        .isEqualTo(
            TestEvents.json(
                "{\"detail\":{\"eventName\":[\"PutRule\"],\"userIdentity\":{\"arn\":"
                    + "[{\"anything-but\":{\"wildcard\":[\"arn:a\",\"arn:b/*\"]}}]}}}"));
  }

  @Test
  void stringListInsideAnArrayIsSplicedIn() {
    Rule rule =
        TestRules.rule("honey")
            .parameter(BUCKETS)
            .pattern(
                "{\"detail\":{\"bucketName\":[\"always-honey\",\"${bucketNames}\",{\"prefix\":\"honey-\"}]}}")
            .build();

    assertThat(renderer.render(rule, Map.of("bucketNames", "a,b")))
        .isEqualTo(
            TestEvents.json(
                "{\"detail\":{\"bucketName\":[\"always-honey\",\"a\",\"b\",{\"prefix\":\"honey-\"}]}}"));
  }

  @Test
  void stringAsAnObjectMemberBecomesAOneElementArray() {
    Rule rule =
        TestRules.rule("topic")
            .parameter(TOPIC)
            .pattern("{\"detail\":{\"requestParameters\":{\"topicArn\":\"${topicArn}\"}}}")
            .build();

    assertThat(
            renderer
                .render(rule, Map.of("topicArn", "arn:x,y"))
                .at("/detail/requestParameters/topicArn"))
        .isEqualTo(TestEvents.json("[\"arn:x,y\"]"));
  }

  @Test
  void stringInsideAnArrayReplacesTheElement() {
    Rule rule =
        TestRules.rule("topic")
            .parameter(TOPIC)
            .pattern("{\"detail\":{\"topicArn\":[\"${topicArn}\",\"arn:other\"]}}")
            .build();

    assertThat(renderer.render(rule, Map.of("topicArn", "arn:mine")).at("/detail/topicArn"))
        .isEqualTo(TestEvents.json("[\"arn:mine\",\"arn:other\"]"));
  }

  @Test
  void aStringParameterInsideALongerStringIsExpandedThere() {
    Rule rule =
        TestRules.rule("topic")
            .parameter(TOPIC)
            .pattern(
                "{\"detail\":{\"topicArn\":[{\"wildcard\":\"arn:aws*:sns:*:*:${topicArn}\"}],\"x\":[\"${topicArn}:${topicArn}\"]}}")
            .build();

    ObjectNode rendered = renderer.render(rule, Map.of("topicArn", "alerts"));
    assertThat(rendered.at("/detail/topicArn/0/wildcard").asText())
        .isEqualTo("arn:aws*:sns:*:*:alerts");
    assertThat(rendered.at("/detail/x/0").asText()).isEqualTo("alerts:alerts");
  }

  @Test
  void anEmbeddedParameterWithoutAValueIsAUsageErrorNotADropOut() {
    Rule rule =
        TestRules.rule("o")
            .parameter(
                "{\"name\":\"only\",\"description\":\"d\",\"type\":\"string\",\"required\":false,\"example\":\"e\"}")
            .pattern("{\"detail\":{\"arn\":[\"pre-${only}\"]}}")
            .build();

    assertThatThrownBy(() -> renderer.render(rule, Map.of()))
        .isInstanceOf(UserException.class)
        .hasMessageContaining("${only} is inside a longer string of rule o");
    assertThat(new CatalogValidator().validate(rule))
        .filteredOn(Finding::isError)
        .extracting(Finding::message)
        .anySatisfy(
            m -> assertThat(m).contains("must be of type string and required or defaulted"));
  }

  @Test
  void missingRequiredParameterNamesTheRuleAndTheFlagToAdd() {
    Rule rule =
        TestRules.rule("test-honey-bucket-access")
            .parameter(BUCKETS)
            .pattern("{\"detail\":{\"bucketName\":\"${bucketNames}\"}}")
            .build();

    assertThatThrownBy(() -> renderer.render(rule, Map.of()))
        .isInstanceOf(UserException.class)
        .hasMessage(
            "rule test-honey-bucket-access needs parameter bucketNames: add --set bucketNames=<value> (example: corp-backups-honey)")
        .satisfies(e -> assertThat(((UserException) e).exitCode()).isEqualTo(ExitCode.USAGE));
    assertThat(renderer.canRender(rule, Map.of())).isFalse();
    assertThat(renderer.missing(rule, Map.of()))
        .extracting(RuleParameter::name)
        .containsExactly("bucketNames");
  }

  @Test
  void defaultAppliesUnlessSet() {
    Rule rule =
        TestRules.rule("d")
            .parameter(
                "{\"name\":\"prefix\",\"description\":\"d\",\"type\":\"string\",\"required\":false,\"example\":\"e\",\"default\":\"irctl-\"}")
            .pattern("{\"detail\":{\"name\":[{\"prefix\":\"x\"},\"${prefix}\"]}}")
            .build();

    assertThat(renderer.render(rule, Map.of()).at("/detail/name/1").asText()).isEqualTo("irctl-");
    assertThat(renderer.render(rule, Map.of("prefix", "mine-")).at("/detail/name/1").asText())
        .isEqualTo("mine-");
  }

  @Test
  void optionalParameterWithoutValueDropsOut() {
    Rule rule =
        TestRules.rule("o")
            .parameter(
                "{\"name\":\"only\",\"description\":\"d\",\"type\":\"stringList\",\"required\":false,\"example\":[\"e\"]}")
            .pattern(
                "{\"source\":[\"aws.sns\"],\"detail\":{\"topic\":\"${only}\",\"arn\":[\"${only}\"],\"keep\":[\"k\",\"${only}\"]}}")
            .build();

    assertThat(renderer.render(rule, Map.of()))
        .isEqualTo(TestEvents.json("{\"source\":[\"aws.sns\"],\"detail\":{\"keep\":[\"k\"]}}"));
  }

  @Test
  void renderingLeavesTheRulesPatternUntouched() {
    Rule rule =
        TestRules.rule("honey")
            .parameter(BUCKETS)
            .pattern("{\"detail\":{\"bucketName\":\"${bucketNames}\"}}")
            .build();
    String before = rule.eventPattern().toString();

    renderer.render(rule, Map.of("bucketNames", "a"));
    renderer.renderWithExamples(rule);

    assertThat(rule.eventPattern().toString()).isEqualTo(before);
  }

  @Test
  void renderWithExamplesUsesEveryParametersExample() {
    Rule rule =
        TestRules.rule("honey")
            .parameter(BUCKETS)
            .parameter(TOPIC)
            .pattern("{\"detail\":{\"bucketName\":\"${bucketNames}\",\"topic\":\"${topicArn}\"}}")
            .build();

    assertThat(renderer.renderWithExamples(rule))
        .isEqualTo(
            TestEvents.json(
                "{\"detail\":{\"bucketName\":[\"corp-backups-honey\"],\"topic\":[\"arn:aws:sns:eu-west-1:111122223333:t\"]}}"));
  }

  @Test
  void undeclaredPlaceholderIsAnError() {
    Rule rule = TestRules.rule("u").pattern("{\"detail\":{\"x\":\"${nobody}\"}}").build();

    assertThatThrownBy(() -> renderer.render(rule, Map.of()))
        .hasMessageContaining("uses ${nobody} but rule u declares no parameter nobody");
  }

  @Test
  void emptyListValueIsAUsageError() {
    Rule rule =
        TestRules.rule("honey")
            .parameter(BUCKETS)
            .pattern("{\"detail\":{\"b\":\"${bucketNames}\"}}")
            .build();

    assertThatThrownBy(() -> renderer.render(rule, Map.of("bucketNames", " , ")))
        .hasMessageContaining("--set bucketNames= needs a value");
  }

  @Test
  void unknownSetNamesAreRejected() {
    Rule honey = TestRules.rule("honey").parameter(BUCKETS).build();
    Rule plain = TestRules.rule("plain").build();

    assertThatThrownBy(
            () -> PatternRenderer.rejectUnknown(List.of(honey), Map.of("bucketName", "x")))
        .isInstanceOf(UserException.class)
        .hasMessage(
            "--set bucketName: rule honey has no parameter bucketName; known parameters: bucketNames. Did you mean bucketNames?");
    assertThatThrownBy(() -> PatternRenderer.rejectUnknown(List.of(plain), Map.of("x", "y")))
        .hasMessageContaining("(it takes no parameters)");
    PatternRenderer.rejectUnknown(List.of(honey, plain), Map.of("bucketNames", "x"));
  }

  @Test
  void settingsForOtherRulesAreIgnoredWhenRendering() {
    Rule plain = TestRules.rule("plain").build();

    assertThat(renderer.render(plain, Map.of("bucketNames", "x"))).isEqualTo(plain.eventPattern());
  }
}
