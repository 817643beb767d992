package corezero.nic;

import org.agrona.DirectBuffer;

/**
 * Receives frames from a {@link FrameTransport}, on the thread that polls it.
 */
@FunctionalInterface
public interface FrameHandler
{
    /**
     * One frame, in place in the transport's memory. The bytes are valid only until this method returns: the
     * transport reuses (UDP) or hands back (ring) the memory afterwards, so decode here and keep no reference.
     *
     * @param buffer holding the frame; the same instance for every frame of a transport.
     * @param offset of the frame's first byte in {@code buffer}.
     * @param length of the frame in bytes.
     */
    void onFrame(DirectBuffer buffer, int offset, int length);
}
