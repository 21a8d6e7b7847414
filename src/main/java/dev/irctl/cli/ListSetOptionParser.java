package dev.irctl.cli;

import dev.irctl.UserException;
import dev.irctl.engine.port.ListFormat;
import dev.irctl.engine.port.ListKind;
import dev.irctl.engine.port.ListSetSpec;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code NAME=s3://bucket/key[,format=F]} (or an https S3 object URL). GuardDuty wants an
 * https URL, so {@code s3://} is turned into the global S3 path-style URL, the same string every
 * run so plans are stable.
 */
final class ListSetOptionParser {
  private static final Pattern SPEC =
      Pattern.compile(
          "(?<name>[A-Za-z0-9][A-Za-z0-9._-]{0,299})=(?<location>[^,]+)(?:,format=(?<format>[A-Za-z_]+))?");
  private static final Pattern S3_URI =
      Pattern.compile("s3://(?<bucket>[a-z0-9][a-z0-9.-]{1,61}[a-z0-9])/(?<key>.+)");

  private ListSetOptionParser() {}

  static ListSetSpec parse(ListKind kind, String text) {
    Matcher matcher = SPEC.matcher(text.trim());
    if (!matcher.matches()) {
      throw invalid(kind, text, "expected NAME=s3://bucket/key[,format=" + formats() + "]");
    }
    String location = location(kind, text, matcher.group("location"));
    ListFormat format = ListFormat.TXT;
    if (matcher.group("format") != null) {
      try {
        format = ListFormat.valueOf(matcher.group("format").toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw invalid(kind, text, "format must be one of " + formats());
      }
    }
    return new ListSetSpec(kind, matcher.group("name"), location, format);
  }

  private static String location(ListKind kind, String text, String raw) {
    Matcher s3 = S3_URI.matcher(raw);
    if (s3.matches()) {
      return "https://s3.amazonaws.com/" + s3.group("bucket") + "/" + s3.group("key");
    }
    if (raw.startsWith("https://") && raw.contains("amazonaws.com/") && raw.length() <= 300) {
      return raw;
    }
    throw invalid(kind, text, "the location must be s3://bucket/key or an https:// S3 object URL");
  }

  private static UserException invalid(ListKind kind, String text, String why) {
    return UserException.usage(Flags.of(kind) + " '" + text + "' is not valid: " + why + ".");
  }

  private static String formats() {
    return String.join("|", Arrays.stream(ListFormat.values()).map(Enum::name).toList());
  }
}
