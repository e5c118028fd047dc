package dev.timelines.adapters.in.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AllowedMethodsTest {

    private final AllowedMethods allowed = new AllowedMethods(
            List.of(TimelineResource.class, TimelinesSearchResource.class, EventsResource.class));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/timelines/k | DELETE GET HEAD OPTIONS",
            "/timelines/k/ | DELETE GET HEAD OPTIONS",
            "/timelines/k/events | GET HEAD OPTIONS POST",
            "/timelines/k/history | GET HEAD OPTIONS",
            "/timelines/a%2Fb/state | GET HEAD OPTIONS",
            "/timelines | DELETE GET HEAD OPTIONS",
            "/events | GET HEAD OPTIONS POST",
            "/events/import | OPTIONS POST"})
    void eachPathTakesTheMethodsOfItsResourceMethodsWithHeadAndOptions(String path, String methods) {
        assertEquals(List.of(methods.split(" ")), List.copyOf(allowed.at(path)));
    }

    @Test
    void aPathNoResourceServesTakesNothing() {
        assertEquals(Set.of(), allowed.at("/timelines/k/no-such-resource"));
        assertEquals(Set.of(), allowed.at("/timelines/a/b/events"));
    }

    @Test
    void aTemplateVariableIsOneSegmentUnlessItGivesARegex() {
        assertTrue(UriTemplate.pattern("/t/{key}/x").matcher("/t/a%2Fb/x").matches());
        assertFalse(UriTemplate.pattern("/t/{key}/x").matcher("/t/a/b/x").matches());
        assertTrue(UriTemplate.pattern("/t/{id: \\d{3}}").matcher("/t/123").matches());
        assertFalse(UriTemplate.pattern("/t/{id: \\d{3}}").matcher("/t/1234").matches());
        assertTrue(UriTemplate.pattern("/a.b/{rest: .*}").matcher("/a.b/x/y").matches());
        assertFalse(UriTemplate.pattern("/a.b/{rest: .*}").matcher("/aXb/x/y").matches());
    }
}
