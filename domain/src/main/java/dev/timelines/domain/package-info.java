/** The semantics of timelines, events, change points, transitions and states (docs/semantics.md). */
package dev.timelines.domain;
