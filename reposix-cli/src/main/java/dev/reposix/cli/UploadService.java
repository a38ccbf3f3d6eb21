package dev.reposix.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.TransferConfig;
import org.eclipse.jgit.transport.UploadPack;

/**
 * Serves {@code git-upload-pack} on a cache repository with JGit's {@link UploadPack}: only
 * {@code HEAD} and {@code refs/heads/*} are advertised (sync tags, the state ref and the mirror refs
 * stay private), filters are allowed for partial clone, and objects reachable from an advertised
 * branch may be asked for by id, which is how a partial clone fetches missing blobs later. Stateless
 * and thread-safe; each call serves one connection.
 */
final class UploadService {

    private UploadService() {
    }

    /**
     * Serves one upload-pack conversation until the client is done.
     *
     * @param repository the cache repository
     * @param in the client's requests (the helper's raw stdin, nothing buffered ahead)
     * @param out the responses (the helper's real stdout)
     * @param gitProtocol the {@code GIT_PROTOCOL} value git passed, e.g. {@code version=2}
     * @throws IOException when the conversation breaks off
     */
    static void serve(Repository repository, InputStream in, OutputStream out, Optional<String> gitProtocol)
            throws IOException {
        UploadPack upload = new UploadPack(repository);
        Config config = new Config(repository.getConfig());
        config.setBoolean("uploadpack", null, "allowfilter", true);
        upload.setTransferConfig(new TransferConfig(config));
        upload.setRequestPolicy(UploadPack.RequestPolicy.REACHABLE_COMMIT);
        upload.setRefFilter(UploadService::branchesOnly);
        gitProtocol.filter(value -> !value.isBlank())
                .ifPresent(value -> upload.setExtraParameters(List.of(value.split(":"))));
        upload.setBiDirectionalPipe(true);
        upload.upload(in, out, null);
        out.flush();
    }

    private static Map<String, Ref> branchesOnly(Map<String, Ref> refs) {
        Map<String, Ref> kept = new LinkedHashMap<>();
        refs.forEach((name, ref) -> {
            if (name.equals(Constants.HEAD) || name.startsWith(Constants.R_HEADS)) {
                kept.put(name, ref);
            }
        });
        return kept;
    }
}
