/**
 * Measurements of the engine: JMH benchmarks of the command channel, the idle duty cycle, ITCH 5.0 decoding and
 * decoding into the L3 books (over a real capture, against juncture-nasdaq and parity-book), each run beside a
 * peer in the same JVM invocation; a start-up harness that times launch-to-nREPL-ready against a bare nREPL
 * server; and the tick-to-trade harness, which runs the engine against venue-sim's exchange beside the naive
 * design (a receiver thread and a java.util.concurrent queue in front of the same hot path). See
 * docs/PERFORMANCE.md for the commands and the figures.
 */
package corezero.bench;
