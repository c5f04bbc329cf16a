package dev.freeagent.vtuber.output.speech;

import java.time.Duration;
import java.util.Optional;

import io.helidon.config.Config;

/**
 * Settings of the speech relay and of session routing (the {@code output} node).
 *
 * @param advertiseAddress the {@code host:port} other instances and dialog dial to reach this one; empty means
 *                         {@code 127.0.0.1:<bound port>}
 * @param sessionTtl how long a session's directory entry lives if its socket never unregisters it
 * @param speechTimeout how long a socket stays open after a result with audio for the speech to end
 * @param maxSpeech the longest reply a file-form socket gets as one WAV; later audio is dropped
 * @param stopAckTimeout how long a STOP waits for dialog's stop_ack before acknowledging to the client anyway
 * @param forwardDeadline deadline of a STOP forwarded to the instance that holds the session
 */
public record SpeechSettings(Optional<String> advertiseAddress, Duration sessionTtl, Duration speechTimeout,
                             Duration maxSpeech, Duration stopAckTimeout, Duration forwardDeadline) {
    /**
     * Validates the settings.
     */
    public SpeechSettings {
        advertiseAddress.ifPresent(SpeechSettings::checkAddress);
        positive("output.session-ttl-seconds", sessionTtl);
        positive("output.speech-timeout-seconds", speechTimeout);
        positive("output.max-speech-seconds", maxSpeech);
        positive("output.stop-ack-timeout-ms", stopAckTimeout);
        positive("output.forward-deadline-ms", forwardDeadline);
    }

    /**
     * Reads the settings.
     *
     * @param output the {@code output} node
     * @param waitTimeout how long a socket waits for its result; a directory entry must outlive wait plus speech
     * @return settings
     */
    public static SpeechSettings from(Config output, Duration waitTimeout) {
        SpeechSettings settings = new SpeechSettings(
                output.get("advertise-address").asString().map(String::trim).filter(a -> !a.isEmpty()),
                Duration.ofSeconds(output.get("session-ttl-seconds").asLong().orElse(600L)),
                Duration.ofSeconds(output.get("speech-timeout-seconds").asLong().orElse(120L)),
                Duration.ofSeconds(output.get("max-speech-seconds").asLong().orElse(600L)),
                Duration.ofMillis(output.get("stop-ack-timeout-ms").asLong().orElse(1000L)),
                Duration.ofMillis(output.get("forward-deadline-ms").asLong().orElse(2000L)));
        Duration lifetime = waitTimeout.plus(settings.speechTimeout());
        if (settings.sessionTtl().compareTo(lifetime) < 0) {
            throw new IllegalArgumentException("output.session-ttl-seconds must be at least output.wait-timeout-seconds"
                    + " + output.speech-timeout-seconds (" + lifetime.toSeconds() + " s, how long a socket can live), got "
                    + settings.sessionTtl().toSeconds());
        }
        return settings;
    }

    /**
     * The address to advertise.
     *
     * @param boundPort the port the server listens on
     * @return the configured address, or {@code 127.0.0.1:<boundPort>}
     */
    public String advertiseAddress(int boundPort) {
        return advertiseAddress.orElse("127.0.0.1:" + boundPort);
    }

    private static void checkAddress(String address) {
        int colon = address.lastIndexOf(':');
        boolean valid = colon > 0;
        if (valid) {
            try {
                int port = Integer.parseInt(address.substring(colon + 1));
                valid = port > 0 && port <= 65535;
            } catch (NumberFormatException e) {
                valid = false;
            }
        }
        if (!valid) {
            throw new IllegalArgumentException("output.advertise-address must be host:port, got \"" + address + "\"");
        }
    }

    private static void positive(String key, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(key + " must be positive, got " + value);
        }
    }
}
