import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites picocli's class files as Java 8 class files, run by the build (pom.xml, process-classes) as a single-file
 * program: java -cp ASM_JAR:PICOCLI_JAR build/PicocliClassFiles.java PICOCLI_JAR OUTPUT_DIR.
 *
 * <p>Why: picocli ships Java 5 class files, and the JVM's class-data sharing cannot archive a class file older than
 * Java 6 (version 50), so on every run the 180 picocli classes a command loads are parsed and verified again: about a
 * third of a short command's start-up (docs/benchmarks.md). The rewrite changes the class file version and adds the
 * stack map frames that version needs, computed by ASM from the code; the code itself is copied unchanged. The
 * launcher's archive (irctl.jsa) then holds picocli too.
 */
public final class PicocliClassFiles {
  private PicocliClassFiles() {}

  public static void main(String[] args) throws IOException {
    Path jar = Path.of(args[0]);
    Path output = Path.of(args[1]);
    int rewritten = 0;
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
        ZipEntry entry = entries.nextElement();
        String name = entry.getName();
        if (!name.startsWith("picocli/") || !name.endsWith(".class")) {
          continue;
        }
        byte[] bytes;
        try (var in = zip.getInputStream(entry)) {
          bytes = in.readAllBytes();
        }
        Path target = output.resolve(name);
        Files.createDirectories(target.getParent());
        Files.write(target, java8(bytes));
        rewritten++;
      }
    }
    if (rewritten == 0) {
      throw new IllegalStateException(jar + " holds no picocli classes");
    }
    System.out.println("picocli: " + rewritten + " class files rewritten as Java 8 class files into " + output);
  }

  private static byte[] java8(byte[] classFile) {
    ClassReader reader = new ClassReader(classFile);
    // Frames are computed from the code; the common superclass of two types comes from loading them, so picocli is on
    // this program's class path. A class ASM cannot place fails the build rather than the run.
    ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES);
    reader.accept(
        new ClassVisitor(Opcodes.ASM9, writer) {
          @Override
          public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
            // A later picocli built for Java 6 or newer keeps its version (and its frames are recomputed).
            int major = version & 0xFFFF;
            super.visit(major < 50 ? Opcodes.V1_8 : version, access, name, signature, superName, interfaces);
          }
        },
        ClassReader.SKIP_FRAMES);
    return writer.toByteArray();
  }
}
