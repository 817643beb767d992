package corezero.ouch;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Over a million random and mutated byte arrays thrown at {@link OuchDecoder} and {@link OuchInboundDecoder}:
 * nothing throws, every result is one of the four codes, and a handler that reads every field and walks every
 * appendage of what it is handed stays within the message.
 */
class OuchDecoderFuzzTest
{
    private static final int ROUNDS = 1_200_000;
    private static final long SEED = 0x0C0C_2026L;

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[512]);
    private final UnsafeBuffer valid = new UnsafeBuffer(new byte[512]);
    private final OuchDecoder decoder = new OuchDecoder();
    private final OuchInboundDecoder inboundDecoder = new OuchInboundDecoder();
    private final ReadingHandler handler = new ReadingHandler();

    /** Reads everything it is handed: any read outside the message would throw from Agrona's bounds checks. */
    private static final class ReadingHandler implements OuchHandler, OuchInboundHandler
    {
        long sum;
        long handled;

        private void walk(final OuchFlyweight m)
        {
            handled++;
            assertTrue(m.length() >= m.appendageLengthOffset());
            final OuchAppendageReader options = m.appendage();
            while (options.next())
            {
                sum += options.valueLength() == 8 ? options.int64Value() :
                    options.valueLength() == 4 ? options.u32Value() : options.byteValue();
            }
            assertTrue(!options.isMalformed(), "decoder passed a malformed appendage");
        }

        @Override
        public void onAccepted(final OuchAcceptedDecoder m)
        {
            sum += m.price() + m.userRefNum() + (m.clOrdIdEquals("X") ? 1 : 0) + m.orderState();
            walk(m);
        }

        @Override
        public void onReplaced(final OuchReplacedDecoder m)
        {
            sum += m.clOrdIdAsString().length() + m.orderState();
            walk(m);
        }

        @Override
        public void onSystemEvent(final OuchSystemEventDecoder m)
        {
            sum += m.eventCode();
            walk(m);
        }

        @Override
        public void onCanceled(final OuchCanceledDecoder m)
        {
            sum += m.reason();
            walk(m);
        }

        @Override
        public void onAiqCanceled(final OuchAiqCanceledDecoder m)
        {
            sum += m.aiqStrategy();
            walk(m);
        }

        @Override
        public void onExecuted(final OuchExecutedDecoder m)
        {
            sum += m.matchNumber();
            walk(m);
        }

        @Override
        public void onBrokenTrade(final OuchBrokenTradeDecoder m)
        {
            sum += m.clOrdIdAsString().length();
            walk(m);
        }

        @Override
        public void onRejected(final OuchRejectedDecoder m)
        {
            sum += m.reason() + m.clOrdIdAsString().length();
            walk(m);
        }

        @Override
        public void onCancelPending(final OuchCancelPendingDecoder m)
        {
            sum += m.userRefNum();
            walk(m);
        }

        @Override
        public void onCancelReject(final OuchCancelRejectDecoder m)
        {
            sum += m.userRefNum();
            walk(m);
        }

        @Override
        public void onPriorityUpdate(final OuchPriorityUpdateDecoder m)
        {
            sum += m.orderReferenceNumber();
            walk(m);
        }

        @Override
        public void onModified(final OuchModifiedDecoder m)
        {
            sum += m.quantity();
            walk(m);
        }

        @Override
        public void onRestated(final OuchRestatedDecoder m)
        {
            sum += m.reason();
            walk(m);
        }

        @Override
        public void onMassCancelResponse(final OuchMassCancelResponseDecoder m)
        {
            sum += m.symbolAsString().length();
            walk(m);
        }

        @Override
        public void onDisableOrderEntryResponse(final OuchDisableOrderEntryResponseDecoder m)
        {
            walk(m);
        }

        @Override
        public void onEnableOrderEntryResponse(final OuchEnableOrderEntryResponseDecoder m)
        {
            walk(m);
        }

        @Override
        public void onAccountQueryResponse(final OuchAccountQueryResponseDecoder m)
        {
            sum += m.nextUserRefNum();
            walk(m);
        }

        @Override
        public void onEnterOrder(final OuchEnterOrderDecoder m)
        {
            sum += m.price() + m.symbolAsString().length();
            walk(m);
        }

        @Override
        public void onReplaceOrder(final OuchReplaceOrderDecoder m)
        {
            sum += m.price();
            walk(m);
        }

        @Override
        public void onCancelOrder(final OuchCancelOrderDecoder m)
        {
            sum += m.quantity();
            walk(m);
        }

        @Override
        public void onModifyOrder(final OuchModifyOrderDecoder m)
        {
            sum += m.side();
            walk(m);
        }

        @Override
        public void onMassCancel(final OuchMassCancelDecoder m)
        {
            walk(m);
        }

        @Override
        public void onDisableOrderEntry(final OuchDisableOrderEntryDecoder m)
        {
            walk(m);
        }

        @Override
        public void onEnableOrderEntry(final OuchEnableOrderEntryDecoder m)
        {
            walk(m);
        }

        @Override
        public void onAccountQueryRequest(final OuchAccountQueryRequestDecoder m)
        {
            walk(m);
        }
    }

    @Test
    void randomAndMutatedMessagesNeverThrow()
    {
        final SplittableRandom random = new SplittableRandom(SEED);
        final String types = "SAUCDEBJPITMRXGKQOZ";
        final long[] codes = new long[4];

        for (int round = 0; round < ROUNDS; round++)
        {
            final int length;
            switch (round % 3)
            {
                case 0:
                    length = randomMessage(random, types);
                    break;

                case 1:
                    length = mutatedValidMessage(random);
                    break;

                default:
                    length = validHeaderWithRandomAppendage(random, types);
                    break;
            }

            final int offset = random.nextInt(8);
            buffer.putBytes(offset, valid, 0, Math.min(length, buffer.capacity() - offset));
            final int claimed = random.nextInt(20) == 0 ? random.nextInt(-4, 600) : length;
            final int result = decoder.decode(buffer, offset, claimed, handler);
            final int inboundResult = inboundDecoder.decode(buffer, offset, claimed, handler);
            assertTrue(result >= OuchDecoder.OK && result <= OuchDecoder.BAD_APPENDAGE);
            assertTrue(inboundResult >= OuchDecoder.OK && inboundResult <= OuchDecoder.BAD_APPENDAGE);
            codes[result]++;
        }

        assertEquals(ROUNDS, decoder.decoded() + decoder.unknownTypes() + decoder.badLengths() +
            decoder.badAppendages());
        for (int code = 0; code < codes.length; code++)
        {
            assertTrue(codes[code] > 1000, "code " + code + " exercised: " + codes[code]);
        }
        assertTrue(handler.handled > 10_000);
    }

    private int randomMessage(final SplittableRandom random, final String types)
    {
        final int length = 1 + random.nextInt(120);
        for (int i = 0; i < length; i++)
        {
            valid.putByte(i, (byte)random.nextInt(256));
        }
        valid.putByte(0, (byte)types.charAt(random.nextInt(types.length())));

        return length;
    }

    private int mutatedValidMessage(final SplittableRandom random)
    {
        final OuchAcceptedEncoder accepted = new OuchAcceptedEncoder();
        accepted.wrap(valid, 0).timestampNs(random.nextLong()).userRefNum(random.nextLong()).symbol("AAPL")
            .clOrdId("X").orderState((byte)'L');
        final OuchAppendageWriter options = accepted.appendage();
        final int count = random.nextInt(6);
        for (int i = 0; i < count; i++)
        {
            final int tag = random.nextInt(30);
            final int size = OuchOptionTag.valueSize(tag);
            options.putAlpha(tag, size < 0 ? random.nextInt(6) : size, "");
        }
        int length = accepted.encodedLength();

        final int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++)
        {
            final int kind = random.nextInt(4);
            if (0 == kind)
            {
                valid.putByte(random.nextInt(length), (byte)random.nextInt(256));
            }
            else if (1 == kind)
            {
                length = Math.max(1, length - 1 - random.nextInt(4));
            }
            else if (2 == kind)
            {
                valid.putByte(64 + random.nextInt(Math.max(1, length - 64)), (byte)random.nextInt(256));
            }
            else
            {
                length = Math.min(valid.capacity(), length + 1 + random.nextInt(4));
            }
        }

        return length;
    }

    private int validHeaderWithRandomAppendage(final SplittableRandom random, final String types)
    {
        final byte type = (byte)types.charAt(random.nextInt(types.length()));
        final int min = Math.max(1, OuchMessageType.outboundMinLength(type));
        final int appendageLength = random.nextInt(24);
        final int length = min + appendageLength;
        for (int i = 0; i < length; i++)
        {
            valid.putByte(i, (byte)random.nextInt(256));
        }
        valid.putByte(0, type);
        if (min >= 3)
        {
            valid.putShort(min - 2, (short)(random.nextInt(10) == 0 ? random.nextInt(65536) : appendageLength),
                OuchFlyweight.BYTE_ORDER);
        }
        if (random.nextBoolean() && appendageLength >= 3)
        {
            valid.putByte(min, (byte)2);
            valid.putByte(min + 1, (byte)OuchOptionTag.USER_REF_IDX);
        }

        return length;
    }
}
