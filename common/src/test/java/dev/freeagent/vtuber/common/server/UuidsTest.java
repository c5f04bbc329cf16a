package dev.freeagent.vtuber.common.server;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

class UuidsTest {
    private static final String HEX = "0f3c2a9e5b7d4c1e8a6b9d0c1e2f3a4b";

    @Test
    void acceptsEveryFormPythonsUuidAccepts() {
        for (String form : List.of("0f3c2a9e-5b7d-4c1e-8a6b-9d0c1e2f3a4b", HEX, "{0f3c2a9e-5b7d-4c1e-8a6b-9d0c1e2f3a4b}",
                "urn:uuid:0f3c2a9e-5b7d-4c1e-8a6b-9d0c1e2f3a4b", "0F3C2A9E5B7D4C1E8A6B9D0C1E2F3A4B", "0f3c-2a9e5b7d4c1e8a6b9d0c1e2f3a4b")) {
            assertThat(form, Uuids.parse(form), is(Optional.of(HEX)));
        }
    }

    @Test
    void rejectsAnythingElse() {
        for (String form : List.of("", "not-a-uuid", HEX + "0", HEX.substring(1), "0f3c2a9e5b7d4c1e8a6b9d0c1e2f3a4g", "../etc/passwd")) {
            assertThat(form, Uuids.parse(form), is(Optional.empty()));
        }
    }
}
