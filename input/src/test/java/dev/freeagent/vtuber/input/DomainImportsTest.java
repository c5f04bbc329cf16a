package dev.freeagent.vtuber.input;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

/**
 * Domain classes know nothing of Helidon, gRPC, protobuf or lettuce (STYLE §2.3); only the named edges do.
 */
class DomainImportsTest {
    private static final Set<String> EDGES = Set.of("Main.java", "InputSettings.java", "UploadSocket.java",
            "InputRoutes.java", "DialogClient.java", "Turns.java");
    private static final List<String> FRAMEWORKS = List.of("import io.helidon", "import io.grpc",
            "import com.google.protobuf", "import io.lettuce", "import dev.freeagent.vtuber.proto");

    @Test
    void onlyEdgeClassesImportFrameworks() throws IOException {
        Path sources = Path.of("src/main/java/dev/freeagent/vtuber/input");
        assertThat(Files.isDirectory(sources), is(true));
        try (Stream<Path> files = Files.walk(sources)) {
            List<String> offenders = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> !EDGES.contains(file.getFileName().toString()))
                    .filter(DomainImportsTest::importsAFramework)
                    .map(file -> file.getFileName().toString())
                    .toList();
            assertThat(offenders, is(empty()));
        }
    }

    private static boolean importsAFramework(Path file) {
        try {
            return Files.readAllLines(file).stream().anyMatch(line -> FRAMEWORKS.stream().anyMatch(line::startsWith));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
