package dev.irctl.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The build's schema check of the bundled catalog (pom.xml, {@code process-classes}): loads every
 * file of {@code irctl-rules/} from the classpath with the full check, then writes their
 * fingerprint ({@link BundledRules#CHECKED}) into the directory given, so that runs of the jar can
 * skip the check. A broken rule file fails the build with the message a run would print.
 */
public final class BundleCheck {
  private BundleCheck() {}

  /** {@code args[0]}: the {@code irctl-rules} directory of the classes being packaged. */
  public static void main(String[] args) throws IOException {
    List<RuleFile> files = BundledRules.files();
    CatalogLoader.read(files, 0);
    Path checked = Path.of(args[0]).resolve(BundledRules.CHECKED);
    Files.writeString(checked, BundledRules.fingerprint(files) + "\n", StandardCharsets.UTF_8);
  }
}
