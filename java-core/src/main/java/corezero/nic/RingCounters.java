package corezero.nic;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The counters of a ring transport, in one array: written by the polling thread alone with release stores
 * (plain moves on x86), read from any thread with acquire loads. Indices are the constants below; the
 * malformed-frame counts follow at {@link #MALFORMED} plus a {@link RawUdpReason} code.
 */
final class RingCounters
{
    /** Frames accepted and handed to the handler. */
    static final int FRAMES_RECEIVED = 0;
    /** Payload bytes of those frames. */
    static final int BYTES_RECEIVED = 1;
    /** RX or completion descriptors pointing outside the UMEM or past their frame; RX slots with a bad length. */
    static final int INVALID_DESCRIPTORS = 2;
    /** AF_XDP: polls that found the fill ring empty (the kernel had no frame to receive into). */
    static final int FILL_RING_EMPTY = 3;
    /** TPACKET_V2: runs of RX slots flagged TP_STATUS_LOSING (the kernel dropped frames for a full ring before). */
    static final int LOSING = 4;
    /** Receive-side wake-ups (system calls). */
    static final int RX_KICKS = 5;
    /** Transmit wake-ups (system calls). */
    static final int TX_KICKS = 6;
    /** Wake-ups that returned an errno. */
    static final int KICK_ERRORS = 7;
    /** Frames posted to the TX ring. */
    static final int FRAMES_SENT = 8;
    /** Sends refused by the ring: no free TX frame or slot, or the transport closed. */
    static final int FRAMES_NOT_SENT = 9;
    /** TPACKET_V2: TX slots the kernel refused as TP_STATUS_WRONG_FORMAT, reclaimed. */
    static final int TX_WRONG_FORMAT = 10;
    /** TPACKET_V2: RX frames flagged TP_STATUS_CSUMNOTREADY, whose UDP checksum was left to offload. */
    static final int CHECKSUM_NOT_READY = 11;
    /** First malformed-frame count; add a {@link RawUdpReason} code. */
    static final int MALFORMED = 12;
    /** Length of the array. */
    static final int LENGTH = MALFORMED + RawUdpReason.COUNT;

    private static final VarHandle COUNTS = MethodHandles.arrayElementVarHandle(long[].class);

    private final long[] counts = new long[LENGTH];

    /**
     * Polling thread only.
     *
     * @param index counter.
     */
    void increment(final int index)
    {
        COUNTS.setRelease(counts, index, counts[index] + 1);
    }

    /**
     * Polling thread only.
     *
     * @param index counter.
     * @param delta to add.
     */
    void add(final int index, final long delta)
    {
        COUNTS.setRelease(counts, index, counts[index] + delta);
    }

    /**
     * Any thread.
     *
     * @param index counter.
     * @return its value.
     */
    long get(final int index)
    {
        return (long)COUNTS.getAcquire(counts, index);
    }

    /**
     * Any thread.
     *
     * @param reason a {@link RawUdpReason} code other than OK.
     * @return frames dropped for it; 0 for OK or a code out of range.
     */
    long malformed(final int reason)
    {
        return reason > RawUdpReason.OK && reason < RawUdpReason.COUNT ? get(MALFORMED + reason) : 0;
    }

    /**
     * Any thread.
     *
     * @return frames dropped for any reason.
     */
    long malformed()
    {
        long total = 0;
        for (int reason = RawUdpReason.OK + 1; reason < RawUdpReason.COUNT; reason++)
        {
            total += get(MALFORMED + reason);
        }
        return total;
    }
}
