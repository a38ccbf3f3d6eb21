package dev.reposix.testkit;

import dev.reposix.api.Attachment;
import dev.reposix.api.RecordId;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The attachments of one in-memory project: the current version of each file per record, with its
 * bytes. Not thread-safe on its own; {@link InMemoryProject} calls it under its monitor.
 */
final class InMemoryAttachments {

    private record Stored(Attachment attachment, byte[] content) {
    }

    private final AtomicLong lastId;
    private final Map<String, Stored> byId = new LinkedHashMap<>();

    InMemoryAttachments(AtomicLong lastId) {
        this.lastId = lastId;
    }

    Map<RecordId, List<Attachment>> of(Collection<RecordId> records) {
        Map<RecordId, List<Attachment>> byRecord = new LinkedHashMap<>();
        for (Stored stored : byId.values()) {
            if (records.contains(stored.attachment().record())) {
                byRecord.computeIfAbsent(stored.attachment().record(), record -> new ArrayList<>())
                        .add(stored.attachment());
            }
        }
        return byRecord;
    }

    /** The current bytes of the attachment with this id, if it still exists. */
    Optional<byte[]> content(String id) {
        return Optional.ofNullable(byId.get(id)).map(stored -> stored.content().clone());
    }

    /** Stores a new file, or the next version of the record's file with that name. */
    Attachment put(RecordId record, String fileName, String mediaType, byte[] content) {
        Optional<Attachment> existing = byId.values().stream().map(Stored::attachment)
                .filter(attachment -> attachment.record().equals(record) && attachment.fileName().equals(fileName))
                .findFirst();
        String id = existing.map(Attachment::id).orElseGet(() -> "att" + lastId.incrementAndGet());
        long version = existing.map(attachment -> attachment.version() + 1).orElse(1L);
        URI link = URI.create(InMemoryProvider.SCHEME + ":/attachments/" + record.value() + "/"
                + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20"));
        Attachment stored = new Attachment(id, record, fileName, mediaType, content.length, version, link);
        byId.put(id, new Stored(stored, content.clone()));
        return stored;
    }

    boolean remove(String id) {
        return byId.remove(id) != null;
    }

    /** Drops every file of a deleted record. */
    void removeAllOf(RecordId record) {
        byId.values().removeIf(stored -> stored.attachment().record().equals(record));
    }
}
