package dev.timelines.bootstrap;

import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.Config;

/**
 * The standard Kafka client settings, written under {@code kafka.} ({@code kafka.bootstrap.servers},
 * {@code kafka.security.protocol}, …) as any Kafka client on Quarkus takes them, handed to the adapter's producer,
 * consumer and admin client without the prefix.
 */
final class KafkaClientSettings {

    private static final String PREFIX = "kafka.";
    private static final String BOOTSTRAP_SERVERS = "bootstrap.servers";

    private KafkaClientSettings() {
    }

    static Map<String, Object> from(Config config) {
        Map<String, Object> settings = new HashMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(PREFIX)) {
                config.getOptionalValue(name, String.class)
                        .ifPresent(value -> settings.put(name.substring(PREFIX.length()), value));
            }
        }
        return settings;
    }

    static String bootstrapServers(Map<String, Object> settings) {
        Object servers = settings.get(BOOTSTRAP_SERVERS);
        if (servers == null) {
            throw new IllegalStateException("timelines.storage=kafka needs " + PREFIX + BOOTSTRAP_SERVERS);
        }
        return servers.toString();
    }
}
