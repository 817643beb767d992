package corezero.nic;

import org.agrona.DirectBuffer;

/**
 * The Internet checksum of RFC 1071, shared by the IPv4 header and UDP: the ones' complement of the ones'
 * complement sum of big-endian 16-bit words, an odd last byte padded with a zero byte. Sums are accumulated in a
 * {@code long} (no carries are lost for any length that fits in an int) and folded to 16 bits at the end, since
 * ones' complement addition is associative and the end-around carries can be added at any time.
 * <p>
 * Verifying: the sum over data that includes its own correct checksum folds to {@code 0xFFFF}.
 */
public final class InternetChecksum
{
    /** What {@link #fold(long)} gives over data that carries its correct checksum. */
    public static final int VERIFIED = 0xFFFF;

    private InternetChecksum()
    {
    }

    /**
     * Add the 16-bit big-endian words of a byte range to a running sum.
     *
     * @param sum    running sum, 0 to start.
     * @param buffer holding the bytes.
     * @param offset of the first byte; a word starts here.
     * @param length in bytes; an odd last byte counts as the high byte of a word.
     * @return the new running sum, not folded.
     */
    public static long add(final long sum, final DirectBuffer buffer, final int offset, final int length)
    {
        long result = sum;
        final int end = offset + length;
        int i = offset;
        for (; i + 4 <= end; i += 4)
        {
            result += buffer.getInt(i, RawUdpDescriptor.BYTE_ORDER) & 0xFFFF_FFFFL;
        }
        if (i + 2 <= end)
        {
            result += buffer.getShort(i, RawUdpDescriptor.BYTE_ORDER) & 0xFFFF;
            i += 2;
        }
        if (i < end)
        {
            result += (buffer.getByte(i) & 0xFF) << 8;
        }
        return result;
    }

    /**
     * Fold a running sum to 16 bits with end-around carries.
     *
     * @param sum running sum.
     * @return the ones' complement sum, 0 to 0xFFFF.
     */
    public static int fold(final long sum)
    {
        long result = sum;
        while (0 != (result >>> 16))
        {
            result = (result & 0xFFFF) + (result >>> 16);
        }
        return (int)result;
    }

    /**
     * @param sum running sum.
     * @return the checksum to write: the complement of the folded sum, 0 to 0xFFFF.
     */
    public static int checksum(final long sum)
    {
        return ~fold(sum) & 0xFFFF;
    }

    /**
     * @param buffer holding the bytes.
     * @param offset of the first byte.
     * @param length in bytes.
     * @return the checksum of the range alone.
     */
    public static int checksum(final DirectBuffer buffer, final int offset, final int length)
    {
        return checksum(add(0, buffer, offset, length));
    }

    /**
     * Start a UDP checksum with the IPv4 pseudo-header.
     *
     * @param sourceAddress      IPv4 source address.
     * @param destinationAddress IPv4 destination address.
     * @param udpLength          UDP length field (header and payload).
     * @return the running sum of the pseudo-header.
     */
    public static long udpPseudoHeader(final int sourceAddress, final int destinationAddress, final int udpLength)
    {
        return (sourceAddress >>> 16) + (sourceAddress & 0xFFFF) +
            (destinationAddress >>> 16) + (destinationAddress & 0xFFFF) +
            RawUdpDescriptor.PROTOCOL_UDP + (udpLength & 0xFFFF);
    }
}
