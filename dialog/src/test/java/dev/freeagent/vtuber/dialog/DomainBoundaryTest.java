package dev.freeagent.vtuber.dialog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

/**
 * The domain packages (turn, llm, memory, audio, asr, tts, speech) import nothing of the web server, gRPC, protobuf,
 * lettuce or the wire edges; only {@code *Settings} records may read Helidon config, and only the two classes that
 * are the speech stream's gRPC client may use gRPC.
 */
class DomainBoundaryTest {
    private static final Path MAIN = Path.of("src/main/java/dev/freeagent/vtuber/dialog");
    private static final List<String> DOMAIN = List.of("turn", "llm", "memory", "audio", "asr", "tts", "speech");
    private static final List<String> FORBIDDEN = List.of("import io.helidon.", "import io.grpc.",
            "import com.google.protobuf.", "import io.lettuce.", "import dev.freeagent.vtuber.proto.",
            "import dev.freeagent.vtuber.dialog.chat.");
    /** The gRPC adapters that live in the speech feature: the client of output's speech ingest. */
    private static final Set<Path> ADAPTERS = Set.of(MAIN.resolve("speech/SpeechIngestClient.java"),
            MAIN.resolve("speech/SpeechIngestLine.java"));

    @Test
    void domainPackagesImportNoWireFramework() {
        List<Path> sources = DOMAIN.stream().flatMap(DomainBoundaryTest::javaFiles)
                .filter(file -> !ADAPTERS.contains(file)).toList();
        assertThat(sources.size(), is(greaterThan(60)));
        assertThat(sources.stream().filter(DomainBoundaryTest::offends).map(Path::toString).toList(), is(empty()));
    }

    @Test
    void theExemptAdaptersExistAndAreTheOnlyOffendersOfTheirPackage() {
        List<Path> offenders = javaFiles("speech").filter(DomainBoundaryTest::offends).toList();
        assertThat(Set.copyOf(offenders), is(ADAPTERS));
    }

    private static boolean offends(Path file) {
        boolean settings = file.getFileName().toString().endsWith("Settings.java");
        try {
            return Files.readAllLines(file).stream().anyMatch(line -> FORBIDDEN.stream().anyMatch(line::startsWith)
                    && !(settings && line.startsWith("import io.helidon.config.")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Stream<Path> javaFiles(String pkg) {
        try (Stream<Path> files = Files.list(MAIN.resolve(pkg))) {
            return files.filter(p -> p.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
