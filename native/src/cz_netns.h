/*
 * Network namespaces of the calling thread: remember the current one, move into another.
 */
#ifndef CZ_NETNS_H
#define CZ_NETNS_H

/* open("/proc/thread-self/ns/net"): a descriptor of the current namespace, or a negative errno. */
int cz_netns_open_current(void);

/* setns into the namespace file at path (such as /var/run/netns/NAME). 0 or a positive errno. */
int cz_netns_enter_path(const char *path);

/* setns into the namespace a descriptor refers to. 0 or a positive errno. */
int cz_netns_enter_fd(int fd);

#endif
