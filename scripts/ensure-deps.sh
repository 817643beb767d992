#!/usr/bin/env bash
# Installs what building and testing corezero needs on Debian bookworm, and stops with a clear message where
# something cannot be installed. Idempotent: only missing pieces are installed.
#   scripts/ensure-deps.sh build   what `make build` / `make demo` need (libxdp/libbpf headers for native/,
#                                  ip for native/test/smoke-nic.sh)
#   scripts/ensure-deps.sh test    the above plus what the test suite needs (node/npm for the nREPL client test,
#                                  perf)
set -euo pipefail
want=${1:-build}

missing_pkgs=()
need_pkg() { # need_pkg PACKAGE CHECK-COMMAND...
    local pkg=$1; shift
    if ! "$@" >/dev/null 2>&1; then missing_pkgs+=("$pkg"); fi
}

need_pkg libnrepl-clojure test -f /usr/share/maven-repo/nrepl/nrepl/1.0.0/nrepl-1.0.0.jar
need_pkg util-linux command -v taskset
need_pkg make command -v make
need_pkg gcc command -v gcc
need_pkg maven command -v mvn
need_pkg openjdk-17-jdk-headless command -v javac
need_pkg procps command -v ps
need_pkg libxdp-dev test -f /usr/include/xdp/xsk.h
need_pkg libbpf-dev test -f /usr/include/bpf/libbpf.h
need_pkg iproute2 command -v ip
# The namespace tests, the bench and the AF_XDP demo turn veth checksum offload off with it (see netns-pair.sh).
need_pkg ethtool test -x /usr/sbin/ethtool
if [ "$want" = test ]; then
    need_pkg nodejs command -v node
    need_pkg npm command -v npm
    need_pkg linux-perf command -v perf
fi

if [ ${#missing_pkgs[@]} -gt 0 ]; then
    echo "corezero: installing missing Debian packages: ${missing_pkgs[*]}"
    if [ "$(id -u)" -ne 0 ]; then
        echo "corezero: cannot install as $(id -un): run as root, or: sudo apt-get install -y ${missing_pkgs[*]}" >&2
        exit 1
    fi
    if ! command -v apt-get >/dev/null; then
        echo "corezero: no apt-get here (not Debian?): install ${missing_pkgs[*]} by hand" >&2
        exit 1
    fi
    if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing_pkgs[@]}"; } \
            >/tmp/corezero-apt.log 2>&1; then
        echo "corezero: apt-get could not install ${missing_pkgs[*]}; see /tmp/corezero-apt.log" >&2
        tail -5 /tmp/corezero-apt.log >&2
        exit 1
    fi
fi

java_major=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
if [ -z "$java_major" ] || [ "${java_major%%.*}" -lt 17 ]; then
    echo "corezero: java 17 or newer is required on PATH (found: ${java_major:-none})" >&2
    exit 1
fi
