package dev.freeagent.vtuber.launcher;

/**
 * The text printed once the system is up: where front ends connect and where everything else is.
 */
final class Banner {
    private Banner() {
    }

    static String of(LocalSystem system) {
        int gateway = system.service("gateway").port();
        StringBuilder text = new StringBuilder();
        text.append("\nFree Agent VTuber is running.\n\n");
        text.append("  Open the console       http://localhost:").append(gateway).append("/console/\n");
        text.append("  Front ends connect to  ws://localhost:").append(gateway).append("/ws/input\n");
        text.append("                         ws://localhost:").append(gateway).append("/ws/output/{task_id}\n");
        text.append("  Gateway                http://localhost:").append(gateway).append("/   (health: /health)\n");
        text.append("  Internal services      ");
        for (String name : new String[] {"input", "output", "dialog", "ltm", "workers"}) {
            text.append(name).append(' ').append(system.service(name).port()).append("  ");
        }
        text.append("(HTTP + gRPC with reflection, loopback only)\n");
        text.append("  Redis                  ").append(system.redis().address())
                .append(system.embeddedRedis() ? " (embedded redis-server: none was reachable)" : "").append('\n');
        text.append("  Data folder            ").append(system.dataDir()).append('\n');
        text.append("\nPress Ctrl-C to stop.\n");
        return text.toString();
    }
}
