package dev.irctl.engine.iam;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PolicyDocumentsTest {
  @Test
  void singleValuesAndListsAndOrderDoNotMatter() {
    var a =
        PolicyDocuments.parse(
            "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"a:B\",\"Resource\":\"*\"}}");
    var b =
        PolicyDocuments.parse(
            "{\"Statement\":[{\"Resource\":[\"*\"],\"Action\":[\"a:B\"],\"Effect\":\"Allow\"}],\"Version\":\"2012-10-17\"}");

    assertThat(PolicyDocuments.equivalent(a, b)).isTrue();
  }

  @Test
  void actionSetsAndStatementOrderAreSetsButValuesAreNot() {
    var a =
        PolicyDocuments.parse(
            "{\"Statement\":[{\"Action\":[\"a:B\",\"a:C\"]},{\"Action\":\"x:Y\"}]}");
    var reordered =
        PolicyDocuments.parse(
            "{\"Statement\":[{\"Action\":\"x:Y\"},{\"Action\":[\"a:C\",\"a:B\"]}]}");
    var other =
        PolicyDocuments.parse(
            "{\"Statement\":[{\"Action\":\"x:Y\"},{\"Action\":[\"a:C\",\"a:D\"]}]}");

    assertThat(PolicyDocuments.equivalent(a, reordered)).isTrue();
    assertThat(PolicyDocuments.equivalent(a, other)).isFalse();
  }

  @Test
  void theSeedsDocumentIsFilledInWithAccountAndPartition() {
    var document = GuardDutyAdminPolicy.document("aws-cn", "123456789012");

    assertThat(document.toString())
        .contains("\"guardduty:*\"")
        .contains(
            "arn:aws-cn:iam::123456789012:role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty")
        .contains("\"iam:AWSServiceName\":\"guardduty.amazonaws.com\"")
        .doesNotContain("${");
  }
}
