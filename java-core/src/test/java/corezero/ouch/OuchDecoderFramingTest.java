package corezero.ouch;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static corezero.ouch.OuchTestBytes.message;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Return codes of {@link OuchDecoder} and {@link OuchInboundDecoder} for unknown types, wrong lengths and bad
 * appendages; the handler is never called for a rejected message.
 */
class OuchDecoderFramingTest
{
    private final OuchDecoder decoder = new OuchDecoder();
    private final OuchInboundDecoder inboundDecoder = new OuchInboundDecoder();
    private final OuchCapturingHandler handler = new OuchCapturingHandler();

    private int decode(final OuchTestBytes bytes, final int length)
    {
        return decoder.decode(bytes.inBuffer(0), 0, length, handler);
    }

    private static OuchTestBytes executed(final int appendageLength)
    {
        return message('E').u64(1, 1).u32(9, 2).u32(13, 3).u64(17, 4).u8(25, 'A').u64(26, 5)
            .u16(34, appendageLength);
    }

    @Test
    void unknownTypes()
    {
        for (final char type : new char[]{'O', 'Z', 'a', '0', ' '})
        {
            assertEquals(OuchDecoder.UNKNOWN_TYPE, decode(message(type).u64(1, 0).u32(9, 0), 13), "type " + type);
        }
        assertEquals(OuchDecoder.UNKNOWN_TYPE,
            inboundDecoder.decode(message('A').inBuffer(0), 0, 1, handler));
        assertEquals(OuchDecoder.UNKNOWN_TYPE,
            inboundDecoder.decode(message('S').inBuffer(0), 0, 1, handler));
        assertEquals(0, handler.calls);
        assertEquals(5, decoder.unknownTypes());
    }

    @Test
    void everyOutboundTypeShorterThanItsFixedPartIsBadLength()
    {
        for (final char type : "SAUCDEBJPITMRXGKQ".toCharArray())
        {
            final int min = OuchMessageType.outboundMinLength((byte)type);
            final OuchTestBytes bytes = message(type).raw(new byte[min + 8]);
            for (int length = 1; length < min; length++)
            {
                assertEquals(OuchDecoder.BAD_LENGTH, decode(bytes, length), type + " length " + length);
            }
        }
        assertEquals(0, handler.calls);
    }

    @Test
    void everyInboundTypeShorterThanItsFixedPartIsBadLength()
    {
        for (final char type : "OUXMCDEQ".toCharArray())
        {
            final int min = OuchMessageType.inboundMinLength((byte)type);
            final UnsafeBuffer buffer = message(type).raw(new byte[min + 8]).inBuffer(0);
            for (int length = 1; length < min; length++)
            {
                assertEquals(OuchDecoder.BAD_LENGTH, inboundDecoder.decode(buffer, 0, length, handler));
            }
            assertEquals(OuchDecoder.OK, inboundDecoder.decode(buffer, 0, min, handler), "type " + type);
        }
    }

    @Test
    void systemEventMustBeExact()
    {
        final OuchTestBytes bytes = message('S').u64(1, 0).u8(9, 'S').raw(new byte[4]);
        assertEquals(OuchDecoder.OK, decode(bytes, 10));
        assertEquals(OuchDecoder.BAD_LENGTH, decode(bytes, 11));
        assertEquals(OuchDecoder.BAD_LENGTH, decode(bytes, 12));
    }

    @Test
    void optionalAppendage()
    {
        final OuchTestBytes canceled = message('C').u64(1, 0).u32(9, 1).u32(13, 1).u8(17, 'U');
        assertEquals(OuchDecoder.OK, decode(canceled, 18));
        assertEquals(OuchDecoder.BAD_LENGTH, decode(canceled.raw((byte)0), 19), "one stray byte");
        assertEquals(OuchDecoder.OK, decode(canceled.raw((byte)0), 20), "empty appendage");
        assertEquals(2, handler.calls);
    }

    @Test
    void appendageLengthAgainstMessageLength()
    {
        final OuchTestBytes exact = executed(3).tagValue(OuchOptionTag.USER_REF_IDX, (byte)1);
        assertEquals(OuchDecoder.OK, decode(exact, 39));
        assertEquals(OuchDecoder.BAD_APPENDAGE, decode(exact, 38), "appendage runs past the message");
        assertEquals(OuchDecoder.BAD_LENGTH, decode(executed(0).raw((byte)2, (byte)28, (byte)1), 39),
            "bytes left over after the appendage");
        assertEquals(OuchDecoder.BAD_APPENDAGE, decode(executed(0xFFFF), 36));
        assertEquals(1, decoder.decoded());
        assertEquals(2, decoder.badAppendages());
        assertEquals(1, decoder.badLengths());
    }

    @Test
    void malformedTagValueIsBadAppendage()
    {
        assertEquals(OuchDecoder.BAD_APPENDAGE,
            decode(executed(3).raw((byte)5, (byte)OuchOptionTag.USER_REF_IDX, (byte)1), 39), "element runs past");
        assertEquals(OuchDecoder.BAD_APPENDAGE,
            decode(executed(3).raw((byte)2, (byte)OuchOptionTag.MIN_QTY, (byte)1), 39), "MinQty of 1 byte");
        assertEquals(OuchDecoder.BAD_APPENDAGE, decode(executed(1).raw((byte)0), 37), "lone length byte");
        assertEquals(0, handler.calls);
    }

    @Test
    void unknownOptionTagsAreSkippedNotRejected()
    {
        assertEquals(OuchDecoder.OK, decode(executed(6).tagValue(21, (byte)9).tagValue(250, (byte)9), 42));
        assertEquals(2, decoder.unknownOptionTags());
    }

    @Test
    void outOfBufferAndEmptyAreBadLength()
    {
        final UnsafeBuffer buffer = message('P').u64(1, 0).u32(9, 1).inBuffer(0);
        assertEquals(OuchDecoder.BAD_LENGTH, decoder.decode(buffer, 0, 0, handler));
        assertEquals(OuchDecoder.BAD_LENGTH, decoder.decode(buffer, -1, 13, handler));
        assertEquals(OuchDecoder.BAD_LENGTH, decoder.decode(buffer, 0, -5, handler));
        assertEquals(OuchDecoder.BAD_LENGTH, decoder.decode(buffer, buffer.capacity() - 5, 13, handler));
        assertEquals(OuchDecoder.BAD_LENGTH, decoder.decode(buffer, Integer.MAX_VALUE, 13, handler));
        assertEquals(0, handler.calls);
    }

    @Test
    void namesAndLengths()
    {
        assertEquals("Order Accepted", OuchMessageType.outboundName((byte)'A'));
        assertEquals("Enter Order", OuchMessageType.inboundName((byte)'O'));
        assertEquals("Replace Order Request", OuchMessageType.inboundName((byte)'U'));
        assertEquals("Order Replaced", OuchMessageType.outboundName((byte)'U'));
        assertEquals("Unknown", OuchMessageType.outboundName((byte)'O'));
        assertEquals(47, OuchMessageType.inboundMinLength((byte)'O'));
        assertEquals(40, OuchMessageType.inboundMinLength((byte)'U'));
        assertEquals(9, OuchMessageType.inboundMinLength((byte)'X'));
        assertEquals(10, OuchMessageType.inboundMinLength((byte)'M'));
        assertEquals(1, OuchMessageType.inboundMinLength((byte)'Q'));
        assertEquals(64, OuchMessageType.outboundMinLength((byte)'A'));
        assertEquals(68, OuchMessageType.outboundMinLength((byte)'U'));
        assertEquals(16, OuchMessageType.outboundMinLength((byte)'R'));
        assertEquals(OuchMessageType.UNKNOWN_LENGTH, OuchMessageType.outboundMinLength((byte)'Z'));
    }
}
