package dev.reposix.core.push;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reposix.api.AuditEvent;
import dev.reposix.api.RecordId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit log's file discipline: append only, one parseable object per line, a crash's partial line isolated. */
class AuditLogTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path cache;

    private static AuditEvent update(String id) {
        return new AuditEvent(Instant.parse("2026-11-24T06:15:00Z"), "update", Optional.of(new RecordId(id)), "updated",
                Map.of("version", "8"));
    }

    @Test
    void aMissingLogIsCreatedWithOneLinePerEventAndNoBlankLines() throws Exception {
        AuditLog log = new AuditLog(cache, "Jane Writer <jane@example.com>");

        log.record(update("101"));
        log.record(update("102"));

        String written = Files.readString(log.file());
        assertThat(written).endsWith("}\n").doesNotContain("\n\n");
        List<String> lines = written.lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(JSON.readTree(lines.get(1)).path("record").asText()).isEqualTo("102");
        assertThat(JSON.readTree(lines.get(1)).path("identity").asText()).isEqualTo("Jane Writer <jane@example.com>");
    }

    @Test
    void aPartialLastLineLeftByACrashKeepsItsBytesAndTheNextRecordStartsOnItsOwnLine() throws Exception {
        AuditLog log = new AuditLog(cache, "Jane Writer <jane@example.com>");
        byte[] before = ("{\"operation\":\"push\",\"outcome\":\"accepted\"}\n{\"operation\":\"upd")
                .getBytes(StandardCharsets.UTF_8);
        Files.write(log.file(), before);
        Object inode = Files.getAttribute(log.file(), "unix:ino");

        log.record(update("101"));

        byte[] after = Files.readAllBytes(log.file());
        assertThat(after).startsWith(before);
        assertThat(Files.getAttribute(log.file(), "unix:ino")).as("appended in place, never rewritten").isEqualTo(inode);
        String appended = new String(after, before.length, after.length - before.length, StandardCharsets.UTF_8);
        assertThat(appended).startsWith("\n{").endsWith("}\n");
        assertThat(JSON.readTree(appended.strip()).path("record").asText()).isEqualTo("101");
    }
}
