package corezero.nic;

import org.agrona.DirectBuffer;

import java.util.function.LongSupplier;

/**
 * What {@link XdpTransport} and {@link PacketRingTransport} share: their counters (written by the polling thread
 * with release stores, read from any thread) and raw frame transmission through their TX side.
 */
abstract class AbstractRingTransport implements RingTransport
{
    /** The polling thread's counts. */
    final RingCounters counters = new RingCounters();

    private LongSupplier kernelStatistics = () -> 0;
    private long lastKernelDrops;

    /**
     * Control path, by {@code open}: where {@link #kernelDrops()} reads the socket's statistics.
     *
     * @param kernelStatistics reads the drops since open, or -1 when the read fails.
     */
    final void kernelStatistics(final LongSupplier kernelStatistics)
    {
        this.kernelStatistics = kernelStatistics;
    }

    /** @return whether the transport has been closed (its socket gone). */
    abstract boolean isClosed();

    /** {@inheritDoc} */
    public synchronized long kernelDrops()
    {
        if (!isClosed())
        {
            final long drops = kernelStatistics.getAsLong();
            if (drops >= 0)
            {
                lastKernelDrops = drops;
            }
        }
        return lastKernelDrops;
    }

    /** @return the TX side frames are claimed from and posted to. */
    abstract TxFrameRing txFrameRing();

    /** {@inheritDoc} */
    public boolean sendFrame(final DirectBuffer frame, final int offset, final int length)
    {
        final TxFrameRing ring = txFrameRing();
        if (length < 1 || length > ring.maxFrameLength() || offset < 0 || offset > frame.capacity() - length)
        {
            counters.increment(RingCounters.FRAMES_NOT_SENT);
            return false;
        }
        final int slot = ring.claim();
        if (slot < 0)
        {
            return false;
        }
        ring.frameBuffer().putBytes(slot, frame, offset, length);
        ring.post(slot, length);
        return true;
    }

    /** @return frames accepted and handed to handlers. */
    public long framesReceived()
    {
        return counters.get(RingCounters.FRAMES_RECEIVED);
    }

    /** @return UDP payload bytes handed to handlers. */
    public long bytesReceived()
    {
        return counters.get(RingCounters.BYTES_RECEIVED);
    }

    /**
     * @param reason a {@link RawUdpReason} code.
     * @return frames dropped for that reason; 0 for {@link RawUdpReason#OK}.
     */
    public long malformedFrames(final int reason)
    {
        return counters.malformed(reason);
    }

    /** @return frames dropped as malformed, all reasons. */
    public long malformedFrames()
    {
        return counters.malformed();
    }

    /** @return transmit wake-ups (system calls), one per frame sent and one per retry. */
    public long transmitKicks()
    {
        return counters.get(RingCounters.TX_KICKS);
    }

    /** @return wake-ups that returned an errno. */
    public long kickErrors()
    {
        return counters.get(RingCounters.KICK_ERRORS);
    }

    /** @return frames posted to the TX ring, all senders. */
    public long framesSent()
    {
        return counters.get(RingCounters.FRAMES_SENT);
    }

    /** @return sends the TX side refused: no free TX frame, the transport closed, or a frame too long. */
    public long framesNotSent()
    {
        return counters.get(RingCounters.FRAMES_NOT_SENT);
    }
}
