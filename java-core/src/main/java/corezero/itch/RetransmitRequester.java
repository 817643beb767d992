package corezero.itch;

import org.agrona.DirectBuffer;

/**
 * Sends a MoldUDP64 request packet, already encoded ({@link MoldUdp64Descriptor}), to the re-request server. Called
 * on the session's thread; it must not block or allocate, and must copy the bytes if it sends them later.
 */
@FunctionalInterface
public interface RetransmitRequester
{
    /**
     * @param packet holding the request.
     * @param offset of the request.
     * @param length of the request, {@link MoldUdp64Descriptor#REQUEST_LENGTH}.
     * @return true when sent; false when it could not be sent now (the session tries again at its next retry).
     */
    boolean request(DirectBuffer packet, int offset, int length);
}
