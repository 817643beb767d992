/*
 * JNI entry points of corezero.sys.NativeNic: argument conversion and exceptions only; the work is in the plain
 * C helpers (xdp.c, packet_ring.c, perf.c, netns.c, mem.c).
 *
 * Opening calls throw java.io.IOException with the helper's one-sentence message, and IllegalArgumentException
 * for arrays that are null or too short (a caller bug, checked before anything is acquired). xdpKick and
 * packetRingKick are the only calls a hot thread makes: they touch no JNI state.
 */
#include <jni.h>

#include "cz_mem.h"
#include "cz_netns.h"
#include "cz_packet_ring.h"
#include "cz_perf.h"
#include "cz_xdp.h"
#include "cz_xdp_prog.h"

#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

/* Room for the step, the errno and a verifier log tail. */
#define MESSAGE_BYTES 1024

static void throw(JNIEnv *env, const char *class_name, const char *message)
{
    const jclass cls = (*env)->FindClass(env, class_name);
    if (cls != NULL)
    {
        (*env)->ThrowNew(env, cls, message);
    }
}

/* 1 when array is non-null and at least length long; otherwise throws IllegalArgumentException. */
static int require_length(JNIEnv *env, const jarray array, const jsize length, const char *what)
{
    if (array == NULL || (*env)->GetArrayLength(env, array) < length)
    {
        throw(env, "java/lang/IllegalArgumentException", what);
        return 0;
    }
    return 1;
}

/*
 * Copies udpPorts into ports (CZ_MAX_PORTS long) and returns the count the helpers check. Out-of-range values
 * become 0 so that the helper refuses them with EINVAL; a count beyond CZ_MAX_PORTS is passed on, unread.
 */
static int copy_ports(JNIEnv *env, const jintArray udp_ports, uint16_t *ports)
{
    const jsize count = (*env)->GetArrayLength(env, udp_ports);
    if (count < 1 || count > CZ_MAX_PORTS)
    {
        return count;
    }
    jint values[CZ_MAX_PORTS];
    (*env)->GetIntArrayRegion(env, udp_ports, 0, count, values);
    for (jsize i = 0; i < count; i++)
    {
        ports[i] = values[i] >= 1 && values[i] <= 65535 ? (uint16_t)values[i] : 0;
    }
    return count;
}

JNIEXPORT jlong JNICALL Java_corezero_sys_NativeNic_nativeXdpOpen(JNIEnv *env, jclass cls, jstring interface_name,
    jint queue, jint mode, jint copy_mode, jint frame_size, jint frame_count, jintArray udp_ports,
    jint ipv4_destination, jlongArray layout)
{
    (void)cls;
    if (interface_name == NULL || !require_length(env, udp_ports, 1, "udpPorts is null or empty") ||
        !require_length(env, layout, CZ_XDP_LAYOUT_LENGTH, "layout shorter than XDP_LAYOUT_LENGTH"))
    {
        if (interface_name == NULL && !(*env)->ExceptionCheck(env))
        {
            throw(env, "java/lang/IllegalArgumentException", "interfaceName is null");
        }
        return 0;
    }

    uint16_t ports[CZ_MAX_PORTS] = { 0 };
    const int port_count = copy_ports(env, udp_ports, ports);
    const char *name = (*env)->GetStringUTFChars(env, interface_name, NULL);
    if (name == NULL)
    {
        return 0;
    }
    const struct cz_xdp_config config = {
        .interface_name = name,
        .queue = queue,
        .mode = mode,
        .copy_mode = copy_mode,
        .frame_size = frame_size > 0 ? (uint32_t)frame_size : 0,
        .frame_count = frame_count > 0 ? (uint32_t)frame_count : 0,
        .ports = ports,
        .port_count = port_count,
        .ipv4_destination = (uint32_t)ipv4_destination,
    };
    struct cz_xdp *xdp = NULL;
    char message[MESSAGE_BYTES];
    const int err = cz_xdp_open(&config, &xdp, message, sizeof(message));
    (*env)->ReleaseStringUTFChars(env, interface_name, name);
    if (err != 0)
    {
        throw(env, "java/io/IOException", message);
        return 0;
    }

    int64_t values[CZ_XDP_LAYOUT_LENGTH];
    cz_xdp_layout(xdp, values);
    (*env)->SetLongArrayRegion(env, layout, 0, CZ_XDP_LAYOUT_LENGTH, (const jlong *)values);
    return (jlong)(uintptr_t)xdp;
}

JNIEXPORT void JNICALL Java_corezero_sys_NativeNic_nativeXdpClose(JNIEnv *env, jclass cls, jlong handle)
{
    (void)env;
    (void)cls;
    cz_xdp_close((struct cz_xdp *)(uintptr_t)handle);
}

JNIEXPORT jint JNICALL Java_corezero_sys_NativeNic_nativeXdpKick(JNIEnv *env, jclass cls, jint fd, jboolean receive)
{
    (void)env;
    (void)cls;
    return cz_xdp_kick(fd, receive);
}

JNIEXPORT jint JNICALL Java_corezero_sys_NativeNic_nativeXdpStatistics(JNIEnv *env, jclass cls, jint fd,
    jlongArray stats)
{
    (void)cls;
    if (!require_length(env, stats, CZ_XDP_STATS_LENGTH, "stats shorter than XDP_STATS_LENGTH"))
    {
        return EINVAL;
    }
    int64_t values[CZ_XDP_STATS_LENGTH];
    const int err = cz_xdp_statistics(fd, values);
    if (err == 0)
    {
        (*env)->SetLongArrayRegion(env, stats, 0, CZ_XDP_STATS_LENGTH, (const jlong *)values);
    }
    return err;
}

JNIEXPORT jlong JNICALL Java_corezero_sys_NativeNic_nativePacketRingOpen(JNIEnv *env, jclass cls,
    jstring interface_name, jint frame_size, jint rx_frames, jint tx_frames, jintArray udp_ports,
    jint ipv4_destination, jlongArray layout)
{
    (void)cls;
    if (interface_name == NULL || !require_length(env, udp_ports, 1, "udpPorts is null or empty") ||
        !require_length(env, layout, CZ_PR_LAYOUT_LENGTH, "layout shorter than PR_LAYOUT_LENGTH"))
    {
        if (interface_name == NULL && !(*env)->ExceptionCheck(env))
        {
            throw(env, "java/lang/IllegalArgumentException", "interfaceName is null");
        }
        return 0;
    }

    uint16_t ports[CZ_MAX_PORTS] = { 0 };
    const int port_count = copy_ports(env, udp_ports, ports);
    const char *name = (*env)->GetStringUTFChars(env, interface_name, NULL);
    if (name == NULL)
    {
        return 0;
    }
    /* Negative counts become 0, which is no power of two, except tx_frames where 0 means "no TX ring". */
    const struct cz_packet_ring_config config = {
        .interface_name = name,
        .frame_size = frame_size > 0 ? (uint32_t)frame_size : 0,
        .rx_frames = rx_frames > 0 ? (uint32_t)rx_frames : 0,
        .tx_frames = tx_frames >= 0 ? (uint32_t)tx_frames : 3,
        .ports = ports,
        .port_count = port_count,
        .ipv4_destination = (uint32_t)ipv4_destination,
    };
    struct cz_packet_ring *ring = NULL;
    char message[MESSAGE_BYTES];
    const int err = cz_packet_ring_open(&config, &ring, message, sizeof(message));
    (*env)->ReleaseStringUTFChars(env, interface_name, name);
    if (err != 0)
    {
        throw(env, "java/io/IOException", message);
        return 0;
    }

    int64_t values[CZ_PR_LAYOUT_LENGTH];
    cz_packet_ring_layout(ring, values);
    (*env)->SetLongArrayRegion(env, layout, 0, CZ_PR_LAYOUT_LENGTH, (const jlong *)values);
    return (jlong)(uintptr_t)ring;
}

JNIEXPORT void JNICALL Java_corezero_sys_NativeNic_nativePacketRingClose(JNIEnv *env, jclass cls, jlong handle)
{
    (void)env;
    (void)cls;
    cz_packet_ring_close((struct cz_packet_ring *)(uintptr_t)handle);
}

JNIEXPORT jint JNICALL Java_corezero_sys_NativeNic_nativePacketRingKick(JNIEnv *env, jclass cls, jint fd)
{
    (void)env;
    (void)cls;
    return cz_packet_ring_kick(fd);
}

JNIEXPORT jint JNICALL Java_corezero_sys_NativeNic_nativePacketRingStatistics(JNIEnv *env, jclass cls, jint fd,
    jlongArray stats)
{
    (void)cls;
    if (!require_length(env, stats, 2, "stats shorter than 2"))
    {
        return EINVAL;
    }
    int64_t values[2];
    const int err = cz_packet_ring_statistics(fd, values);
    if (err == 0)
    {
        (*env)->SetLongArrayRegion(env, stats, 0, 2, (const jlong *)values);
    }
    return err;
}

JNIEXPORT jint JNICALL Java_corezero_sys_NativeNic_nativePerfOpenTracepoint(JNIEnv *env, jclass cls, jint tid,
    jstring tracepoint)
{
    (void)cls;
    if (tracepoint == NULL)
    {
        return -EINVAL;
    }
    const char *name = (*env)->GetStringUTFChars(env, tracepoint, NULL);
    if (name == NULL)
    {
        return -ENOMEM;
    }
    const int fd = cz_perf_open_tracepoint(tid, name);
    (*env)->ReleaseStringUTFChars(env, tracepoint, name);
    return fd;
}

JNIEXPORT jint JNICALL Java_corezero_sys_NativeNic_nativePerfOpenSoftware(JNIEnv *env, jclass cls, jint tid,
    jint config)
{
    (void)env;
    (void)cls;
    return cz_perf_open_software(tid, config);
}

JNIEXPORT jlong JNICALL Java_corezero_sys_NativeNic_nativePerfRead(JNIEnv *env, jclass cls, jint fd)
{
    (void)env;
    (void)cls;
    return cz_perf_read(fd);
}

JNIEXPORT jint JNICALL Java_corezero_sys_NativeNic_nativeCloseFd(JNIEnv *env, jclass cls, jint fd)
{
    (void)env;
    (void)cls;
    return close(fd) == 0 ? 0 : errno;
}

JNIEXPORT jint JNICALL Java_corezero_sys_NativeNic_nativeNetnsOpenCurrent(JNIEnv *env, jclass cls)
{
    (void)env;
    (void)cls;
    return cz_netns_open_current();
}

JNIEXPORT jint JNICALL Java_corezero_sys_NativeNic_nativeNetnsEnterPath(JNIEnv *env, jclass cls, jstring path)
{
    (void)cls;
    if (path == NULL)
    {
        return EINVAL;
    }
    const char *chars = (*env)->GetStringUTFChars(env, path, NULL);
    if (chars == NULL)
    {
        return ENOMEM;
    }
    const int err = cz_netns_enter_path(chars);
    (*env)->ReleaseStringUTFChars(env, path, chars);
    return err;
}

JNIEXPORT jint JNICALL Java_corezero_sys_NativeNic_nativeNetnsEnterFd(JNIEnv *env, jclass cls, jint fd)
{
    (void)env;
    (void)cls;
    return cz_netns_enter_fd(fd);
}

JNIEXPORT jint JNICALL Java_corezero_sys_NativeNic_nativeMapMemory(JNIEnv *env, jclass cls, jlong bytes,
    jboolean huge_pages, jlongArray result)
{
    (void)cls;
    if (!require_length(env, result, 4, "result shorter than 4"))
    {
        return EINVAL;
    }
    if (bytes <= 0)
    {
        return EINVAL;
    }
    struct cz_mapping mapping;
    const int err = cz_map_memory((size_t)bytes, huge_pages, &mapping);
    if (err == 0)
    {
        const jlong values[4] = {
            (jlong)(uintptr_t)mapping.address, (jlong)mapping.bytes, mapping.huge_pages, mapping.locked };
        (*env)->SetLongArrayRegion(env, result, 0, 4, values);
    }
    return err;
}

JNIEXPORT jint JNICALL Java_corezero_sys_NativeNic_nativeUnmapMemory(JNIEnv *env, jclass cls, jlong address,
    jlong bytes)
{
    (void)env;
    (void)cls;
    if (address == 0 || bytes <= 0)
    {
        return EINVAL;
    }
    return cz_unmap_memory((void *)(uintptr_t)address, (size_t)bytes);
}
