package corezero.nic;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The RFC 1071 sum against its own worked example and odd lengths. */
class InternetChecksumTest
{
    @Test
    void sumsTheRfc1071Example()
    {
        // RFC 1071 section 3: bytes 00 01 f2 03 f4 f5 f6 f7 sum to 0xddf2 (ones' complement), checksum 0x220d.
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[]{0x00, 0x01, (byte)0xf2, 0x03,
            (byte)0xf4, (byte)0xf5, (byte)0xf6, (byte)0xf7});
        assertEquals(0xddf2, InternetChecksum.fold(InternetChecksum.add(0, buffer, 0, 8)));
        assertEquals(0x220d, InternetChecksum.checksum(buffer, 0, 8));
    }

    @Test
    void padsAnOddLastByteWithZero()
    {
        final UnsafeBuffer odd = new UnsafeBuffer(new byte[]{0x12, 0x34, 0x56});
        final UnsafeBuffer even = new UnsafeBuffer(new byte[]{0x12, 0x34, 0x56, 0x00});
        assertEquals(InternetChecksum.checksum(even, 0, 4), InternetChecksum.checksum(odd, 0, 3));
        assertEquals(~(0x1234 + 0x5600) & 0xFFFF, InternetChecksum.checksum(odd, 0, 3));
        for (int length = 0; length <= 3; length++)
        {
            final int expected = ~fold(naiveSum(odd, length)) & 0xFFFF;
            assertEquals(expected, InternetChecksum.checksum(odd, 0, length), "length " + length);
        }
    }

    @Test
    void agreesWithWordByWordSumAtEveryLengthAndAlignment()
    {
        final byte[] bytes = new byte[200];
        for (int i = 0; i < bytes.length; i++)
        {
            bytes[i] = (byte)(0xF0 + i * 7);
        }
        final UnsafeBuffer buffer = new UnsafeBuffer(bytes);
        for (int offset = 0; offset < 4; offset++)
        {
            for (int length = 0; length + offset <= bytes.length; length++)
            {
                final UnsafeBuffer view = new UnsafeBuffer(bytes, offset, bytes.length - offset);
                assertEquals(~fold(naiveSum(view, length)) & 0xFFFF, InternetChecksum.checksum(buffer, offset, length),
                    "offset " + offset + " length " + length);
            }
        }
    }

    private static long naiveSum(final UnsafeBuffer buffer, final int length)
    {
        long sum = 0;
        for (int i = 0; i < length; i += 2)
        {
            final int high = buffer.getByte(i) & 0xFF;
            final int low = i + 1 < length ? buffer.getByte(i + 1) & 0xFF : 0;
            sum += (high << 8) | low;
        }
        return sum;
    }

    private static int fold(final long sum)
    {
        long result = sum;
        while (result > 0xFFFF)
        {
            result = (result & 0xFFFF) + (result >>> 16);
        }
        return (int)result;
    }
}
