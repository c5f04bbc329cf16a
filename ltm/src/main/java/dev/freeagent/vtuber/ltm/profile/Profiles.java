package dev.freeagent.vtuber.ltm.profile;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.freeagent.vtuber.common.json.Json;
import dev.freeagent.vtuber.ltm.memory.InvalidMemoryRequestException;
import dev.freeagent.vtuber.ltm.memory.Memory;
import dev.freeagent.vtuber.ltm.memory.MemoryStore;

/**
 * Each user's profile, in the original service's JSON shape ({@code user_id}, {@code preferences},
 * {@code personality_traits}, {@code context_info}, {@code updated_at}, {@code version}) plus
 * {@code memory_count}. The lists are derived from the user's newest memories by {@link ProfileRules}; fields a
 * client set with {@link #update} are kept in the store and laid over them (list fields are merged, others
 * replace). Thread-safe.
 */
public final class Profiles {
    private static final List<String> LISTS = List.of("preferences", "personality_traits", "context_info");
    private static final Set<String> FIXED = Set.of("user_id", "updated_at", "version", "memory_count");

    private final MemoryStore store;
    private final ProfileSettings settings;
    private final Clock clock;

    /**
     * Creates the profiles.
     *
     * @param store where memories and set fields live
     * @param settings limits
     * @param clock for {@code updated_at}
     */
    public Profiles(MemoryStore store, ProfileSettings settings, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * The user's profile now.
     *
     * @param userId the user
     * @return the profile JSON
     * @throws InvalidMemoryRequestException without a user id
     */
    public ObjectNode get(String userId) {
        String user = requireUser(userId);
        List<Memory> memories = store.recent(user, settings.maxMemories());
        Set<String> preferences = new LinkedHashSet<>();
        Set<String> traits = new LinkedHashSet<>();
        Set<String> context = new LinkedHashSet<>();
        for (Memory memory : memories) {
            ProfileRules.preferences(memory.content(), preferences);
            ProfileRules.traits(memory.content(), traits);
            ProfileRules.context(memory.content(), context);
        }
        ObjectNode profile = Json.object();
        profile.put("user_id", user);
        list(profile, "preferences", preferences);
        list(profile, "personality_traits", traits);
        list(profile, "context_info", context);
        profile.put("memory_count", memories.size());
        profile.put("updated_at", clock.instant().toString());
        profile.put("version", "1.0");
        store.profileUpdates(user).map(Json::parse).ifPresent(set -> overlay(profile, set));
        return profile;
    }

    /**
     * Sets profile fields (merged into the ones set before) and answers the resulting profile.
     *
     * @param userId the user
     * @param updates a JSON object of fields
     * @return the profile JSON
     * @throws InvalidMemoryRequestException without a user id, or when the fields are too large
     */
    public ObjectNode update(String userId, ObjectNode updates) {
        String user = requireUser(userId);
        ObjectNode merged = store.profileUpdates(user).map(Json::parse)
                .filter(JsonNode::isObject).map(ObjectNode.class::cast).orElseGet(Json::object);
        updates.properties().forEach(field -> {
            if (!FIXED.contains(field.getKey())) {
                merged.set(field.getKey(), field.getValue());
            }
        });
        String json = Json.write(merged);
        if (json.length() > settings.maxUpdateChars()) {
            throw new InvalidMemoryRequestException("The profile fields must be at most " + settings.maxUpdateChars()
                    + " characters of JSON, got " + json.length() + ".");
        }
        store.saveProfileUpdates(user, json);
        return get(user);
    }

    private void list(ObjectNode profile, String name, Set<String> values) {
        ArrayNode array = profile.putArray(name);
        values.stream().limit(settings.maxItems()).forEach(array::add);
    }

    private void overlay(ObjectNode profile, JsonNode set) {
        set.properties().forEach(field -> {
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (FIXED.contains(name)) {
                return;
            }
            if (LISTS.contains(name) && value.isArray()) {
                Set<String> merged = new LinkedHashSet<>();
                value.forEach(item -> merged.add(item.asText()));
                profile.path(name).forEach(item -> merged.add(item.asText()));
                list(profile, name, merged);
            } else {
                profile.set(name, value);
            }
        });
    }

    private static String requireUser(String userId) {
        String user = userId == null ? "" : userId.strip();
        if (user.isEmpty()) {
            throw new InvalidMemoryRequestException("A user id is required.");
        }
        return user;
    }
}
