/**
 * Sentinels: counters that make a kernel entry on a hot core visible. {@link corezero.sentinel.KernelEntryCounters}
 * counts one thread's system calls, context switches, page faults and migrations with perf events opened from
 * core 0.
 */
package corezero.sentinel;
