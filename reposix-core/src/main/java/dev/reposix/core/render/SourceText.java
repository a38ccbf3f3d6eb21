package dev.reposix.core.render;

import dev.reposix.api.ReposixException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes the bytes of a file users edit: strict UTF-8 with the offending line named, the
 * byte-order mark some editors add dropped, and CRLF or lone CR line ends made LF (a checkout on
 * Windows may carry CRLF despite {@code .gitattributes}). Thread-safe (stateless).
 */
final class SourceText {

    private SourceText() {
    }

    /** Decodes UTF-8 strictly, naming the line of the first bad byte. */
    static String decode(String path, byte[] content) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer input = ByteBuffer.wrap(content);
        CharBuffer output = CharBuffer.allocate(content.length);
        CoderResult result = decoder.decode(input, output, true);
        if (result.isError()) {
            int offset = input.position();
            throw new ReposixException(RenderErrorCode.NOT_UTF8, path + ":" + lineOf(content, offset) + ": byte 0x"
                    + String.format("%02X", content[offset]) + " at offset " + offset + " is not UTF-8;"
                    + " re-save the file as UTF-8");
        }
        decoder.flush(output);
        return output.flip().toString();
    }

    /** Drops a leading byte-order mark and turns every line end into LF. */
    static String normalise(String text) {
        String withoutMark = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return withoutMark.indexOf('\r') < 0 ? withoutMark : withoutMark.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static int lineOf(byte[] content, int offset) {
        int line = 1;
        for (int index = 0; index < offset; index++) {
            if (content[index] == '\n') {
                line++;
            }
        }
        return line;
    }
}
