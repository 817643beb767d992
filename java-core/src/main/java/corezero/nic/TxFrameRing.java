package corezero.nic;

import org.agrona.MutableDirectBuffer;

/**
 * The TX side of a ring transport as a {@link RawUdpSender} sees it: claim a frame's memory, write the frame
 * there, post it. Polling thread only; claim and post allocate nothing and never throw.
 */
interface TxFrameRing
{
    /**
     * @return offset in {@link #frameBuffer()} of a free frame, or -1 (counted by the ring) when there is none
     * or the transport is closed. A claimed frame must be posted before the next claim.
     */
    int claim();

    /**
     * @param frameOffset from {@link #claim()}.
     * @param frameLength bytes written there, 1 to {@link #maxFrameLength()}.
     */
    void post(int frameOffset, int frameLength);

    /** @return the memory frames are written into. */
    MutableDirectBuffer frameBuffer();

    /** @return the longest frame a claimed frame holds. */
    int maxFrameLength();

    /** @return what the ring sends through, for descriptions. */
    String name();
}
