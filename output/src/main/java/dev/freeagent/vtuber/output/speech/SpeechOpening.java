package dev.freeagent.vtuber.output.speech;

/**
 * The first message of a speech stream.
 *
 * @param sessionId the client socket's id (a turn's task id, or the sessionId given to {@code /tts/mock})
 * @param taskId for logs
 * @param kind what the stream carries
 */
public record SpeechOpening(String sessionId, String taskId, SpeechKind kind) {
    /**
     * Validates the opening.
     */
    public SpeechOpening {
        if (sessionId.isBlank()) {
            throw new SpeechRejectedException(SpeechRejectedException.Reason.INVALID,
                                              "A speech stream must name its session_id.");
        }
    }
}
