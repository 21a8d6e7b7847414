package dev.irctl.engine.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A SHA-256 of the actual state a plan saw, as canonical JSON (keys sorted), so a saved plan can
 * tell whether a resource changed between plan and apply.
 */
public final class Fingerprint {
  /** The mapper saved plans use too: records, Optionals, sorted keys. */
  public static final ObjectMapper JSON =
      JsonMapper.builder()
          .addModule(new Jdk8Module())
          .addModule(
              new com.fasterxml.jackson.databind.module.SimpleModule()
                  .addSerializer(
                      java.time.Instant.class,
                      com.fasterxml.jackson.databind.ser.std.ToStringSerializer.instance))
          .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private static final AtomicLong COMPUTED = new AtomicLong();

  private Fingerprint() {}

  public static String of(Object actual) {
    COMPUTED.incrementAndGet();
    try {
      byte[] canonical = JSON.writeValueAsString(actual).getBytes(StandardCharsets.UTF_8);
      return "sha256:"
          + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("could not fingerprint the actual state", e);
    }
  }

  /**
   * How many fingerprints this process has computed: tests and benchmarks check that a run which
   * saves and checks no plan computes none.
   */
  public static long computed() {
    return COMPUTED.get();
  }

  /**
   * The fingerprint of a state read, computed on first use and kept: most runs neither save nor
   * check a plan, and canonical JSON plus SHA-256 over every region's state was about half the CPU
   * of a run that writes nothing. The state is a value read before any write, so it describes what
   * the plan saw whenever the fingerprint is taken.
   */
  public static final class Later {
    /** Nothing was read (a part that failed before its plan). */
    public static final Later NONE = new Later(null, Optional.empty());

    private final Object actual;
    private volatile Optional<String> value;

    private Later(Object actual, Optional<String> value) {
      this.actual = actual;
      this.value = value;
    }

    /** The fingerprint of {@code actual}, when it is first asked for. */
    public static Later of(Object actual) {
      return new Later(actual, null);
    }

    /** The fingerprint, computed now if it was not yet. */
    public Optional<String> get() {
      Optional<String> known = value;
      if (known == null) {
        synchronized (this) {
          known = value;
          if (known == null) {
            known = Optional.of(Fingerprint.of(actual));
            value = known;
          }
        }
      }
      return known;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Later later && get().equals(later.get());
    }

    @Override
    public int hashCode() {
      return get().hashCode();
    }

    @Override
    public String toString() {
      Optional<String> known = value;
      return known == null ? "(not computed)" : known.orElse("(none)");
    }
  }
}
