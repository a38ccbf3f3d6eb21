import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.Locale;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Build step (run as a source file: {@code java StripJarSignatures.java DIR}): rewrites each signed
 * jar in DIR without its signature, so the JVM can map its classes from the class-data-sharing
 * archive. The JVM never archives classes of a signed jar, and loading them checks each class's
 * digest against the signed manifest; reposix checks no signature at run time (Maven checked each
 * jar's checksum when it was downloaded). Only the signature files ({@code META-INF/*.SF},
 * {@code .RSA}, {@code .DSA}, {@code .EC}) and the manifest's digest attributes go; every other
 * entry is copied unchanged, in order, with its time. A jar without a signature is not touched.
 */
public final class StripJarSignatures {

    private StripJarSignatures() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: java StripJarSignatures.java DIR");
        }
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(Path.of(args[0]), "*.jar")) {
            for (Path jar : jars) {
                if (isSigned(jar)) {
                    strip(jar);
                    System.out.println("Signature removed from " + jar.getFileName());
                }
            }
        }
    }

    private static boolean isSigned(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            return file.stream().anyMatch(entry -> isSignatureFile(entry.getName()));
        }
    }

    private static boolean isSignatureFile(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return upper.startsWith("META-INF/") && upper.indexOf('/', "META-INF/".length()) < 0
                && (upper.endsWith(".SF") || upper.endsWith(".RSA") || upper.endsWith(".DSA") || upper.endsWith(".EC"));
    }

    private static void strip(Path jar) throws IOException {
        Path unsigned = jar.resolveSibling(jar.getFileName() + ".unsigned");
        try (JarFile file = new JarFile(jar.toFile(), false);
                JarOutputStream out = new JarOutputStream(Files.newOutputStream(unsigned))) {
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                if (isSignatureFile(entry.getName())) {
                    continue;
                }
                // the original's time, so that the same jar always gives the same bytes
                JarEntry copy = new JarEntry(entry.getName());
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                if (entry.getName().equalsIgnoreCase(JarFile.MANIFEST_NAME)) {
                    withoutDigests(file).write(out);
                } else {
                    try (InputStream in = file.getInputStream(entry)) {
                        in.transferTo(out);
                    }
                }
                out.closeEntry();
            }
        } catch (IOException | RuntimeException failure) {
            Files.deleteIfExists(unsigned);
            throw failure;
        }
        Files.move(unsigned, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The jar's manifest without per-entry digests; sections left empty go too. */
    private static Manifest withoutDigests(JarFile file) throws IOException {
        Manifest manifest = new Manifest(file.getManifest());
        for (Attributes section : manifest.getEntries().values()) {
            section.keySet().removeIf(name -> name.toString().toUpperCase(Locale.ROOT).endsWith("-DIGEST"));
        }
        manifest.getEntries().values().removeIf(Attributes::isEmpty);
        return manifest;
    }
}
