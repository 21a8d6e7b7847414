package dev.irctl.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.irctl.engine.alertpath.AlertPathAlarm;
import dev.irctl.engine.port.MetricsPort;
import dev.irctl.engine.port.MetricsPort.Alarm;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The FailedInvocations alarm over the wire: PutMetricAlarm's metric math and DescribeAlarms. */
class AlarmAdapterWireTest {
  private static final String NS = " xmlns=\"http://monitoring.amazonaws.com/doc/2010-08-01/\"";
  private static final String ARN =
      "arn:aws:cloudwatch:eu-west-1:111122223333:alarm:" + AlertPathAlarm.NAME;

  private final WireMockAws aws = new WireMockAws();
  private final MetricsPort metrics = aws.ports().alertPath().metrics("eu-west-1");

  @AfterEach
  void everyOperationSentIsDeclaredThenStop() {
    aws.assertDeclaredThenClose(CloudWatchMetricsAdapter.ACTIONS);
    assertThat(aws.operations()).isNotEmpty();
  }

  @Test
  void putMetricAlarmSumsEachRulesFailedInvocationsByRuleNameAloneWithTagsAndNoAction() {
    aws.server()
        .stubFor(
            query("PutMetricAlarm")
                .willReturn(
                    xml(
                        "<PutMetricAlarmResponse"
                            + NS
                            + "><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata>"
                            + "</PutMetricAlarmResponse>")));

    metrics.putAlarm(
        AlertPathAlarm.spec(
            List.of("irctl-sns-irctl-topic-tampering", "irctl-cloudtrail-tampering")),
        List.of(),
        Map.of("managed-by", "irctl"));

    Map<String, String> form = sentForm("PutMetricAlarm");
    assertThat(form)
        .containsEntry("AlarmName", AlertPathAlarm.NAME)
        .containsEntry("Metrics.member.1.Id", "m0")
        .containsEntry("Metrics.member.1.ReturnData", "false")
        .containsEntry("Metrics.member.1.MetricStat.Metric.Namespace", "AWS/Events")
        .containsEntry("Metrics.member.1.MetricStat.Metric.MetricName", "FailedInvocations")
        .containsEntry("Metrics.member.1.MetricStat.Metric.Dimensions.member.1.Name", "RuleName")
        .containsEntry(
            "Metrics.member.1.MetricStat.Metric.Dimensions.member.1.Value",
            "irctl-cloudtrail-tampering")
        .containsEntry("Metrics.member.1.MetricStat.Stat", "Sum")
        .containsEntry("Metrics.member.1.MetricStat.Period", "300")
        .containsEntry(
            "Metrics.member.2.MetricStat.Metric.Dimensions.member.1.Value",
            "irctl-sns-irctl-topic-tampering")
        .containsEntry("Metrics.member.3.Id", "failed")
        .containsEntry("Metrics.member.3.Expression", "SUM(METRICS())")
        .containsEntry("Metrics.member.3.ReturnData", "true")
        .containsEntry("Threshold", "1.0")
        .containsEntry("ComparisonOperator", "GreaterThanOrEqualToThreshold")
        .containsEntry("TreatMissingData", "notBreaching")
        .containsEntry("EvaluationPeriods", "1")
        .containsEntry("Tags.member.1.Key", "managed-by")
        .containsEntry("Tags.member.1.Value", "irctl")
        // default bus: RuleName alone; a metric math alarm has no top-level metric or period
        .doesNotContainKey("Metrics.member.1.MetricStat.Metric.Dimensions.member.2.Name")
        .doesNotContainKey("MetricName")
        .doesNotContainKey("AlarmActions.member.1");
  }

  @Test
  void describeAlarmsReadsTheRulesTheActionsAndTheState() {
    aws.server()
        .stubFor(
            query("DescribeAlarms")
                .willReturn(
                    xml(
                        "<DescribeAlarmsResponse"
                            + NS
                            + "><DescribeAlarmsResult><MetricAlarms><member>"
                            + "<AlarmName>"
                            + AlertPathAlarm.NAME
                            + "</AlarmName><AlarmArn>"
                            + ARN
                            + "</AlarmArn><AlarmDescription>d</AlarmDescription>"
                            + "<AlarmActions><member>arn:aws:sns:us-west-2:111122223333:pager"
                            + "</member></AlarmActions>"
                            + "<StateValue>ALARM</StateValue><StateReason>Threshold Crossed"
                            + "</StateReason><StateUpdatedTimestamp>2026-03-01T10:00:00Z"
                            + "</StateUpdatedTimestamp><EvaluationPeriods>1</EvaluationPeriods>"
                            + "<Threshold>1.0</Threshold><ComparisonOperator>"
                            + "GreaterThanOrEqualToThreshold</ComparisonOperator>"
                            + "<TreatMissingData>notBreaching</TreatMissingData><Metrics>"
                            + "<member><Id>m0</Id><ReturnData>false</ReturnData><MetricStat>"
                            + "<Metric><Namespace>AWS/Events</Namespace><MetricName>"
                            + "FailedInvocations</MetricName><Dimensions><member><Name>RuleName"
                            + "</Name><Value>irctl-a</Value></member></Dimensions></Metric>"
                            + "<Period>300</Period><Stat>Sum</Stat></MetricStat></member>"
                            + "<member><Id>failed</Id><Expression>SUM(METRICS())</Expression>"
                            + "<ReturnData>true</ReturnData></member></Metrics>"
                            + "</member></MetricAlarms></DescribeAlarmsResult>"
                            + "<ResponseMetadata><RequestId>r</RequestId></ResponseMetadata>"
                            + "</DescribeAlarmsResponse>")));

    Alarm alarm = metrics.alarm(AlertPathAlarm.NAME).orElseThrow();

    assertThat(alarm.arn()).isEqualTo(ARN);
    assertThat(alarm.spec().ruleNames()).containsExactly("irctl-a");
    assertThat(alarm.spec().expression()).isEqualTo("SUM(METRICS())");
    assertThat(alarm.spec().periodSeconds()).isEqualTo(300);
    assertThat(alarm.spec().treatMissingData()).isEqualTo("notBreaching");
    assertThat(alarm.actions()).containsExactly("arn:aws:sns:us-west-2:111122223333:pager");
    assertThat(alarm.state()).isEqualTo("ALARM");
    assertThat(alarm.stateReason()).isEqualTo("Threshold Crossed");
    assertThat(alarm.stateUpdated()).contains(Instant.parse("2026-03-01T10:00:00Z"));
    assertThat(sentForm("DescribeAlarms"))
        .containsEntry("AlarmNames.member.1", AlertPathAlarm.NAME)
        .containsEntry("AlarmTypes.member.1", "MetricAlarm");
  }

  @Test
  void anAlarmThatDoesNotExistIsEmpty() {
    aws.server()
        .stubFor(
            query("DescribeAlarms")
                .willReturn(
                    xml(
                        "<DescribeAlarmsResponse"
                            + NS
                            + "><DescribeAlarmsResult><MetricAlarms/></DescribeAlarmsResult>"
                            + "<ResponseMetadata><RequestId>r</RequestId></ResponseMetadata>"
                            + "</DescribeAlarmsResponse>")));

    assertThat(metrics.alarm(AlertPathAlarm.NAME)).isEmpty();
  }

  @Test
  void listTagsForResourceNamesTheAlarmArn() {
    aws.server()
        .stubFor(
            query("ListTagsForResource")
                .willReturn(
                    xml(
                        "<ListTagsForResourceResponse"
                            + NS
                            + "><ListTagsForResourceResult><Tags><member><Key>managed-by</Key>"
                            + "<Value>irctl</Value></member></Tags></ListTagsForResourceResult>"
                            + "<ResponseMetadata><RequestId>r</RequestId></ResponseMetadata>"
                            + "</ListTagsForResourceResponse>")));

    assertThat(metrics.alarmTags(ARN)).containsExactly(Map.entry("managed-by", "irctl"));
    assertThat(sentForm("ListTagsForResource")).containsEntry("ResourceARN", ARN);
  }

  private static MappingBuilder query(String action) {
    return post(urlEqualTo("/")).withRequestBody(containing("Action=" + action + "&"));
  }

  private static ResponseDefinitionBuilder xml(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(body);
  }

  private Map<String, String> sentForm(String action) {
    List<LoggedRequest> requests =
        aws.server()
            .findAll(
                postRequestedFor(urlEqualTo("/"))
                    .withRequestBody(containing("Action=" + action + "&")));
    assertThat(requests).hasSize(1);
    Map<String, String> form = new TreeMap<>();
    for (String pair : requests.get(0).getBodyAsString().split("&")) {
      int eq = pair.indexOf('=');
      form.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return form;
  }
}
