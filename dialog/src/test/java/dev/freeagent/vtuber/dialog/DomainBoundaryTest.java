package dev.freeagent.vtuber.dialog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

/**
 * The domain packages (turn, llm, memory) import nothing of the web server, gRPC, protobuf or lettuce; only
 * {@code *Settings} records may read Helidon config.
 */
class DomainBoundaryTest {
    private static final Path MAIN = Path.of("src/main/java/dev/freeagent/vtuber/dialog");
    private static final List<String> FORBIDDEN = List.of("import io.helidon.", "import io.grpc.",
            "import com.google.protobuf.", "import io.lettuce.", "import dev.freeagent.vtuber.proto.");

    @Test
    void domainPackagesImportNoWireFramework() throws IOException {
        List<String> offenders;
        int scanned;
        try (Stream<Path> files = Stream.of("turn", "llm", "memory").flatMap(TestFiles::javaFiles)) {
            List<Path> sources = files.toList();
            scanned = sources.size();
            offenders = sources.stream().filter(DomainBoundaryTest::offends).map(Path::toString).toList();
        }
        assertThat(scanned, is(greaterThan(10)));
        assertThat(offenders, is(empty()));
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

    private static final class TestFiles {
        static Stream<Path> javaFiles(String pkg) {
            try {
                return Files.list(MAIN.resolve(pkg)).filter(p -> p.toString().endsWith(".java")).toList().stream();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
