/**
 * The engine's view of the operating system: CPU layout and pinning, and the JNI bindings to {@code native/}
 * ({@link corezero.sys.NativeSys}, with {@link corezero.sys.Errno} to name what they return). Everything here
 * runs at setup, on core 0 or once per thread as it starts; nothing here is called per event.
 */
package corezero.sys;
