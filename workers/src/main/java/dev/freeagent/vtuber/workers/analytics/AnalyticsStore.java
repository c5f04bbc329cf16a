package dev.freeagent.vtuber.workers.analytics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.freeagent.vtuber.common.redis.RedisLink;
import dev.freeagent.vtuber.common.redis.RedisUnavailableException;

import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * The aggregates every worker instance shares, in Redis. Keys, all under {@code <prefix>:}:
 * <ul>
 *     <li>{@code done:<type>:<correlationId>}: string with a TTL, marks an applied event;</li>
 *     <li>{@code subjects}: set of the subjects seen ({@code chat}, {@code asr:<provider>});</li>
 *     <li>{@code stats:<subject>}: hash with {@code events} and, per metric, {@code <metric>:count},
 *         {@code <metric>:sum}, {@code <metric>:max};</li>
 *     <li>{@code recent:<subject>:<metric>}: list of the latest values, newest first, capped at the window.</li>
 * </ul>
 * One Lua script sets the marker (NX) and updates the rest, so an event is counted once however often and by
 * however many instances it is delivered. Thread-safe.
 */
public final class AnalyticsStore {
    private static final String APPLY = """
            if not redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[1]) then
              return 0
            end
            redis.call('SADD', KEYS[2], ARGV[3])
            redis.call('HINCRBY', KEYS[3], 'events', 1)
            for i = 4, #ARGV, 2 do
              local metric, value = ARGV[i], ARGV[i + 1]
              redis.call('HINCRBY', KEYS[3], metric .. ':count', 1)
              redis.call('HINCRBYFLOAT', KEYS[3], metric .. ':sum', value)
              local max = redis.call('HGET', KEYS[3], metric .. ':max')
              if not max or tonumber(value) > tonumber(max) then
                redis.call('HSET', KEYS[3], metric .. ':max', value)
              end
              local recent = KEYS[4 + (i - 4) / 2]
              redis.call('LPUSH', recent, value)
              redis.call('LTRIM', recent, 0, tonumber(ARGV[2]) - 1)
            end
            return 1
            """;
    private static final String COUNT_SUFFIX = ":count";

    private final RedisLink redis;
    private final AnalyticsSettings settings;

    /**
     * Creates the store.
     *
     * @param redis the service's Redis link (its shared connection; nothing here blocks)
     * @param settings key prefix, marker lifetime, window
     */
    public AnalyticsStore(RedisLink redis, AnalyticsSettings settings) {
        this.redis = redis;
        this.settings = settings;
    }

    /**
     * Adds an event's observation to the aggregates, unless this event was added before.
     *
     * @param type the event type
     * @param correlationId the event's correlation id
     * @param observation what it measured
     * @return true if added now, false if it had been added before
     * @throws AnalyticsUnavailableException when Redis failed
     */
    public boolean record(String type, String correlationId, Observation observation) {
        List<String> keys = new ArrayList<>(List.of(key("done:" + type + ":" + correlationId), key("subjects"),
                statsKey(observation.subject())));
        List<String> args = new ArrayList<>(List.of(Long.toString(settings.doneTtl().toSeconds()),
                Integer.toString(settings.window()), observation.subject()));
        observation.metrics().forEach((metric, value) -> {
            keys.add(recentKey(observation.subject(), metric));
            args.add(metric);
            args.add(BigDecimal.valueOf(value).toPlainString());
        });
        try {
            Long applied = commands().eval(APPLY, ScriptOutputType.INTEGER, keys.toArray(String[]::new),
                    args.toArray(String[]::new));
            return applied != null && applied == 1L;
        } catch (RedisException e) {
            throw new AnalyticsUnavailableException("the analytics aggregates in Redis could not be updated", e);
        }
    }

    /**
     * Reads all aggregates.
     *
     * @return the aggregates now
     * @throws AnalyticsUnavailableException when Redis failed
     */
    public AnalyticsSnapshot snapshot() {
        try {
            List<AnalyticsSnapshot.Subject> subjects = new ArrayList<>();
            for (String subject : new TreeSet<>(commands().smembers(key("subjects")))) {
                subjects.add(subject(subject));
            }
            return new AnalyticsSnapshot(settings.window(), subjects);
        } catch (RedisException e) {
            throw new AnalyticsUnavailableException("the analytics aggregates in Redis could not be read", e);
        }
    }

    private AnalyticsSnapshot.Subject subject(String subject) {
        Map<String, String> stats = commands().hgetall(statsKey(subject));
        Map<String, AnalyticsSnapshot.Metric> metrics = new TreeMap<>();
        stats.keySet().stream().filter(field -> field.endsWith(COUNT_SUFFIX)).forEach(field -> {
            String metric = field.substring(0, field.length() - COUNT_SUFFIX.length());
            List<Double> recent = commands().lrange(recentKey(subject, metric), 0, settings.window() - 1L)
                    .stream().map(Double::valueOf).toList();
            metrics.put(metric, new AnalyticsSnapshot.Metric(Long.parseLong(stats.get(field)),
                    number(stats, metric + ":sum"), number(stats, metric + ":max"), AnalyticsSnapshot.Recent.of(recent)));
        });
        return new AnalyticsSnapshot.Subject(subject, Long.parseLong(stats.getOrDefault("events", "0")), metrics);
    }

    private RedisCommands<String, String> commands() {
        try {
            return redis.commands();
        } catch (RedisUnavailableException e) {
            throw new AnalyticsUnavailableException("the analytics aggregates are unavailable: " + e.getMessage(), e);
        }
    }

    private static double number(Map<String, String> stats, String field) {
        return Double.parseDouble(stats.getOrDefault(field, "0"));
    }

    private String key(String suffix) {
        return settings.keyPrefix() + ":" + suffix;
    }

    private String statsKey(String subject) {
        return key("stats:" + subject);
    }

    private String recentKey(String subject, String metric) {
        return key("recent:" + subject + ":" + metric);
    }
}
