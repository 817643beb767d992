/*
 * JNI entry points of corezero.sys.NativeSys, named by hand after the JNI mangling rules
 * (Java_<package with _ for .>_<class>_<method>); method names carry no underscores so none need escaping.
 *
 * Each is a thin call into the plain C helpers, which keeps those testable without a JVM. All are
 * setup-time calls made from core 0 (or by a hot thread once, before its duty cycle starts).
 */
#include <jni.h>

#include "cz_mem.h"
#include "cz_sched.h"

/* Bumped whenever a native signature changes, so Java refuses a stale libcorezero.so at load time. */
#define CZ_ABI_VERSION 2

JNIEXPORT jint JNICALL Java_corezero_sys_NativeSys_nativeAbiVersion(JNIEnv *env, jclass cls)
{
    (void)env;
    (void)cls;
    return CZ_ABI_VERSION;
}

JNIEXPORT jint JNICALL Java_corezero_sys_NativeSys_nativeMlockAll(JNIEnv *env, jclass cls)
{
    (void)env;
    (void)cls;
    return cz_mlockall();
}

JNIEXPORT jint JNICALL Java_corezero_sys_NativeSys_nativeMunlockAll(JNIEnv *env, jclass cls)
{
    (void)env;
    (void)cls;
    return cz_munlockall();
}

JNIEXPORT jint JNICALL Java_corezero_sys_NativeSys_nativeSetSchedFifo(JNIEnv *env, jclass cls, jint priority)
{
    (void)env;
    (void)cls;
    return cz_sched_set_fifo(priority);
}

JNIEXPORT jint JNICALL Java_corezero_sys_NativeSys_nativeSetSchedOther(JNIEnv *env, jclass cls)
{
    (void)env;
    (void)cls;
    return cz_sched_set_other();
}

JNIEXPORT jint JNICALL Java_corezero_sys_NativeSys_nativeSchedPolicy(JNIEnv *env, jclass cls)
{
    (void)env;
    (void)cls;
    return cz_sched_policy();
}

JNIEXPORT jint JNICALL Java_corezero_sys_NativeSys_nativeSetAffinity(JNIEnv *env, jclass cls, jint cpu)
{
    (void)env;
    (void)cls;
    return cz_set_affinity(cpu);
}

JNIEXPORT jint JNICALL Java_corezero_sys_NativeSys_nativeGettid(JNIEnv *env, jclass cls)
{
    (void)env;
    (void)cls;
    return cz_gettid();
}

JNIEXPORT jint JNICALL Java_corezero_sys_NativeSys_nativeCurrentCpu(JNIEnv *env, jclass cls)
{
    (void)env;
    (void)cls;
    return cz_current_cpu();
}
