package dev.reposix.core.push;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reposix.api.AuditEvent;
import dev.reposix.api.AuditSink;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log of a cache, {@code <cache>/audit.jsonl}: one JSON object per line for every write
 * to the source of truth and every accepted or rejected push — time, operation, record id,
 * outcome, the pushing git identity, and non-secret details. The file is only ever opened for
 * appending, each line is written with a single call and forced to disk, so a crash leaves at
 * most a partial last line (readers skip a line that does not parse). A line that cannot be
 * written is reported in the log, never thrown. Thread-safe.
 *
 * @since 0.1
 */
public final class AuditLog implements AuditSink {

    /** The log's file name inside the cache directory. */
    public static final String FILE_NAME = "audit.jsonl";

    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final String identity;

    /**
     * A log for one pusher.
     *
     * @param cacheDirectory the cache directory
     * @param identity who pushes, {@code Name <email>} from git
     */
    public AuditLog(Path cacheDirectory, String identity) {
        this.file = cacheDirectory.resolve(FILE_NAME);
        this.identity = identity;
    }

    /**
     * The log file.
     *
     * @return the path
     */
    public Path file() {
        return file;
    }

    @Override
    public synchronized void record(AuditEvent event) {
        ObjectNode line = JSON.createObjectNode();
        line.put("time", event.time().toString());
        line.put("operation", event.operation());
        event.recordId().ifPresent(id -> line.put("record", id.value()));
        line.put("outcome", event.outcome());
        line.put("identity", identity);
        ObjectNode details = line.putObject("details");
        new TreeMap<>(event.details()).forEach(details::put);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            channel.write(ByteBuffer.wrap((JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8)));
            channel.force(false);
        } catch (IOException unwritable) {
            LOG.warn("could not append to the audit log {}: {}", file, unwritable.getMessage());
        }
    }
}
