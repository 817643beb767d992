package corezero.bench;

/**
 * One datagram as the naive design passes it between threads: a fresh copy of its bytes and the time the receiver
 * thread read it ({@link System#nanoTime()}), from which the naive variant's in-core tick-to-trade is measured.
 *
 * @param receivedNs when {@code receive} returned on the receiver thread.
 * @param bytes      the datagram, copied.
 */
record ReceivedFrame(long receivedNs, byte[] bytes)
{
}
