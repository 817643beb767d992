package corezero.itch.tools;

import org.agrona.DirectBuffer;

/**
 * Receives the ITCH messages a capture reader finds.
 */
public interface MessageSink
{
    /**
     * @param buffer     holding the message, valid during the call.
     * @param offset     of the message.
     * @param length     of the message.
     * @param fileOffset where the message starts in the file.
     * @return false to stop reading.
     */
    boolean onMessage(DirectBuffer buffer, int offset, int length, long fileOffset);
}
