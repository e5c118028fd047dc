package dev.timelines.adapters.in.rest.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which hosts keep HTTP on loopback; only literal addresses and localhost, so that no name is looked up. */
class OpenToTheNetworkTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "127.0.0.1 | true",
            "127.1.2.3 | true",
            "localhost | true",
            "LOCALHOST | true",
            "::1 | true",
            "[::1] | true",
            "0:0:0:0:0:0:0:1 | true",
            "0.0.0.0 | false",
            ":: | false",
            "10.1.2.3 | false",
            "192.168.0.7 | false",
            "fe80::1 | false",
            "'' | false"})
    void onlyLoopbackAddressesKeepTheApiOffTheNetwork(String host, boolean loopback) {
        assertEquals(loopback, OpenToTheNetwork.loopbackOnly(host), host);
    }
}
