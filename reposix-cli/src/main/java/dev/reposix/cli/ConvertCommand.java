package dev.reposix.cli;

import dev.reposix.backend.confluence.codec.PageDirectory;
import dev.reposix.backend.confluence.codec.StorageCodec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code reposix convert}: Confluence storage XHTML to Markdown and back, to preview pages. */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = {
            "Convert a page body between Confluence storage XHTML and Markdown.",
            "",
            "Convert a Confluence page body between storage XHTML and Markdown, exactly as reposix does when it",
            "syncs (--to markdown) and pushes (--to storage). Reads FILE or standard input, writes standard",
            "output or --output. Links to other pages stay as they are written, since no space is consulted.",
            "",
            "Example: reposix convert --to markdown page.xml > page.md"
        })
final class ConvertCommand implements Callable<Integer> {

    /** The two directions. */
    enum Target {
        /** Storage XHTML in, Markdown out. */
        MARKDOWN,
        /** Markdown in, storage XHTML out. */
        STORAGE
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--to", required = true, description = "markdown or storage.")
    Target target;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write here instead of standard output.")
    Path output;

    @Parameters(paramLabel = "FILE", arity = "0..1", description = "The input file (default: standard input).")
    Path input;

    @Override
    public Integer call() throws IOException {
        String text = read();
        StorageCodec codec = new StorageCodec(PageDirectory.empty());
        String converted = target == Target.MARKDOWN ? codec.toMarkdown(text) : codec.toStorage(text);
        if (output == null) {
            spec.commandLine().getOut().print(converted);
            spec.commandLine().getOut().flush();
        } else {
            Path temporary = Files.createTempFile(output.toAbsolutePath().getParent(), ".reposix-convert", ".tmp");
            Files.writeString(temporary, converted, StandardCharsets.UTF_8);
            Files.move(temporary, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return ExitCodes.OK;
    }

    private String read() throws IOException {
        byte[] bytes;
        if (input == null) {
            bytes = System.in.readAllBytes();
        } else {
            if (!Files.isRegularFile(input)) {
                throw new ParameterException(spec.commandLine(), "cannot read " + input + ": no such file");
            }
            try (InputStream stream = Files.newInputStream(input)) {
                bytes = stream.readAllBytes();
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            throw new ParameterException(spec.commandLine(), (input == null ? "standard input" : input.toString())
                    + " is not UTF-8 text; convert it to UTF-8 first");
        }
    }
}
