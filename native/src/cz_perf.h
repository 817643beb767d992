/*
 * Counting perf events on one thread: tracepoints (by category/name) and software counters.
 *
 * Each returns a file descriptor or a negative errno value; cz_perf_read returns the count or a negative errno.
 */
#ifndef CZ_PERF_H
#define CZ_PERF_H

#include <stdint.h>

/* The tracepoint's id from tracefs, then debugfs: a positive id, or -ENOENT (not mounted / no such event). */
long cz_tracepoint_id(const char *tracepoint);

/* perf_event_open(PERF_TYPE_TRACEPOINT) on thread tid, any CPU, counting user and kernel, enabled. */
int cz_perf_open_tracepoint(int tid, const char *tracepoint);

/* perf_event_open(PERF_TYPE_SOFTWARE, config) on thread tid, any CPU, counting user and kernel, enabled. */
int cz_perf_open_software(int tid, int config);

/* The event's current count. */
int64_t cz_perf_read(int fd);

#endif
