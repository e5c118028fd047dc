/**
 * The cluster mode's storage (docs/scaling.md, "Kafka"): the events live in one replicated Kafka topic keyed by
 * timeline, written by transactions; every node is a member of one consumer group and applies the partitions it
 * owns into the memory engine.
 */
package dev.timelines.adapters.out.kafka;
