package dev.irctl.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The shaded-jar tier (pom.xml, failsafe execution {@code shaded-jar}) runs the wire tests with the
 * shaded jar in place of the build's classes and dependencies. These checks keep that tier honest:
 * the SDK classes come from the jar, the modules the shade filters cut are cut, and every class
 * kept from them links (a kept class that needs a dropped one fails to load here).
 */
class ShadedJarIT {
  /** The SDK modules pom.xml's shade filters keep a few operations of. */
  private static final List<String> FILTERED =
      List.of("ec2", "ssm", "cloudtrail", "kms", "cloudwatchlogs");

  private static Path jar() {
    return Path.of(System.getProperty("irctl.jar", "target/irctl.jar")).toAbsolutePath();
  }

  @Test
  void theSdkClientsComeFromTheShadedJar() throws Exception {
    for (Class<?> client : List.of(Ec2Client.class, SsmClient.class, AwsPorts.class)) {
      Path source = Path.of(client.getProtectionDomain().getCodeSource().getLocation().toURI());
      assertThat(source).as("where %s was loaded from", client.getName()).isEqualTo(jar());
    }
  }

  /** Only the bare request class of an operation irctl does not call is kept (see below). */
  @Test
  void operationsIrctlDoesNotCallAreNotInTheJar() {
    for (String dropped :
        List.of(
            "software.amazon.awssdk.services.ec2.model.RunInstancesRequest$BuilderImpl",
            "software.amazon.awssdk.services.ec2.model.RunInstancesResponse",
            "software.amazon.awssdk.services.ec2.transform.RunInstancesRequestMarshaller",
            "software.amazon.awssdk.services.ec2.paginators.DescribeInstancesIterable",
            "software.amazon.awssdk.services.ec2.model.Instance",
            "software.amazon.awssdk.services.ssm.model.SendCommandResponse",
            "software.amazon.awssdk.services.ssm.DefaultSsmAsyncClient")) {
      assertThatThrownBy(() -> Class.forName(dropped, false, getClass().getClassLoader()))
          .as(dropped)
          .isInstanceOf(ClassNotFoundException.class);
    }
  }

  /**
   * Every kept class loads (its supertypes are kept), and every one outside model/ (clients,
   * builders, interceptors, endpoint rules, marshallers) also links: the verifier then loads every
   * class their code needs, which is how the client needs each operation's request class. Model
   * classes are only loaded: the JVM links one when a call first uses it, which the wire tests do.
   */
  @Test
  void everyClassKeptFromAFilteredModuleLoadsAndTheClientsLink() throws IOException {
    List<String> kept = new ArrayList<>();
    try (JarFile jar = new JarFile(jar().toFile())) {
      jar.stream()
          .map(e -> e.getName())
          .filter(n -> n.endsWith(".class"))
          .filter(n -> FILTERED.stream().anyMatch(m -> n.startsWith(packageOf(m))))
          .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
          .forEach(kept::add);
    }
    assertThat(kept).as("classes kept from %s", FILTERED).hasSizeGreaterThan(100);
    List<String> broken = new ArrayList<>();
    for (String name : kept) {
      try {
        Class.forName(name, !name.contains(".model."), getClass().getClassLoader());
      } catch (ClassNotFoundException | LinkageError e) {
        broken.add(name + ": " + e);
      }
    }
    assertThat(broken).as("kept classes that need a class the shade filters dropped").isEmpty();
  }

  private static String packageOf(String module) {
    return "software/amazon/awssdk/services/" + module + "/";
  }
}
