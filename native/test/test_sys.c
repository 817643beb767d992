/*
 * Checks the plain C helpers behind NativeSys without a JVM: `make -C native test`.
 *
 * Runs as root or not: where the answer depends on privileges (SCHED_FIFO, mlockall) it accepts the
 * permission error an unprivileged user gets. Everything it changes on this thread it puts back.
 */
#define _GNU_SOURCE
#include "cz_mem.h"
#include "cz_sched.h"

#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int failures;

static void check(const int ok, const char *what, const long value)
{
    printf("%s  %-60s (%ld)\n", ok ? "ok  " : "FAIL", what, value);
    if (!ok)
    {
        failures++;
    }
}

static void test_identity(void)
{
    const int tid = cz_gettid();
    check(tid > 0, "gettid is positive", tid);
    check(tid == getpid(), "gettid of the main thread equals the pid", tid);

    const long cpus = sysconf(_SC_NPROCESSORS_CONF);
    const int cpu = cz_current_cpu();
    check(cpu >= 0 && cpu < cpus, "current cpu within [0, configured cpus)", cpu);
}

static void test_affinity(void)
{
    cpu_set_t saved;
    if (pthread_getaffinity_np(pthread_self(), sizeof(saved), &saved) != 0)
    {
        check(0, "read the original affinity mask", errno);
        return;
    }

    check(cz_set_affinity(-1) == EINVAL, "affinity to cpu -1 is EINVAL", -1);
    check(cz_set_affinity(CPU_SETSIZE) == EINVAL, "affinity beyond CPU_SETSIZE is EINVAL", CPU_SETSIZE);
    check(cz_set_affinity(CPU_SETSIZE - 1) == EINVAL, "affinity to a CPU that is not online is EINVAL",
        CPU_SETSIZE - 1);

    const int rc = cz_set_affinity(0);
    check(rc == 0, "affinity to cpu 0 succeeds", rc);
    check(cz_current_cpu() == 0, "running on cpu 0 after pinning", cz_current_cpu());

    pthread_setaffinity_np(pthread_self(), sizeof(saved), &saved);
}

static void test_sched(void)
{
    const int root = geteuid() == 0;

    check(cz_sched_policy() == SCHED_OTHER, "starts as SCHED_OTHER", cz_sched_policy());
    check(cz_sched_set_fifo(0) == EINVAL, "SCHED_FIFO priority 0 is EINVAL", 0);
    check(cz_sched_set_fifo(100) == EINVAL, "SCHED_FIFO priority 100 is EINVAL", 100);

    const int rc = cz_sched_set_fifo(10);
    if (root)
    {
        check(rc == 0, "SCHED_FIFO 10 succeeds as root", rc);
        check(cz_sched_policy() == SCHED_FIFO, "policy is SCHED_FIFO", cz_sched_policy());
    }
    else
    {
        check(rc == 0 || rc == EPERM, "SCHED_FIFO 10 succeeds or is EPERM without root", rc);
    }

    const int restored = cz_sched_set_other();
    check(restored == 0, "back to SCHED_OTHER", restored);
    check(cz_sched_policy() == SCHED_OTHER, "policy is SCHED_OTHER again", cz_sched_policy());
}

static void test_mlock(void)
{
    const int rc = cz_mlockall();
    if (geteuid() == 0)
    {
        check(rc == 0, "mlockall succeeds as root", rc);
    }
    else
    {
        check(rc == 0 || rc == ENOMEM || rc == EPERM, "mlockall succeeds or hits the memlock limit", rc);
    }
    const int unlocked = cz_munlockall();
    check(unlocked == 0, "munlockall succeeds", unlocked);
}

int main(void)
{
    test_identity();
    test_affinity();
    test_sched();
    test_mlock();

    if (failures != 0)
    {
        fprintf(stderr, "%d check(s) failed\n", failures);
        return 1;
    }
    printf("all native checks passed\n");
    return 0;
}
