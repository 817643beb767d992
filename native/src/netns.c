#define _GNU_SOURCE
#include "cz_netns.h"

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <unistd.h>

int cz_netns_open_current(void)
{
    const int fd = open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC);
    return fd < 0 ? -errno : fd;
}

int cz_netns_enter_fd(const int fd)
{
    return setns(fd, CLONE_NEWNET) == 0 ? 0 : errno;
}

int cz_netns_enter_path(const char *path)
{
    const int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
    {
        return errno;
    }
    const int err = cz_netns_enter_fd(fd);
    close(fd);
    return err;
}
