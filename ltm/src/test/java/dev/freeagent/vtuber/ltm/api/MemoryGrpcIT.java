package dev.freeagent.vtuber.ltm.api;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import dev.freeagent.vtuber.common.grpc.GrpcChannels;
import dev.freeagent.vtuber.ltm.TestLtm;
import dev.freeagent.vtuber.proto.ltm.v1.ForgetRequest;
import dev.freeagent.vtuber.proto.ltm.v1.LongTermMemoryGrpc;
import dev.freeagent.vtuber.proto.ltm.v1.Memory;
import dev.freeagent.vtuber.proto.ltm.v1.RetrieveReply;
import dev.freeagent.vtuber.proto.ltm.v1.RetrieveRequest;
import dev.freeagent.vtuber.proto.ltm.v1.WriteReply;
import dev.freeagent.vtuber.proto.ltm.v1.WriteRequest;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * {@code vtuber.ltm.v1.LongTermMemory} over loopback against the service as {@code Main.start} wires it.
 */
class MemoryGrpcIT {
    @TempDir
    static Path dir;
    private static TestLtm.Running ltm;
    private static ManagedChannel channel;
    private static LongTermMemoryGrpc.LongTermMemoryBlockingStub stub;

    @BeforeAll
    static void start() {
        ltm = TestLtm.start(dir, Map.of());
        channel = GrpcChannels.open(ltm.service().url("http"));
        stub = LongTermMemoryGrpc.newBlockingStub(channel);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        ltm.close();
    }

    private static LongTermMemoryGrpc.LongTermMemoryBlockingStub call() {
        return stub.withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    private static WriteRequest turn(String user, String correlation, String text) {
        return WriteRequest.newBuilder().setUserId(user).setCorrelationId(correlation).setSessionId("s")
                .setUserText(text).setReply("Nice!").build();
    }

    @Test
    void aWrittenTurnIsRetrievedByMeaningAndARepeatedWriteIsADuplicate() {
        String user = "grpc-" + UUID.randomUUID();
        WriteReply first = call().write(turn(user, "s#1", "I love chocolate cake. Do you?"));
        WriteReply again = call().write(turn(user, "s#1", "I love chocolate cake. Do you?"));
        call().write(turn(user, "s#2", "I drive a blue truck to work."));
        RetrieveReply found = call().retrieve(RetrieveRequest.newBuilder().setUserId(user)
                .setQuery("What dessert does the user like?").build());

        assertThat(first.getDuplicate(), is(false));
        assertThat(first.getStoredList().stream().map(Memory::getContent).toList(), contains("I love chocolate cake"));
        assertThat(first.getStored(0).getCreatedAtMs(), is(greaterThan(0L)));
        assertThat(again.getDuplicate(), is(true));
        assertThat(again.getStoredCount(), is(0));
        Memory best = found.getMemories(0);
        assertThat(best.getContent(), is("I love chocolate cake"));
        assertThat(best.getScore(), is(greaterThan(0.4)));
        assertThat(best.getId(), is(first.getStored(0).getId()));
    }

    @Test
    void givenFactsAreStoredAsTheyAreAndForgetDeletesThem() {
        String user = "grpc-" + UUID.randomUUID();
        WriteReply written = call().write(WriteRequest.newBuilder().setUserId(user)
                .addFacts("The user's birthday is on 3 May").addFacts("The user is allergic to peanuts").build());
        long deleted = call().forget(ForgetRequest.newBuilder().setUserId(user).build()).getDeleted();
        RetrieveReply after = call().retrieve(RetrieveRequest.newBuilder().setUserId(user).setQuery("birthday")
                .setLimit(3).build());

        assertThat(written.getStoredCount(), is(2));
        assertThat(deleted, is(2L));
        assertThat(after.getMemoriesList(), is(empty()));
    }

    @Test
    void missingFieldsAreInvalidArgumentsWithOurSentences() {
        StatusRuntimeException noQuery = assertThrows(StatusRuntimeException.class,
                () -> call().retrieve(RetrieveRequest.newBuilder().setUserId("u").build()));
        StatusRuntimeException noUser = assertThrows(StatusRuntimeException.class,
                () -> call().write(WriteRequest.newBuilder().setUserText("I like tea").build()));
        StatusRuntimeException tooMany = assertThrows(StatusRuntimeException.class,
                () -> call().retrieve(RetrieveRequest.newBuilder().setUserId("u").setQuery("q").setLimit(51).build()));

        assertThat(noQuery.getStatus().getCode(), is(Status.Code.INVALID_ARGUMENT));
        assertThat(noQuery.getStatus().getDescription(), is("A query is required."));
        assertThat(noUser.getStatus().getCode(), is(Status.Code.INVALID_ARGUMENT));
        assertThat(noUser.getStatus().getDescription(), is("A user id is required."));
        assertThat(tooMany.getStatus().getDescription(),
                is("The limit must be between 1 and 50 (0 for the default of 5), got 51."));
    }
}
