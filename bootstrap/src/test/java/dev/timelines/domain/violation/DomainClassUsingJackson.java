package dev.timelines.domain.violation;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Breaks the domain rule on purpose, so that ArchitectureTest can show the rule bites. */
public class DomainClassUsingJackson {

    public String write(Object value) throws Exception {
        return new ObjectMapper().writeValueAsString(value);
    }
}
