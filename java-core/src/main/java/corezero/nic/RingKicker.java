package corezero.nic;

/**
 * The one system call a ring transport makes after setup: a wake-up of the kernel for one socket. Production
 * transports bind it to {@code NativeNic.xdpKick} or {@code NativeNic.packetRingKick}; tests pass a fake that
 * plays the kernel.
 */
@FunctionalInterface
interface RingKicker
{
    /**
     * @param receive true for the receive-side wake-up (fill ring), false to transmit what the TX ring holds.
     * @return 0, or a positive errno.
     */
    int kick(boolean receive);
}
