/** Use cases (port.in), storage ports (port.out) and the plain services implementing them. */
package dev.timelines.application;
