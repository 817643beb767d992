package corezero.itch;

import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;

/**
 * Builds MoldUDP64 packets for tests, byte by byte from the specification (not through the descriptor).
 */
final class MoldPackets
{
    static final String SESSION = "000012345A";

    private MoldPackets()
    {
    }

    /**
     * @return a message whose bytes say which sequence number it is meant to carry: "m" + sequence.
     */
    static byte[] message(final long sequence)
    {
        return ("m" + sequence).getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * @return a packet of {@code count} test messages starting at {@code sequence}.
     */
    static UnsafeBuffer data(final long sequence, final int count)
    {
        final byte[][] messages = new byte[count][];
        for (int i = 0; i < count; i++)
        {
            messages[i] = message(sequence + i);
        }

        return packet(SESSION, sequence, messages.length, messages);
    }

    static UnsafeBuffer heartbeat(final long nextSequence)
    {
        return packet(SESSION, nextSequence, 0);
    }

    static UnsafeBuffer endOfSession(final long nextSequence)
    {
        return packet(SESSION, nextSequence, 0xFFFF);
    }

    /**
     * @return a packet holding exactly these blocks, whatever the stated count.
     */
    static UnsafeBuffer packet(final String session, final long sequence, final int count, final byte[]... messages)
    {
        int length = 20;
        for (final byte[] message : messages)
        {
            length += 2 + message.length;
        }

        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[length]);
        final byte[] sessionBytes = session.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 10; i++)
        {
            buffer.putByte(i, i < sessionBytes.length ? sessionBytes[i] : (byte)' ');
        }
        for (int i = 0; i < 8; i++)
        {
            buffer.putByte(10 + i, (byte)(sequence >>> (56 - 8 * i)));
        }
        buffer.putByte(18, (byte)(count >>> 8));
        buffer.putByte(19, (byte)count);

        int position = 20;
        for (final byte[] message : messages)
        {
            buffer.putByte(position, (byte)(message.length >>> 8));
            buffer.putByte(position + 1, (byte)message.length);
            buffer.putBytes(position + 2, message);
            position += 2 + message.length;
        }

        return buffer;
    }

    /**
     * @return the 20 bytes of a request packet as the specification lays it out.
     */
    static byte[] request(final String session, final long sequence, final int count)
    {
        final byte[] bytes = new byte[20];
        final byte[] sessionBytes = session.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 10; i++)
        {
            bytes[i] = i < sessionBytes.length ? sessionBytes[i] : (byte)' ';
        }
        for (int i = 0; i < 8; i++)
        {
            bytes[10 + i] = (byte)(sequence >>> (56 - 8 * i));
        }
        bytes[18] = (byte)(count >>> 8);
        bytes[19] = (byte)count;

        return bytes;
    }
}
