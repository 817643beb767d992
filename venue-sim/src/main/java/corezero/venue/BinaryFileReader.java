package corezero.venue;

import org.agrona.DirectBuffer;

import java.nio.ByteOrder;

/**
 * Cursor over the records of a NASDAQ BinaryFILE 1.00 capture held in a buffer; it allocates nothing.
 * <pre>
 *   record   +--------+--------+--------+-- ... --+--------+
 *            | L[0]   | L[1]   | P[0]   |         | P[L-1] |  Payload Length: u16 big-endian;
 *            +--------+--------+--------+-- ... --+--------+  Payload: L bytes, any value
 * </pre>
 * Records follow each other with no gap. A record of length zero marks the end of the session; a capture without it
 * is complete only as far as it goes.
 */
public final class BinaryFileReader
{
    /** Length of the big-endian payload length that starts every record. */
    public static final int LENGTH_FIELD_LENGTH = 2;

    private DirectBuffer buffer;
    private int startOffset;
    private int limit;
    private int position;
    private int messageOffset;
    private int messageLength;
    private boolean isEndOfSession;

    /**
     * Start reading records at the start of a region of a buffer.
     *
     * @param buffer holding the capture.
     * @param offset of the first record.
     * @param length of the capture in bytes.
     * @return this for fluent use.
     */
    public BinaryFileReader wrap(final DirectBuffer buffer, final int offset, final int length)
    {
        this.buffer = buffer;
        this.startOffset = offset;
        this.limit = offset + length;
        this.position = offset;
        this.messageOffset = offset;
        this.messageLength = 0;
        this.isEndOfSession = false;

        return this;
    }

    /**
     * Move to the next message.
     *
     * @return true if there is one; false at the end of the data or at the end-of-session record.
     * @throws BinaryFileFormatException if the length field or the message runs past the end of the data.
     */
    public boolean next()
    {
        if (isEndOfSession || position == limit)
        {
            return false;
        }

        final int recordOffset = position;
        if (limit - recordOffset < LENGTH_FIELD_LENGTH)
        {
            throw new BinaryFileFormatException(
                "BinaryFILE framing broken at offset " + (recordOffset - startOffset) + ": " +
                (limit - recordOffset) + " byte left, too short for the 2-byte length field",
                recordOffset - startOffset);
        }

        final int length = buffer.getShort(recordOffset, ByteOrder.BIG_ENDIAN) & 0xFFFF;
        final int dataOffset = recordOffset + LENGTH_FIELD_LENGTH;
        if (length > limit - dataOffset)
        {
            throw new BinaryFileFormatException(
                "BinaryFILE framing broken at offset " + (recordOffset - startOffset) + ": message length " + length +
                " runs past the end of the data (" + (limit - dataOffset) + " bytes left)",
                recordOffset - startOffset);
        }

        position = dataOffset + length;
        if (0 == length)
        {
            isEndOfSession = true;
            return false;
        }

        messageOffset = dataOffset;
        messageLength = length;

        return true;
    }

    /**
     * @return offset in the buffer of the current message's payload (after its length field).
     */
    public int messageOffset()
    {
        return messageOffset;
    }

    /**
     * @return length of the current message's payload.
     */
    public int messageLength()
    {
        return messageLength;
    }

    /**
     * @return true once the zero-length end-of-session record has been read.
     */
    public boolean isEndOfSession()
    {
        return isEndOfSession;
    }

    /**
     * @return bytes not read yet: after the end-of-session record this is data that should not be there.
     */
    public int remaining()
    {
        return limit - position;
    }

    /**
     * @return offset of the read position from the start of the capture.
     */
    public int position()
    {
        return position - startOffset;
    }
}
