package dev.timelines.bootstrap;

import java.util.function.LongSupplier;

/** How much the store holds, read at no cost, for the store size gauges (docs/operations.md, Metrics). */
record StoreSize(LongSupplier timelines, LongSupplier events) {
}
