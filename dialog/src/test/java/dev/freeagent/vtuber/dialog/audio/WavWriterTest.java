package dev.freeagent.vtuber.dialog.audio;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

class WavWriterTest {
    @Test
    void theJdkReadsTheFileBackAsTheSamePcm() throws IOException, UnsupportedAudioFileException {
        byte[] samples = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        PcmAudio audio = new PcmAudio(samples, 22_050, 2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WavWriter.write(audio, out);

        assertThat(out.size(), is(WavWriter.HEADER_BYTES + samples.length));
        try (AudioInputStream in = AudioSystem.getAudioInputStream(new ByteArrayInputStream(out.toByteArray()))) {
            AudioFormat format = in.getFormat();
            assertThat(format.getEncoding(), is(AudioFormat.Encoding.PCM_SIGNED));
            assertThat(format.getSampleRate(), is(22_050f));
            assertThat(format.getChannels(), is(2));
            assertThat(format.getSampleSizeInBits(), is(16));
            assertThat(format.isBigEndian(), is(false));
            assertThat(in.getFrameLength(), is(3L));
            assertThat(in.readAllBytes(), is(samples));
        }
    }

    @Test
    void pcmKnowsItsDuration() {
        PcmAudio audio = new PcmAudio(new byte[48_000], 16_000, 1);
        assertThat(audio.frames(), is(24_000L));
        assertThat(audio.durationSeconds(), is(1.5));
    }
}
