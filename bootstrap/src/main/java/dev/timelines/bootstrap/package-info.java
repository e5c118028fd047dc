/** The Quarkus application: wiring of adapters to use cases, configuration, and nothing else. */
package dev.timelines.bootstrap;
