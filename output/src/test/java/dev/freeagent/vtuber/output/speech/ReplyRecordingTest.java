package dev.freeagent.vtuber.output.speech;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

/**
 * A file-form reply's WAV: exact header, and the length cap.
 */
class ReplyRecordingTest {
    @Test
    void buildsA44ByteHeaderThatDescribesTheSamples() {
        ReplyRecording recording = new ReplyRecording(24000, 1, Duration.ofSeconds(10));
        recording.append(new byte[] {1, 2, 3, 4});
        recording.append(new byte[] {5, 6});

        byte[] wav = recording.wav();

        ByteBuffer header = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(wav.length, is(50));
        assertThat(header.getInt(4), is(42));
        assertThat(header.getInt(24), is(24000));
        assertThat(header.getInt(28), is(48000));
        assertThat(header.getShort(32), is((short) 2));
        assertThat(header.getInt(40), is(6));
        assertThat(wav[44], is((byte) 1));
        assertThat(wav[49], is((byte) 6));
    }

    @Test
    void dropsAudioPastTheLengthLimitAndSaysSo() {
        // 1 s of 8 kHz stereo = 32,000 bytes
        ReplyRecording recording = new ReplyRecording(8000, 2, Duration.ofSeconds(1));

        assertThat(recording.append(new byte[30_000]), is(true));
        assertThat(recording.append(new byte[5_000]), is(false));
        assertThat(recording.append(new byte[10]), is(false));

        byte[] wav = recording.wav();
        assertThat(wav.length, is(44 + 32_000));
        assertThat(ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN).getInt(40), is(32_000));
    }
}
