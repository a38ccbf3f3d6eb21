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
 * most a partial last line (readers skip a line that does not parse); the next record then starts
 * on a line of its own instead of being glued to it. A line that cannot be written is reported in
 * the log, never thrown. Thread-safe.
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
            String text = (endsMidLine() ? "\n" : "") + JSON.writeValueAsString(line) + "\n";
            channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
            channel.force(false);
        } catch (IOException unwritable) {
            LOG.warn("could not append to the audit log {}: {}", file, unwritable.getMessage());
        }
    }

    /** Whether the file's last byte is not a line end: what a crash mid-write leaves behind. */
    private boolean endsMidLine() throws IOException {
        try (FileChannel reader = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = reader.size();
            if (size == 0) {
                return false;
            }
            ByteBuffer last = ByteBuffer.allocate(1);
            reader.read(last, size - 1);
            return last.get(0) != '\n';
        }
    }
}
