package dev.irctl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.irctl.ExitCode;
import dev.irctl.UserException;
import dev.irctl.engine.PartRegistry;
import dev.irctl.engine.run.Fingerprint;
import dev.irctl.engine.run.Part;
import dev.irctl.engine.run.SavedPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A saved plan on disk: versioned JSON with a checksum over its content, so a file edited after
 * review (or not a plan at all) is refused, naming the file, before any AWS call.
 */
public final class PlanFile {
  private PlanFile() {}

  public static void write(Path file, SavedPlan plan) {
    ObjectNode node = Fingerprint.JSON.valueToTree(plan);
    node.put("checksum", checksum(node));
    try {
      Files.writeString(
          file, Fingerprint.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n");
    } catch (IOException e) {
      throw new UserException(
          "Could not write the plan to " + file + ": " + e.getMessage(), ExitCode.FAILURE, e);
    }
  }

  /** SHA-256 over the plan without its checksum field. */
  public static String checksum(ObjectNode plan) {
    ObjectNode copy = plan.deepCopy();
    copy.remove("checksum");
    return Fingerprint.of(copy);
  }

  /**
   * Reads and checks the plan: JSON, kind, schema, checksum and age; every problem names the file.
   */
  public static SavedPlan read(Path file, Duration maxAge, Instant now) {
    JsonNode node;
    try {
      node = Fingerprint.JSON.readTree(Files.readString(file));
    } catch (IOException e) {
      throw UserException.usage(
          "plan file " + file + " could not be read as JSON: " + firstLine(e.getMessage()) + ".");
    }
    if (node == null || !node.isObject() || !SavedPlan.KIND.equals(node.path("kind").asText())) {
      throw UserException.usage(
          "plan file "
              + file
              + " is not an irctl plan (no \"kind\": \"irctl-plan\"); write one with 'irctl plan --out FILE'.");
    }
    int schema = node.path("schemaVersion").asInt(-1);
    if (schema < 1) {
      throw UserException.usage("plan file " + file + " has no valid schemaVersion.");
    }
    if (schema > SavedPlan.SCHEMA_VERSION) {
      throw UserException.usage(
          "plan file "
              + file
              + " has plan schema "
              + schema
              + ", newer than this irctl reads ("
              + SavedPlan.SCHEMA_VERSION
              + "): apply it with the irctl that made it, or run plan again.");
    }
    if (!checksum((ObjectNode) node).equals(node.path("checksum").asText())) {
      throw UserException.usage(
          "plan file "
              + file
              + " was changed after irctl wrote it (its checksum does not match): run plan again.");
    }
    SavedPlan plan;
    try {
      plan = Fingerprint.JSON.treeToValue(node, SavedPlan.class);
    } catch (IOException | IllegalArgumentException e) {
      throw UserException.usage(
          "plan file " + file + " is not a valid irctl plan: " + firstLine(e.getMessage()) + ".");
    }
    Instant created;
    try {
      created = Instant.parse(plan.createdAt());
    } catch (DateTimeParseException | NullPointerException e) {
      throw UserException.usage("plan file " + file + " has no valid createdAt time.");
    }
    if (created.plus(maxAge).isBefore(now)) {
      throw UserException.usage(
          "plan file "
              + file
              + " was made at "
              + created
              + ", longer ago than --max-plan-age ("
              + maxAge.toString().substring(2).toLowerCase(java.util.Locale.ROOT)
              + "): run plan again.");
    }
    return plan;
  }

  /** The parts the plan names, rebuilt; an unknown part is an error naming the file. */
  public static List<Part> parts(Path file, SavedPlan plan) {
    List<Part> parts = new ArrayList<>();
    for (SavedPlan.SavedPart saved : plan.parts()) {
      try {
        parts.add(
            PartRegistry.fromDesired(saved.name(), saved.desired())
                .orElseThrow(
                    () ->
                        UserException.usage(
                            "plan file "
                                + file
                                + " names part '"
                                + saved.name()
                                + "', which this irctl does not know.")));
      } catch (IllegalArgumentException e) {
        throw UserException.usage(
            "plan file "
                + file
                + ": part '"
                + saved.name()
                + "' is not readable: "
                + firstLine(e.getMessage())
                + ".");
      }
    }
    return parts;
  }

  /** {@code 7d}, {@code 12h}, {@code 30m}, {@code 45s}. */
  public static Duration parseAge(String text) {
    String t = text.trim().toLowerCase(java.util.Locale.ROOT);
    try {
      long n = Long.parseLong(t.substring(0, t.length() - 1));
      Duration d =
          switch (t.charAt(t.length() - 1)) {
            case 'd' -> Duration.ofDays(n);
            case 'h' -> Duration.ofHours(n);
            case 'm' -> Duration.ofMinutes(n);
            case 's' -> Duration.ofSeconds(n);
            default -> null;
          };
      if (d != null && !d.isNegative()) {
        return d;
      }
    } catch (RuntimeException e) {
      // falls through to the usage error
    }
    throw UserException.usage(
        "--max-plan-age " + text + ": give a number and a unit, e.g. 7d, 12h or 30m.");
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
