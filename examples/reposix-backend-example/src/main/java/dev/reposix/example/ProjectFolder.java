package dev.reposix.example;

import dev.reposix.api.Record;
import dev.reposix.api.RecordId;
import dev.reposix.api.ReposixException;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The files of one project: {@code <id>.properties} per record, {@code next-id} and {@code .lock}.
 * Writes happen under an OS file lock, so several processes (and instances) can share a folder.
 */
final class ProjectFolder {

    private static final String SUFFIX = ".properties";
    private static final Pattern ID = Pattern.compile("[1-9][0-9]{0,17}");
    private static final long LOCK_WAIT_MILLIS = 10_000;

    private final Path folder;

    ProjectFolder(Path folder) {
        this.folder = folder;
    }

    List<Record> readAll() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Record> records = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*" + SUFFIX)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                read(RecordId.of(name.substring(0, name.length() - SUFFIX.length()))).ifPresent(records::add);
            }
        } catch (IOException failure) {
            throw storageFailure("list " + folder, failure);
        }
        records.sort(Comparator.comparingLong(record -> Long.parseLong(record.id().value())));
        return records;
    }

    Optional<Record> read(RecordId id) {
        if (!ID.matcher(id.value()).matches()) {
            return Optional.empty();
        }
        Path file = fileOf(id);
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (NoSuchFileException absent) {
            return Optional.empty();
        } catch (IOException failure) {
            throw storageFailure("read " + file, failure);
        }
        return Optional.of(RecordFile.fromProperties(id, properties, file.toString()));
    }

    /** Writes via a temporary file and an atomic rename, so readers never see half a record. */
    void write(Record record) {
        Path file = fileOf(record.id());
        Path temporary = folder.resolve(record.id().value() + ".tmp");
        try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            RecordFile.toProperties(record).store(writer, null);
        } catch (IOException failure) {
            throw storageFailure("write " + temporary, failure);
        }
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException failure) {
            throw storageFailure("rename " + temporary + " to " + file, failure);
        }
    }

    boolean remove(RecordId id) {
        if (!ID.matcher(id.value()).matches()) {
            return false;
        }
        try {
            return Files.deleteIfExists(fileOf(id));
        } catch (IOException failure) {
            throw storageFailure("delete " + fileOf(id), failure);
        }
    }

    /** Ids are never reused, even after a delete, so the counter lives in its own file. */
    RecordId allocateId() {
        Path counter = folder.resolve("next-id");
        try {
            long next = Files.exists(counter) ? Long.parseLong(Files.readString(counter, StandardCharsets.UTF_8).strip()) : 1;
            Files.writeString(counter, Long.toString(next + 1), StandardCharsets.UTF_8);
            return RecordId.of(Long.toString(next));
        } catch (IOException | NumberFormatException failure) {
            throw storageFailure("allocate an id in " + counter, failure);
        }
    }

    <T> T locked(Supplier<T> action) {
        try {
            Files.createDirectories(folder);
            try (FileChannel channel = FileChannel.open(folder.resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE)) {
                FileLock lock = acquire(channel);
                try {
                    return action.get();
                } finally {
                    lock.release();
                }
            }
        } catch (IOException failure) {
            throw storageFailure("lock " + folder, failure);
        }
    }

    private static FileLock acquire(FileChannel channel) throws IOException {
        long deadline = System.nanoTime() + LOCK_WAIT_MILLIS * 1_000_000;
        while (true) {
            try {
                return channel.lock();
            } catch (OverlappingFileLockException heldInThisJvm) {
                // The OS lock is per process: another instance in this JVM holds it, and lock() cannot wait for that.
                if (System.nanoTime() > deadline) {
                    throw new IOException("lock held by another instance in this process for too long", heldInThisJvm);
                }
                try {
                    Thread.sleep(5);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for the lock", interrupted);
                }
            }
        }
    }

    private Path fileOf(RecordId id) {
        return folder.resolve(id.value() + SUFFIX);
    }

    private static ReposixException storageFailure(String what, Exception failure) {
        return new ReposixException(ExampleErrorCode.STORAGE_FAILURE,
                "could not " + what + ": " + failure.getMessage() + "; check permissions and free space", failure);
    }
}
