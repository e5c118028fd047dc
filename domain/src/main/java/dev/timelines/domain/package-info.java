/** The semantics of timelines, events, change points, transitions and states (SPEC section 2). */
package dev.timelines.domain;
