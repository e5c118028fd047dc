package dev.timelines.adapters.in.rest.auth;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Warns at start when the API is open to whoever reaches the port: HTTP listens beyond loopback
 * ({@code quarkus.http.host}, {@code 0.0.0.0} by default in production) while authentication is off (docs/operations.md,
 * Authentication). One WARN line whose words and MDC fields ({@code warning}, {@code http.host},
 * {@code timelines.auth.enabled}) stay the same, so that a log collector can alert on it.
 */
@Singleton
public class OpenToTheNetwork {

    static final String WARNING = "open-without-authentication";

    private static final Logger LOG = Logger.getLogger(OpenToTheNetwork.class);

    void check(@Observes StartupEvent started, AuthConfig auth,
            @ConfigProperty(name = "quarkus.http.host") String host) {
        if (auth.enabled() || loopbackOnly(host)) {
            return;
        }
        MDC.put("warning", WARNING);
        MDC.put("http.host", host);
        MDC.put("timelines.auth.enabled", "false");
        try {
            LOG.warnf("warning=%s http.host=%s timelines.auth.enabled=false: HTTP listens beyond loopback and"
                    + " authentication is off, so anyone who reaches this port can read, write and delete every"
                    + " timeline. Turn authentication on (timelines.auth.enabled=true), or listen on loopback only"
                    + " (quarkus.http.host=127.0.0.1) behind a proxy that authenticates", WARNING, host);
        } finally {
            MDC.remove("warning");
            MDC.remove("http.host");
            MDC.remove("timelines.auth.enabled");
        }
    }

    /**
     * Whether every address the host names is a loopback address ({@code localhost}, {@code 127.0.0.0/8},
     * {@code ::1}). A name that does not resolve counts as beyond: the server would not listen on it either.
     */
    static boolean loopbackOnly(String host) {
        String name = host.trim().toLowerCase(Locale.ROOT);
        if (name.isEmpty()) {
            return false;
        }
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        if (name.equals("localhost")) {
            return true;
        }
        try {
            InetAddress[] addresses = InetAddress.getAllByName(name);
            return addresses.length > 0 && Arrays.stream(addresses).allMatch(InetAddress::isLoopbackAddress);
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
