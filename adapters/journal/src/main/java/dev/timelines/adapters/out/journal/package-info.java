/**
 * The durable embedded journal: an append-only, checksummed record log on local disk that the journal
 * storage adapter replays into the in-memory engine at start, after loading the engine's last snapshot.
 */
package dev.timelines.adapters.out.journal;
