package dev.reposix.example;

import dev.reposix.api.ManifestEntry;
import dev.reposix.api.Record;
import dev.reposix.api.RecordId;
import dev.reposix.api.RecordKind;
import dev.reposix.api.RecordStatus;
import dev.reposix.api.ReposixException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Converts a record to the keys of its {@code .properties} file and back. */
final class RecordFile {

    private static final String TITLE = "title";
    private static final String PARENT = "parent";
    private static final String VERSION = "version";
    private static final String STATUS = "status";
    private static final String LABELS = "labels";
    private static final String MODIFIED = "modified";
    private static final String BODY = "body";

    private RecordFile() {
    }

    static Properties toProperties(Record record) {
        ManifestEntry entry = record.entry();
        Properties properties = new Properties();
        properties.setProperty(TITLE, entry.title());
        entry.parentId().ifPresent(parent -> properties.setProperty(PARENT, parent.value()));
        properties.setProperty(VERSION, Long.toString(entry.version()));
        properties.setProperty(STATUS, entry.status().name());
        // Sorted, so that a file changes only when its labels do.
        properties.setProperty(LABELS, String.join(",", new TreeSet<>(record.labels())));
        properties.setProperty(MODIFIED, entry.lastModified().toString());
        properties.setProperty(BODY, record.body());
        return properties;
    }

    static Record fromProperties(RecordId id, Properties properties, String fileName) {
        try {
            ManifestEntry entry = new ManifestEntry(id, RecordKind.DOCUMENT, required(properties, TITLE, fileName),
                    Optional.ofNullable(properties.getProperty(PARENT)).filter(parent -> !parent.isBlank()).map(RecordId::of),
                    Long.parseLong(required(properties, VERSION, fileName)),
                    RecordStatus.valueOf(required(properties, STATUS, fileName)),
                    Instant.parse(required(properties, MODIFIED, fileName)), Optional.empty());
            return new Record(entry, labels(properties.getProperty(LABELS, "")), properties.getProperty(BODY, ""));
        } catch (IllegalArgumentException | DateTimeParseException malformed) {
            throw new ReposixException(ExampleErrorCode.UNREADABLE_RECORD_FILE,
                    "record file " + fileName + " is malformed (" + malformed.getMessage() + "); fix or remove it", malformed);
        }
    }

    private static Set<String> labels(String joined) {
        return Arrays.stream(joined.split(",")).filter(label -> !label.isBlank()).collect(Collectors.toSet());
    }

    private static String required(Properties properties, String key, String fileName) {
        String value = properties.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException("key '" + key + "' missing in " + fileName);
        }
        return value;
    }
}
