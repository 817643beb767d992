#!/usr/bin/env bash
# Sets up the kernel facilities the native-transport tests and the kernel sentinel use, where they are missing:
# tracefs at /sys/kernel/tracing (the raw_syscalls:sys_enter tracepoint the sentinel counts). Idempotent.
# As a non-root user it only reports what is missing (those tests then skip outside CI, and fail inside it).
set -euo pipefail

tracing=/sys/kernel/tracing
if [ ! -d "$tracing/events" ]; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "corezero: tracefs is not mounted at $tracing and mounting it needs root:" \
             "mount -t tracefs nodev $tracing" >&2
        exit 0
    fi
    if ! mount -t tracefs nodev "$tracing" 2>/tmp/corezero-tracefs.log; then
        echo "corezero: could not mount tracefs at $tracing: $(cat /tmp/corezero-tracefs.log)" >&2
        exit 1
    fi
    echo "corezero: mounted tracefs at $tracing (for the syscall sentinel)"
fi
if [ ! -d "$tracing/events/raw_syscalls" ]; then
    echo "corezero: this kernel has no raw_syscalls tracepoint (CONFIG_FTRACE_SYSCALLS): syscalls on the hot" \
         "thread cannot be counted" >&2
fi
