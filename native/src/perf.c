#define _GNU_SOURCE
#include "cz_perf.h"

#include <errno.h>
#include <linux/perf_event.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

static const char *const TRACEFS_ROOTS[] = { "/sys/kernel/tracing/events", "/sys/kernel/debug/tracing/events" };

long cz_tracepoint_id(const char *tracepoint)
{
    /* category/name, nothing that could climb out of the events directory */
    if (tracepoint == NULL || strchr(tracepoint, '/') == NULL || strstr(tracepoint, "..") != NULL)
    {
        return -EINVAL;
    }
    for (size_t i = 0; i < sizeof(TRACEFS_ROOTS) / sizeof(TRACEFS_ROOTS[0]); i++)
    {
        char path[512];
        snprintf(path, sizeof(path), "%s/%s/id", TRACEFS_ROOTS[i], tracepoint);
        FILE *file = fopen(path, "re");
        if (file == NULL)
        {
            continue;
        }
        long id = -ENOENT;
        if (fscanf(file, "%ld", &id) != 1 || id <= 0)
        {
            id = -ENOENT;
        }
        fclose(file);
        if (id > 0)
        {
            return id;
        }
    }
    return -ENOENT;
}

static int open_counter(const int tid, const uint32_t type, const uint64_t config)
{
    struct perf_event_attr attr;
    memset(&attr, 0, sizeof(attr));
    attr.size = sizeof(attr);
    attr.type = type;
    attr.config = config;
    /* enabled at open, user and kernel counted, no sampling: read() gives the running count */
    attr.disabled = 0;
    const long fd = syscall(SYS_perf_event_open, &attr, (pid_t)tid, -1, -1, PERF_FLAG_FD_CLOEXEC);
    return fd < 0 ? -errno : (int)fd;
}

int cz_perf_open_tracepoint(const int tid, const char *tracepoint)
{
    const long id = cz_tracepoint_id(tracepoint);
    return id < 0 ? (int)id : open_counter(tid, PERF_TYPE_TRACEPOINT, (uint64_t)id);
}

int cz_perf_open_software(const int tid, const int config)
{
    return config < 0 ? -EINVAL : open_counter(tid, PERF_TYPE_SOFTWARE, (uint64_t)config);
}

int64_t cz_perf_read(const int fd)
{
    uint64_t count = 0;
    const ssize_t n = read(fd, &count, sizeof(count));
    if (n < 0)
    {
        return -errno;
    }
    return n == sizeof(count) ? (int64_t)count : -EIO;
}
