package dev.reposix.simulator.internal.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/** Checks HTTP Basic credentials against the one configured email and API token. Immutable. */
public final class BasicAuth {
    private final byte[] expected;

    /** Creates the check; the token is kept only inside the encoded expectation. */
    public BasicAuth(String email, String token) {
        this.expected = ("Basic " + Base64.getEncoder()
            .encodeToString((email + ":" + token).getBytes(StandardCharsets.UTF_8)))
            .getBytes(StandardCharsets.UTF_8);
    }

    /** Whether the Authorization header carries the configured credentials. */
    public boolean accepts(String authorizationHeader) {
        if (authorizationHeader == null) {
            return false;
        }
        return MessageDigest.isEqual(expected, authorizationHeader.trim().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "BasicAuth[credentials redacted]";
    }
}
