package dev.timelines.bootstrap;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Authentication on, on the volatile store and a free port: two API keys, and JWTs verified with the test key
 * pair in src/test/resources (the private half signs the tests' tokens).
 */
public class AuthEnabled implements QuarkusTestProfile {

    static final String ISSUER = "https://issuer.timelines.test";
    static final String READ_KEY = "reader-s3cret";
    static final String WRITE_KEY = "writer-s3cret=";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "timelines.storage", "memory",
                "quarkus.http.test-port", "0",
                "timelines.auth.enabled", "true",
                "timelines.auth.keys", READ_KEY + "=read," + WRITE_KEY + "=write",
                "mp.jwt.verify.publickey.location", "jwt-test-public.pem",
                "mp.jwt.verify.issuer", ISSUER);
    }
}
