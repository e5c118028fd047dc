/**
 * PostgreSQL storage over plain JDBC: events as jsonb rows, and for the attributes asked about across
 * timelines their change points, maintained by every ingest in its transaction and queried in SQL.
 */
package dev.timelines.adapters.out.postgres;
