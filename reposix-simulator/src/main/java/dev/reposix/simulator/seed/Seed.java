package dev.reposix.simulator.seed;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The initial content of a simulator: spaces (with folders and pages) and users. Seeds are
 * written to and read from JSON files so demos and benchmarks can share fixed content; see
 * {@link Seeds} for the built-in demo space and the generator.
 *
 * <p>Immutable value, thread-safe.
 */
public record Seed(List<SeedSpace> spaces, List<SeedUser> users) {
    /** Validates the seed. */
    public Seed {
        spaces = spaces == null ? List.of() : List.copyOf(spaces);
        users = users == null ? List.of() : List.copyOf(users);
    }

    /** A seed with no spaces and no users. */
    public static Seed empty() {
        return new Seed(List.of(), List.of());
    }

    /** Reads a seed from a JSON file written by {@link #write(Path)}. */
    public static Seed read(Path file) {
        try {
            return mapper().readValue(file.toFile(), Seed.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read seed file " + file + "; check that it is a JSON seed", e);
        }
    }

    /** Writes this seed as pretty-printed JSON. */
    public void write(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            mapper().writeValue(file.toFile(), this);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write seed file " + file, e);
        }
    }

    /** This seed plus the given space. */
    public Seed withSpace(SeedSpace space) {
        List<SeedSpace> more = new ArrayList<>(spaces);
        more.add(space);
        return new Seed(more, users);
    }

    private static ObjectMapper mapper() {
        // Instants as ISO-8601 strings without needing the JSR-310 module: see SeedJson.
        return SeedJson.mapper().enable(SerializationFeature.INDENT_OUTPUT);
    }
}
