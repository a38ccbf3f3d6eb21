package dev.reposix.core.sync;

import static java.util.Objects.requireNonNull;

import dev.reposix.core.RemoteUrl;

/**
 * How {@code reposix attach} binds a clone of a mirror to the mirror's source of truth. Immutable
 * and thread-safe.
 *
 * @param remoteName the remote to add for the source of truth, e.g. {@code reposix}
 * @param mirrorName the clone's remote of the mirror, e.g. {@code origin}
 * @param bus whether the remote's URL names the mirror ({@code ?mirror=<mirrorName>}), so that a push
 *     through it can keep the mirror in step
 * @param orphanPolicy what to do with files whose page was deleted in the source of truth
 * @since 0.1
 */
public record AttachOptions(String remoteName, String mirrorName, boolean bus, OrphanPolicy orphanPolicy) {

    /**
     * Validates.
     *
     * @param remoteName the remote to add
     * @param mirrorName the remote of the mirror
     * @param bus whether the URL names the mirror
     * @param orphanPolicy the orphan policy
     * @throws IllegalArgumentException if a name is not a plain git remote name
     */
    public AttachOptions {
        requireNonNull(orphanPolicy, "orphanPolicy is null");
        for (String name : new String[] {requireNonNull(remoteName, "remoteName is null"),
            requireNonNull(mirrorName, "mirrorName is null")}) {
            if (!RemoteUrl.isRemoteName(name)) {
                throw new IllegalArgumentException("'" + name + "' is not a plain git remote name; use letters,"
                        + " digits, '.', '_' and '-', e.g. origin");
            }
        }
        if (remoteName.equals(mirrorName)) {
            throw new IllegalArgumentException("the remote for the source of truth and the remote of the mirror are"
                    + " both called '" + remoteName + "'; give them different names");
        }
    }
}
