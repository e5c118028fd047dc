/** The HTTP API of SPEC section 3: resources, reply records and RFC 9457 problem mapping. */
package dev.timelines.adapters.in.rest;
