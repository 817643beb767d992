package corezero.ouch;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TagValue appendage: every option written by {@link OuchAppendageWriter} reads back through
 * {@link OuchAppendageReader}; undefined tags are skipped and counted; malformed elements stop the reader.
 */
class OuchAppendageTest
{
    private static final int LENGTH_INDEX = 3;

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[512]);
    private final OuchAppendageWriter writer = new OuchAppendageWriter();
    private final OuchAppendageReader reader = new OuchAppendageReader();

    private OuchAppendageReader read()
    {
        final int length = buffer.getShort(LENGTH_INDEX, OuchFlyweight.BYTE_ORDER) & 0xFFFF;
        return reader.wrap(buffer, LENGTH_INDEX + 2, length);
    }

    private void expect(final int tag, final int size)
    {
        assertTrue(reader.next(), "expected tag " + tag);
        assertEquals(tag, reader.tag());
        assertEquals(size, reader.valueLength());
        assertEquals(size, OuchOptionTag.valueSize(tag));
    }

    @Test
    void everyOptionRoundTrips()
    {
        writer.wrap(buffer, LENGTH_INDEX)
            .secondaryOrdRefNum(0x0102_0304_0506_0708L).firm("ACME").minQty(200).customerType((byte)'R')
            .maxFloor(100).priceType((byte)'m').pegOffset(-500).discretionPrice(1_000_100)
            .discretionPriceType((byte)'P').discretionPegOffset(-1).postOnly((byte)'P').randomReserves(50)
            .route("RTE1").expireTime(86_399).tradeNow((byte)'Y').handleInst((byte)'I').bboWeightIndicator((byte)'3')
            .displayQuantity(0xFFFF_FFFFL).displayPrice(Long.MIN_VALUE).groupId(65_535).sharesLocated((byte)'Y')
            .locateBroker("BRK").side((byte)'E').userRefIdx(255);

        final int expectedLength = 24 * 2 + 8 + 4 + 4 + 1 + 4 + 1 + 4 + 8 + 1 + 4 + 1 + 4 + 4 + 4 + 1 + 1 + 1 + 4 + 8
            + 2 + 1 + 4 + 1 + 1;
        assertEquals(expectedLength, writer.appendageLength());
        assertEquals(expectedLength, buffer.getShort(LENGTH_INDEX, OuchFlyweight.BYTE_ORDER));

        read();
        expect(OuchOptionTag.SECONDARY_ORD_REF_NUM, 8);
        assertEquals(0x0102_0304_0506_0708L, reader.int64Value());
        expect(OuchOptionTag.FIRM, 4);
        assertTrue(reader.alphaEquals("ACME"));
        expect(OuchOptionTag.MIN_QTY, 4);
        assertEquals(200, reader.u32Value());
        expect(OuchOptionTag.CUSTOMER_TYPE, 1);
        assertEquals('R', reader.byteValue());
        expect(OuchOptionTag.MAX_FLOOR, 4);
        assertEquals(100, reader.u32Value());
        expect(OuchOptionTag.PRICE_TYPE, 1);
        assertEquals('m', reader.byteValue());
        expect(OuchOptionTag.PEG_OFFSET, 4);
        assertEquals(-500, reader.int32Value());
        expect(OuchOptionTag.DISCRETION_PRICE, 8);
        assertEquals(1_000_100, reader.int64Value());
        expect(OuchOptionTag.DISCRETION_PRICE_TYPE, 1);
        assertEquals('P', reader.byteValue());
        expect(OuchOptionTag.DISCRETION_PEG_OFFSET, 4);
        assertEquals(-1, reader.int32Value());
        expect(OuchOptionTag.POST_ONLY, 1);
        assertEquals('P', reader.byteValue());
        expect(OuchOptionTag.RANDOM_RESERVES, 4);
        assertEquals(50, reader.u32Value());
        expect(OuchOptionTag.ROUTE, 4);
        assertEquals("RTE1", reader.alphaAsString());
        expect(OuchOptionTag.EXPIRE_TIME, 4);
        assertEquals(86_399, reader.u32Value());
        expect(OuchOptionTag.TRADE_NOW, 1);
        assertEquals('Y', reader.byteValue());
        expect(OuchOptionTag.HANDLE_INST, 1);
        assertEquals('I', reader.byteValue());
        expect(OuchOptionTag.BBO_WEIGHT_INDICATOR, 1);
        assertEquals('3', reader.byteValue());
        expect(OuchOptionTag.DISPLAY_QUANTITY, 4);
        assertEquals(0xFFFF_FFFFL, reader.u32Value());
        expect(OuchOptionTag.DISPLAY_PRICE, 8);
        assertEquals(Long.MIN_VALUE, reader.int64Value());
        expect(OuchOptionTag.GROUP_ID, 2);
        assertEquals(65_535, reader.u16Value());
        expect(OuchOptionTag.SHARES_LOCATED, 1);
        assertEquals('Y', reader.byteValue());
        expect(OuchOptionTag.LOCATE_BROKER, 4);
        assertEquals("BRK", reader.alphaAsString());
        assertTrue(reader.alphaEquals("BRK "));
        expect(OuchOptionTag.SIDE, 1);
        assertEquals('E', reader.byteValue());
        expect(OuchOptionTag.USER_REF_IDX, 1);
        assertEquals(255, reader.byteValue() & 0xFF);
        assertFalse(reader.next());
        assertFalse(reader.isMalformed());
        assertEquals(0, reader.unknownTags());
        assertEquals(24, read().scan());
    }

    @Test
    void exactBytesOfOneElement()
    {
        writer.wrap(buffer, LENGTH_INDEX).maxFloor(0x01020304);
        assertEquals(6, buffer.getShort(LENGTH_INDEX, OuchFlyweight.BYTE_ORDER));
        final byte[] element = new byte[6];
        buffer.getBytes(LENGTH_INDEX + 2, element);
        assertEquals(5, element[0], "Length = 1 (tag) + 4 (value)");
        assertEquals(OuchOptionTag.MAX_FLOOR, element[1]);
        assertEquals(1, element[2]);
        assertEquals(4, element[5]);
    }

    @Test
    void undefinedTagsAreSkippedAndCounted()
    {
        writer.wrap(buffer, LENGTH_INDEX).putInt(8, 1).minQty(100).putAlpha(19, 3, "abc").putByte(200, (byte)1)
            .userRefIdx(9).putLong(0, 7);

        read();
        expect(OuchOptionTag.MIN_QTY, 4);
        assertEquals(1, reader.unknownTags());
        expect(OuchOptionTag.USER_REF_IDX, 1);
        assertEquals(3, reader.unknownTags());
        assertFalse(reader.next());
        assertEquals(4, reader.unknownTags());
        assertFalse(reader.isMalformed());
    }

    @Test
    void elementRunningPastTheAppendageIsMalformed()
    {
        writer.wrap(buffer, LENGTH_INDEX).firm("ABCD").minQty(1);
        final int length = writer.appendageLength();

        for (int truncated = 1; truncated < length; truncated++)
        {
            if (truncated == 6)
            {
                continue;
            }
            reader.wrap(buffer, LENGTH_INDEX + 2, truncated);
            assertEquals(OuchAppendageReader.MALFORMED, reader.scan(), "truncated to " + truncated);
            assertTrue(reader.isMalformed());
        }
        reader.wrap(buffer, LENGTH_INDEX + 2, 6);
        assertEquals(1, reader.scan(), "cut exactly between elements");
    }

    @Test
    void zeroLengthElementAndWrongSizeForKnownTagAreMalformed()
    {
        buffer.putByte(10, (byte)0);
        buffer.putByte(11, (byte)OuchOptionTag.FIRM);
        assertEquals(OuchAppendageReader.MALFORMED, reader.wrap(buffer, 10, 2).scan());

        writer.wrap(buffer, LENGTH_INDEX).putShort(OuchOptionTag.MIN_QTY, 5);
        assertEquals(OuchAppendageReader.MALFORMED, read().scan());

        writer.wrap(buffer, LENGTH_INDEX).putAlpha(OuchOptionTag.USER_REF_IDX, 0, "");
        assertEquals(OuchAppendageReader.MALFORMED, read().scan());
    }

    @Test
    void rewrapResetsState()
    {
        writer.wrap(buffer, LENGTH_INDEX).putByte(99, (byte)0);
        read().scan();
        assertEquals(1, reader.unknownTags());
        reader.wrap(buffer, 0, 0);
        assertEquals(0, reader.unknownTags());
        assertFalse(reader.isMalformed());
        assertEquals(0, reader.scan());
    }

    @Test
    void writerRefusesValuesThatCannotBeFramed()
    {
        writer.wrap(buffer, LENGTH_INDEX);
        assertThrows(IllegalArgumentException.class, () -> writer.putAlpha(1, 255, ""));
    }
}
