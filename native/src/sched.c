#define _GNU_SOURCE
#include "cz_sched.h"

#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <unistd.h>

int cz_sched_set_fifo(const int priority)
{
    const struct sched_param param = { .sched_priority = priority };

    /* pthread_setschedparam returns the error number instead of setting errno. */
    return pthread_setschedparam(pthread_self(), SCHED_FIFO, &param);
}

int cz_sched_set_other(void)
{
    const struct sched_param param = { .sched_priority = 0 };

    return pthread_setschedparam(pthread_self(), SCHED_OTHER, &param);
}

int cz_sched_policy(void)
{
    /* On Linux, pid 0 names the calling thread, not the whole process. */
    const int policy = sched_getscheduler(0);

    return policy < 0 ? -errno : policy;
}

int cz_set_affinity(const int cpu)
{
    if (cpu < 0 || cpu >= CPU_SETSIZE)
    {
        return EINVAL;
    }

    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);

    /* The kernel migrates the thread before this returns, so sched_getcpu() afterwards reports cpu. */
    return pthread_setaffinity_np(pthread_self(), sizeof(set), &set);
}

int cz_gettid(void)
{
    return (int)gettid();
}

int cz_current_cpu(void)
{
    const int cpu = sched_getcpu();

    return cpu < 0 ? -errno : cpu;
}
