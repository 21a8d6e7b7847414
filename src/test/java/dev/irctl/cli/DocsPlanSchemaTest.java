package dev.irctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.irctl.engine.iam.Principal;
import dev.irctl.fakes.FakePorts;
import dev.irctl.render.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * docs/plan-schema.md names every field plan, apply and status print, so the documented schema
 * cannot fall behind.
 */
class DocsPlanSchemaTest {
  private final FakePorts aws = new FakePorts();

  @Test
  void everyFieldOfPlanApplyAndStatusIsDocumented() throws Exception {
    aws.iamFake().existingPrincipal(Principal.role("responders"));
    String doc = Files.readString(Path.of("docs/plan-schema.md"));
    Set<String> fields = new TreeSet<>();
    for (String command : new String[] {"plan", "apply", "status"}) {
      String principal = command.equals("status") ? "--no-color" : "--role=responders";
      CliRun run =
          CliRun.run(
              aws,
              command,
              "--region",
              "us-east-1",
              "--set=bucketNames=honey",
              principal,
              "--output",
              "json");
      assertThat(run.exitCode()).as(run.err()).isZero();
      collect(Json.mapper().readTree(run.out()), fields);
    }

    assertThat(fields).hasSizeGreaterThan(30);
    assertThat(fields)
        .as("fields missing from docs/plan-schema.md")
        .allMatch(f -> doc.contains("\"" + f + "\":"));
  }

  private static void collect(JsonNode node, Set<String> fields) {
    if (node.isArray()) {
      node.forEach(n -> collect(n, fields));
    } else if (node.isObject()) {
      for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        fields.add(name);
        collect(node.get(name), fields);
      }
    }
  }
}
