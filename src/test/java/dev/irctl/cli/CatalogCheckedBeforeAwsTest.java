package dev.irctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A rule that loads (schema-valid) but that EventBridge would reject stops every command that acts
 * on AWS before its first request: {@link CliRun#run(String...)} fails the test if a command even
 * opens its AWS ports.
 */
class CatalogCheckedBeforeAwsTest {
  @TempDir Path dir;

  private Path brokenCatalog() throws Exception {
    ObjectMapper json = new ObjectMapper();
    ObjectNode rule =
        (ObjectNode) json.readTree(Files.readString(Path.of("rules/ec2-instance-terminated.json")));
    rule.put("id", "my-ec2-rule");
    rule.set("eventPattern", json.readTree("{\"source\": \"aws.ec2\"}"));
    Files.writeString(dir.resolve("my-ec2-rule.json"), rule.toPrettyString());
    return dir;
  }

  @ParameterizedTest
  @ValueSource(strings = {"plan", "apply", "apply-rules", "status"})
  void aValueNotInAListIsAUsageErrorNamingTheFileBeforeAnyRequest(String command) throws Exception {
    Path catalog = brokenCatalog();

    CliRun run =
        CliRun.run(
            command, "--catalog", catalog.toString(), "--no-bundled", "--region", "eu-west-1");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.err())
        .contains("my-ec2-rule.json")
        .contains("rule my-ec2-rule")
        .contains("event-ruler");
  }
}
