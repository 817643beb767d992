package corezero.nic;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Frames whose length and every byte follow from a sequence number, so that a receiver can check order and
 * contents without keeping what was sent: the first 8 bytes (when there are 8) carry the sequence number, the
 * rest a pattern seeded by it.
 */
final class TestFrames
{
    private TestFrames()
    {
    }

    /**
     * @param sequence  frame number.
     * @param maxLength longest frame wanted.
     * @return a length from 1 to {@code maxLength}, varying with the sequence; every 997th frame is the longest.
     */
    static int length(final long sequence, final int maxLength)
    {
        if (sequence % 997 == 996)
        {
            return maxLength;
        }
        return 1 + (int)((sequence * 7919) % Math.min(maxLength, 1500));
    }

    static void fill(final MutableDirectBuffer buffer, final int offset, final long sequence, final int length)
    {
        int i = 0;
        if (length >= Long.BYTES)
        {
            buffer.putLong(offset, sequence);
            i = Long.BYTES;
        }
        for (; i < length; i++)
        {
            buffer.putByte(offset + i, patternByte(sequence, i));
        }
    }

    /**
     * @return null if the frame is the expected one, else what differs.
     */
    static String mismatch(
        final DirectBuffer buffer, final int offset, final int length, final long sequence, final int expectedLength)
    {
        if (length != expectedLength)
        {
            return "frame " + sequence + ": length " + length + ", expected " + expectedLength;
        }
        int i = 0;
        if (length >= Long.BYTES)
        {
            final long actual = buffer.getLong(offset);
            if (actual != sequence)
            {
                return "frame " + sequence + ": carries sequence " + actual;
            }
            i = Long.BYTES;
        }
        for (; i < length; i++)
        {
            if (buffer.getByte(offset + i) != patternByte(sequence, i))
            {
                return "frame " + sequence + ": byte " + i + " is " + buffer.getByte(offset + i) + ", expected " +
                    patternByte(sequence, i);
            }
        }
        return null;
    }

    private static byte patternByte(final long sequence, final int index)
    {
        return (byte)(sequence * 31 + index * 7);
    }
}
