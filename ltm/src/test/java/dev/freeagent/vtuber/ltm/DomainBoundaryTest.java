package dev.freeagent.vtuber.ltm;

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
 * The domain packages (memory, embedding, extraction, store, profile) import nothing of the web server, gRPC,
 * protobuf or lettuce; only {@code *Settings} records may read Helidon config.
 */
class DomainBoundaryTest {
    private static final Path MAIN = Path.of("src/main/java/dev/freeagent/vtuber/ltm");
    private static final List<String> FORBIDDEN = List.of("import io.helidon.", "import io.grpc.",
            "import com.google.protobuf.", "import io.lettuce.", "import dev.freeagent.vtuber.proto.",
            "import dev.freeagent.vtuber.common.redis.", "import dev.freeagent.vtuber.ltm.api.",
            "import dev.freeagent.vtuber.ltm.legacy.");

    @Test
    void domainPackagesImportNoWireFramework() throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Stream.of("memory", "embedding", "extraction", "store", "profile")
                .flatMap(DomainBoundaryTest::javaFiles)) {
            sources = files.toList();
        }
        List<String> offenders = sources.stream().filter(DomainBoundaryTest::offends).map(Path::toString).toList();

        assertThat(sources.size(), is(greaterThan(30)));
        assertThat(offenders, is(empty()));
    }

    private static Stream<Path> javaFiles(String pkg) {
        try (Stream<Path> files = Files.list(MAIN.resolve(pkg))) {
            return files.filter(p -> p.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
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
}
