/*
 * Scheduling and placement of the calling thread: policy, CPU affinity, identity.
 *
 * Every function acts on the calling thread only and returns 0 or a positive errno value, so that the
 * JNI layer can hand the number to Java unchanged. They are meant for setup on core 0 and for a hot
 * thread pinning itself once as it starts; none of them belongs on a per-packet path.
 */
#ifndef CZ_SCHED_H
#define CZ_SCHED_H

/* Switches the calling thread to SCHED_FIFO at the given priority (1..99 on Linux). */
int cz_sched_set_fifo(int priority);

/* Returns the calling thread to SCHED_OTHER (priority 0), undoing cz_sched_set_fifo. */
int cz_sched_set_other(void);

/* The calling thread's policy (SCHED_OTHER = 0, SCHED_FIFO = 1, ...) or a negative errno value. */
int cz_sched_policy(void);

/* Restricts the calling thread to exactly one CPU; EINVAL when cpu is negative or out of range. */
int cz_set_affinity(int cpu);

/* The calling thread's kernel thread id (what /proc/<pid>/task lists and perf_event_open takes). */
int cz_gettid(void);

/* The CPU the calling thread is running on right now, or a negative errno value. */
int cz_current_cpu(void);

#endif
