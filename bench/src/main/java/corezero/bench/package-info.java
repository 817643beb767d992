/**
 * Measurements of the engine: JMH benchmarks of the command channel and the idle duty cycle, each run beside a
 * peer in the same JVM invocation, and a start-up harness that times launch-to-nREPL-ready against a bare nREPL
 * server. See docs/PERFORMANCE.md for the commands and the figures.
 */
package corezero.bench;
