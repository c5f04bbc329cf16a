package dev.freeagent.vtuber.gateway.web;

/**
 * The small HTML page at {@code /}: what the gateway serves and how many connections are open. It contains the
 * strings the original's tests look for ({@code AIVtuber API Gateway}, {@code WebSocket端点},
 * {@code 活跃连接数: <n>}).
 */
final class StatusPage {
    private static final String TEMPLATE = """
            <!DOCTYPE html>
            <html lang="zh">
            <head>
            <meta charset="utf-8">
            <title>AIVtuber API Gateway</title>
            <style>
              body { font-family: system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; color: #222; }
              code { background: #f2f2f2; padding: 0 .3rem; border-radius: 3px; }
              li { margin: .3rem 0; }
            </style>
            </head>
            <body>
            <h1>AIVtuber API Gateway</h1>
<p><a href="console/">Open the web console</a> &mdash; talk to the character by text, voice or image.</p>
            <h2>WebSocket端点</h2>
            <ul>
              <li><code>/ws/input</code> &mdash; 输入 (text, audio, image uploads)</li>
              <li><code>/ws/output/{task_id}</code> &mdash; 输出 (replies and speech)</li>
            </ul>
            <h2>HTTP</h2>
            <ul>
              <li><code>POST /control/stop</code> &mdash; barge-in <code>{"sessionId": "..."}</code></li>
              <li><code>GET /health</code>, <code>GET /connections</code></li>
            </ul>
            <p>活跃连接数: %d</p>
            </body>
            </html>
            """;

    private StatusPage() {
    }

    /**
     * Renders the page.
     *
     * @param activeConnections open proxied connections
     * @return the HTML
     */
    static String render(int activeConnections) {
        return TEMPLATE.formatted(activeConnections);
    }
}
