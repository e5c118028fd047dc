/** The HTTP API of docs/api.md: resources, reply records and RFC 9457 problem mapping. */
package dev.timelines.adapters.in.rest;
