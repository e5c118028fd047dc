package dev.timelines.application.violation;

import jakarta.enterprise.context.ApplicationScoped;

/** Breaks the application rule on purpose, so that ArchitectureTest can show the rule bites. */
@ApplicationScoped
public class ServiceUsingCdi {
}
