package dev.reposix.simulator.internal.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/** A content property; the value is a private deep copy, never mutated: immutable, thread-safe. */
public record StoredProperty(long id, String key, JsonNode value, StoredVersion version) {
    /** Validates the property. */
    public StoredProperty {
        Objects.requireNonNull(key, "key is null");
        Objects.requireNonNull(value, "value is null");
        Objects.requireNonNull(version, "version is null");
        value = value.deepCopy();
    }
}
