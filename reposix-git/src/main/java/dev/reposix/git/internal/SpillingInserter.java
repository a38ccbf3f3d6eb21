package dev.reposix.git.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.Deflater;
import org.eclipse.jgit.internal.storage.file.ObjectDirectory;
import org.eclipse.jgit.internal.storage.file.PackInserter;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.PackParser;

/**
 * Writes the first objects loose and, past a limit, the rest into one pack, as {@code git fetch}
 * does with {@code fetch.unpackLimit}: a small sync adds a few loose objects, a first import of a
 * large space one pack instead of tens of thousands of files (which the file system, and the
 * hard-linking clone of a working tree, would pay for one by one). Objects written either way are
 * visible to {@link #newReader()} at once, and to the whole repository after {@link #flush()}.
 * Not thread-safe.
 */
public final class SpillingInserter extends ObjectInserter {

    /** Loose objects before spilling into a pack; git's default {@code fetch.unpackLimit}. */
    public static final int LOOSE_LIMIT = 100;

    private final ObjectInserter loose;
    private final PackInserter pack;
    private final int looseLimit;
    private int inserted;

    private SpillingInserter(ObjectInserter loose, PackInserter pack, int looseLimit) {
        this.loose = loose;
        this.pack = pack;
        this.looseLimit = looseLimit;
    }

    /**
     * An inserter for a repository: spilling for a repository on disk, the repository's own otherwise
     * (an in-memory repository has no loose objects to save).
     *
     * @param repository the repository
     * @return the inserter; the caller closes it
     */
    public static ObjectInserter of(Repository repository) {
        return of(repository, LOOSE_LIMIT);
    }

    /**
     * An inserter with another limit, for tests.
     *
     * @param repository the repository
     * @param looseLimit how many objects are written loose before the rest go into a pack
     * @return the inserter; the caller closes it
     */
    public static ObjectInserter of(Repository repository, int looseLimit) {
        if (repository.getObjectDatabase() instanceof ObjectDirectory directory) {
            PackInserter pack = directory.newPackInserter();
            // These objects would be loose, and git writes loose objects at level 1
            // (core.looseCompression): deflating is most of the cost of writing them.
            pack.setCompressionLevel(Deflater.BEST_SPEED);
            // No lookup of each object in the existing packs first: for an object not found there,
            // JGit checks the pack folder for new packs (a stat per object), which for the tens of
            // thousands of new objects of an import costs more than the rare duplicate it would
            // avoid (one already packed is written again; git reads either copy, gc keeps one).
            pack.checkExisting(false);
            return new SpillingInserter(directory.newInserter(), pack, looseLimit);
        }
        return repository.newObjectInserter();
    }

    @Override
    public ObjectId insert(int type, byte[] data, int offset, int length) throws IOException {
        return target().insert(type, data, offset, length);
    }

    @Override
    public ObjectId insert(int objectType, long length, InputStream in) throws IOException {
        return target().insert(objectType, length, in);
    }

    @Override
    public PackParser newPackParser(InputStream in) throws IOException {
        return loose.newPackParser(in);
    }

    /** Reads the pack being written as well as everything in the repository, loose objects included. */
    @Override
    public ObjectReader newReader() {
        return pack.newReader();
    }

    @Override
    public void flush() throws IOException {
        loose.flush();
        pack.flush();
    }

    @Override
    public void close() {
        try {
            pack.close();
        } finally {
            loose.close();
        }
    }

    private ObjectInserter target() {
        return inserted++ < looseLimit ? loose : pack;
    }
}
