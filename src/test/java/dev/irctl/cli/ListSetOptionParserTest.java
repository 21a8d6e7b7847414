package dev.irctl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.irctl.UserException;
import dev.irctl.engine.port.ListFormat;
import dev.irctl.engine.port.ListKind;
import dev.irctl.engine.port.ListSetSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ListSetOptionParserTest {
  @Test
  void s3UriBecomesTheHttpsUrlGuardDutyExpectsWithTxtByDefault() {
    ListSetSpec spec =
        ListSetOptionParser.parse(ListKind.THREAT_INTEL, "bad-ips=s3://sec-lists/feeds/bad.txt");

    assertThat(spec)
        .isEqualTo(
            new ListSetSpec(
                ListKind.THREAT_INTEL,
                "bad-ips",
                "https://s3.amazonaws.com/sec-lists/feeds/bad.txt",
                ListFormat.TXT));
  }

  @Test
  void formatIsReadCaseInsensitively() {
    assertThat(
            ListSetOptionParser.parse(
                    ListKind.TRUSTED_IP, "office=s3://sec-lists/office.csv,format=otx_csv")
                .format())
        .isEqualTo(ListFormat.OTX_CSV);
  }

  @Test
  void httpsS3UrlsAreKept() {
    assertThat(
            ListSetOptionParser.parse(
                    ListKind.THREAT_INTEL, "x=https://s3.eu-west-1.amazonaws.com/b/k.txt")
                .location())
        .isEqualTo("https://s3.eu-west-1.amazonaws.com/b/k.txt");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "no-equals",
        "=s3://b/k",
        "x=s3://b",
        "x=ftp://host/k",
        "x=s3://bucket/k,format=PDF",
        "x=s3://bucket/k,colour=red"
      })
  void malformedValuesAreUsageErrorsNamingTheFlagAndTheValue(String value) {
    assertThatThrownBy(() -> ListSetOptionParser.parse(ListKind.TRUSTED_IP, value))
        .isInstanceOfSatisfying(UserException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
        .hasMessageContaining("--trusted-ip-set '" + value + "'");
  }
}
