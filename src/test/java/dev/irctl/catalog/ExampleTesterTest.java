package dev.irctl.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExampleTesterTest {
  private final ExampleTester tester = new ExampleTester();

  @Test
  void everyExampleOfTheValidCatalogPasses() {
    List<ExampleResult> results = tester.run(TestCatalogs.load("valid").rules());

    assertThat(results).hasSize(16).allMatch(ExampleResult::passed);
  }

  @Test
  void aNoMatchExampleThatFiresFailsWithItsReason() {
    List<ExampleResult> results = tester.run(TestCatalogs.load("failing").rules());

    assertThat(results)
        .filteredOn(r -> !r.passed())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.ruleId()).isEqualTo("guardduty-finding-leaky");
              assertThat(r.kind()).isEqualTo(ExampleResult.Kind.NO_MATCH);
              assertThat(r.index()).isEqualTo(1);
              assertThat(r.label()).isEqualTo("GuardDuty Finding");
              assertThat(r.fired()).containsExactly("guardduty-finding-leaky");
              assertThat(r.reason()).hasValue("the rule fires on this event but should not");
            });
  }

  @Test
  void aMatchExampleThatEventBridgeWouldNotDeliverFailsWithTheReason() {
    ObjectNode describe = TestEvents.apiCall("ec2.amazonaws.com", "DescribeInstances");
    ((ObjectNode) describe.get("detail")).put("readOnly", true);
    Rule rule =
        TestRules.rule("ro")
            .clearExamples()
            .pattern(
                "{\"source\":[\"aws.ec2\"],\"detail\":{\"eventName\":[\"DescribeInstances\"]}}")
            .match(describe)
            .match(describe)
            .noMatch(TestEvents.apiCall("ec2.amazonaws.com", "RunInstances"))
            .noMatch(TestEvents.apiCall("ec2.amazonaws.com", "StopInstances"))
            .build();

    assertThat(tester.run(List.of(rule)))
        .filteredOn(r -> !r.passed())
        .hasSize(2)
        .allSatisfy(
            r -> assertThat(r.reason().orElseThrow()).contains("set managementEvents to all"));
  }

  @Test
  void examplesOfOneRuleAreCheckedAgainstTheWholeCatalogMachine() {
    // Another rule firing on an example does not make it fail; only its own rule counts.
    Rule broad =
        TestRules.rule("broad")
            .pattern("{\"source\":[\"aws.ec2\"]}")
            .clearExamples()
            .match(TestEvents.apiCall("ec2.amazonaws.com", "RunInstances"))
            .match(TestEvents.apiCall("ec2.amazonaws.com", "StopInstances"))
            .noMatch(TestEvents.apiCall("iam.amazonaws.com", "CreateUser"))
            .noMatch(TestEvents.apiCall("s3.amazonaws.com", "GetObject"))
            .build();
    Rule narrow = TestRules.rule("narrow").build();

    List<ExampleResult> results = tester.run(List.of(broad, narrow));

    assertThat(results).allMatch(ExampleResult::passed);
    assertThat(results)
        .filteredOn(r -> r.ruleId().equals("narrow") && r.kind() == ExampleResult.Kind.MATCH)
        .allSatisfy(r -> assertThat(r.fired()).containsExactly("broad", "narrow"));
  }
}
