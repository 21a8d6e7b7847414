package dev.irctl.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * What every emulator test shares: moto reset to empty, the real CLI, and a counting proxy in
 * between, so "a second run makes no write calls" is checked on the wire.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EmulatorTier {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String ALL_REGIONS = String.join(",", Emulator.REGIONS);

  /** The one bundled rule that needs a parameter; the tier leaves it out. */
  static final String HONEY_BUCKET = "s3-honey-bucket-access";

  Emulator emulator;
  Irctl irctl;
  AwsProxy proxy;
  private final List<AwsProxy> extraProxies = new java.util.ArrayList<>();

  @BeforeAll
  void startTier() throws Exception {
    emulator = Emulator.running();
    emulator.reset();
    irctl = Irctl.fromBuild();
    proxy = AwsProxy.counting(emulator.endpoint());
  }

  /** A further proxy a test class needs (throttling, slow); closed with the tier. */
  AwsProxy extraProxy(AwsProxy extra) {
    extraProxies.add(extra);
    return extra;
  }

  @AfterAll
  void stopTier() {
    extraProxies.forEach(AwsProxy::close);
    if (proxy != null) {
      proxy.close();
    }
    if (emulator != null) {
      emulator.close();
    }
  }

  /** Runs irctl through the counting proxy, which forgets earlier calls first. */
  Irctl.Result irctl(String... args) throws IOException, InterruptedException {
    proxy.reset();
    return irctl.run(proxy.endpoint(), List.of(args));
  }

  /** Runs irctl and expects exit 0. */
  Irctl.Result ok(String... args) throws IOException, InterruptedException {
    Irctl.Result result = irctl(args);
    assertThat(result.exitCode()).as("%s", result).isZero();
    return result;
  }

  /** Write calls the last run sent, per region. */
  long writesIn(String region) {
    return proxy.calls().stream()
        .filter(call -> call.write() && !call.throttled() && call.region().equals(region))
        .count();
  }

  /** The bundled catalog's rule ids of one scope ("global" or "regional"), read from rules/. */
  /**
   * The catalog rules that watch irctl's own alerting: they also target the alert-path log group.
   */
  static Set<String> alertPathIds() {
    Path rules = Path.of(System.getProperty("irctl.repoRoot", ".")).resolve("rules");
    Set<String> ids = new TreeSet<>();
    try (Stream<Path> files = Files.list(rules)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
        JsonNode rule = JSON.readTree(file.toFile());
        if (rule.path("watchesAlertPath").asBoolean(false)) {
          ids.add(rule.path("id").asText());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(ids).as("rules with watchesAlertPath in %s", rules).isNotEmpty();
    return ids;
  }

  static Set<String> catalogIds(String scope) {
    Path rules = Path.of(System.getProperty("irctl.repoRoot", ".")).resolve("rules");
    Set<String> ids = new TreeSet<>();
    try (Stream<Path> files = Files.list(rules)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
        JsonNode rule = JSON.readTree(file.toFile());
        if (rule.path("scope").asText().equals(scope)
            && !rule.path("id").asText().equals(HONEY_BUCKET)) {
          ids.add(rule.path("id").asText());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(ids).as("%s rules in %s", scope, rules).isNotEmpty();
    return ids;
  }
}
