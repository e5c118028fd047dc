package dev.timelines.adapters.in.rest.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The configured API keys and their roles. A key is matched in constant time against every configured key, so
 * that response timing does not reveal how much of a guess was right; keys are never logged, only their position.
 */
final class ApiKeys {

    static final Set<String> ROLES = Set.of("read", "write");

    private final List<Entry> entries;

    private ApiKeys(List<Entry> entries) {
        this.entries = entries;
    }

    /**
     * Parses {@code key=role} items. The role follows the last {@code '='}, so a key may end in base64 padding.
     *
     * @throws IllegalArgumentException naming the item's position when it is not {@code key=read} or {@code key=write}
     */
    static ApiKeys parse(List<String> items) {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String item = items.get(i).trim();
            int split = item.lastIndexOf('=');
            String role = split < 0 ? "" : item.substring(split + 1);
            if (split < 1 || !ROLES.contains(role)) {
                throw new IllegalArgumentException("timelines.auth.keys item " + (i + 1)
                        + " must be key=read or key=write");
            }
            entries.add(new Entry("api-key-" + (i + 1), digest(item.substring(0, split)), role));
        }
        return new ApiKeys(List.copyOf(entries));
    }

    int size() {
        return entries.size();
    }

    /** The key's name and role, if the token is a configured key. */
    Optional<Entry> find(String token) {
        byte[] presented = digest(token);
        Entry found = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.digest, presented)) {
                found = entry;
            }
        }
        return Optional.ofNullable(found);
    }

    /** Comparing digests keeps the comparison's length fixed, whatever the length of the key. */
    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** One configured key: a name to log it by, its digest, and its role. */
    record Entry(String name, byte[] digest, String role) {
    }
}
