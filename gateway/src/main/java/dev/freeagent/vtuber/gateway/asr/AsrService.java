package dev.freeagent.vtuber.gateway.asr;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.freeagent.vtuber.common.json.Json;

import io.grpc.Channel;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * {@code POST /api/asr} (contract §2.3): recorded audio in, dialog's transcript and reply out. The audio comes as
 * base64, or by {@code path} from the one configured folder only; bodies above the configured size are refused
 * with 413 before they are read. Errors are {@code {"error": ..., "detail": ...}} with a flat detail.
 */
public final class AsrService implements HttpService {
    private final AsrSettings settings;
    private final AudioFolder folder;
    private final DialogTranscriber dialog;

    /**
     * Creates the route.
     *
     * @param settings limits and the audio folder
     * @param dialog a channel to dialog (not owned)
     */
    public AsrService(AsrSettings settings, Channel dialog) {
        this.settings = settings;
        this.folder = new AudioFolder(settings.pathRoot(), settings.maxFileBytes());
        this.dialog = new DialogTranscriber(dialog, settings.timeout());
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/asr", this::transcribe);
    }

    private void transcribe(ServerRequest req, ServerResponse res) {
        if (req.headers().contentLength().orElse(0) > settings.maxBodyBytes()) {
            send(res, 413, failureBody(new AsrFailure(413, "payload_too_large",
                    "The request is larger than " + settings.maxBodyBytes() + " bytes.")));
            return;
        }
        try {
            byte[] body = req.content().hasEntity() ? req.content().as(byte[].class) : new byte[0];
            if (body.length > settings.maxBodyBytes()) {
                throw new AsrFailedException(413, "payload_too_large",
                        "The request is larger than " + settings.maxBodyBytes() + " bytes.");
            }
            send(res, 200, dialog.transcribe(AsrRequest.parse(body, folder)));
        } catch (AsrFailedException e) {
            send(res, e.failure().status(), failureBody(e.failure()));
        }
    }

    private static ObjectNode failureBody(AsrFailure failure) {
        ObjectNode body = Json.object().put("error", failure.error());
        if (!failure.detail().isEmpty()) {
            body.put("detail", failure.detail());
        }
        return body;
    }

    private static void send(ServerResponse res, int status, ObjectNode body) {
        res.status(Status.create(status)).header(HeaderNames.CONTENT_TYPE, "application/json").send(Json.write(body));
    }
}
