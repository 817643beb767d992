package corezero.ouch;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Encoding the engine's requests and decoding the host's replies allocates nothing after warm-up, measured with
 * the thread's own allocation counter (ThreadMXBean) over windows of a million iterations of 9 encodes and 9 decodes.
 */
class OuchAllocationTest
{
    private static final int WARM_UP_ITERATIONS = 300_000;
    private static final int MEASURED_ITERATIONS = 1_000_000;
    private static final int MAX_WINDOWS = 5;

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[1024]);
    private final OuchEnterOrderEncoder enterOrder = new OuchEnterOrderEncoder();
    private final OuchReplaceOrderEncoder replaceOrder = new OuchReplaceOrderEncoder();
    private final OuchCancelOrderEncoder cancelOrder = new OuchCancelOrderEncoder();
    private final OuchModifyOrderEncoder modifyOrder = new OuchModifyOrderEncoder();
    private final OuchAccountQueryRequestEncoder accountQuery = new OuchAccountQueryRequestEncoder();
    private final OuchAcceptedEncoder accepted = new OuchAcceptedEncoder();
    private final OuchExecutedEncoder executed = new OuchExecutedEncoder();
    private final OuchCanceledEncoder canceled = new OuchCanceledEncoder();
    private final OuchRestatedEncoder restated = new OuchRestatedEncoder();
    private final OuchDecoder decoder = new OuchDecoder();
    private final OuchInboundDecoder inboundDecoder = new OuchInboundDecoder();
    private final SummingHandler handler = new SummingHandler();

    /** Reads every field it is handed, so the JIT cannot drop the decode. */
    private static final class SummingHandler implements OuchHandler, OuchInboundHandler
    {
        long sum;

        @Override
        public void onAccepted(final OuchAcceptedDecoder m)
        {
            sum += m.userRefNum() + m.quantity() + m.price() + m.orderReferenceNumber() + m.side() +
                (m.symbolEquals("AAPL") ? 1 : 0) + (m.clOrdIdEquals("ID") ? 1 : 0);
            final OuchAppendageReader options = m.appendage();
            while (options.next())
            {
                sum += options.tag();
            }
        }

        @Override
        public void onExecuted(final OuchExecutedDecoder m)
        {
            sum += m.userRefNum() + m.quantity() + m.price() + m.matchNumber() + m.liquidityFlag();
        }

        @Override
        public void onCanceled(final OuchCanceledDecoder m)
        {
            sum += m.userRefNum() + m.quantity() + m.reason();
        }

        @Override
        public void onRestated(final OuchRestatedDecoder m)
        {
            final OuchAppendageReader options = m.appendage();
            while (options.next())
            {
                sum += OuchOptionTag.DISPLAY_PRICE == options.tag() ? options.int64Value() : options.u32Value();
            }
        }

        @Override
        public void onEnterOrder(final OuchEnterOrderDecoder m)
        {
            sum += m.userRefNum() + m.price() + m.appendageLength();
        }

        @Override
        public void onReplaceOrder(final OuchReplaceOrderDecoder m)
        {
            sum += m.userRefNum() + m.origUserRefNum();
        }

        @Override
        public void onCancelOrder(final OuchCancelOrderDecoder m)
        {
            sum += m.userRefNum();
        }

        @Override
        public void onModifyOrder(final OuchModifyOrderDecoder m)
        {
            sum += m.quantity();
        }

        @Override
        public void onAccountQueryRequest(final OuchAccountQueryRequestDecoder m)
        {
            sum++;
        }
    }

    @Test
    void encodeAndDecodeAllocateZeroBytesAfterWarmUp()
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported());
        threads.setThreadAllocatedMemoryEnabled(true);

        long errors = run(WARM_UP_ITERATIONS);
        // A recompilation late in the warm-up (call sites other tests in this JVM made megamorphic) can allocate a
        // few bytes once; the steady state, a window with nothing allocated, must follow.
        final List<Long> allocatedPerWindow = new ArrayList<>();
        for (int window = 0; window < MAX_WINDOWS; window++)
        {
            final long before = threads.getCurrentThreadAllocatedBytes();
            errors += run(MEASURED_ITERATIONS);
            final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            allocatedPerWindow.add(allocated);
            if (0 == allocated)
            {
                break;
            }
        }

        assertEquals(0, errors, "every message decodes OK");
        assertTrue(handler.sum != 0);
        assertEquals(0L, allocatedPerWindow.get(allocatedPerWindow.size() - 1),
            "bytes allocated per window of " + MEASURED_ITERATIONS + " iterations: " + allocatedPerWindow);
    }

    /** One iteration: 9 encodes and 9 decodes. */
    private long run(final int iterations)
    {
        long errors = 0;
        for (int i = 0; i < iterations; i++)
        {
            enterOrder.wrap(buffer, 0).userRefNum(i).side((byte)'B').quantity(100).symbol("AAPL").price(1_234_500L + i)
                .timeInForce((byte)'0').display((byte)'Y').capacity((byte)'A').interMarketSweepEligibility((byte)'N')
                .crossType((byte)'N').clOrdId("ID");
            enterOrder.appendage().firm("ABCD").minQty(100).pegOffset(-1).discretionPrice(5).userRefIdx(1);
            errors += inboundDecoder.decode(buffer, 0, enterOrder.encodedLength(), handler);

            replaceOrder.wrap(buffer, 100).origUserRefNum(i).userRefNum(i + 1).quantity(10).price(5)
                .timeInForce((byte)'0').display((byte)'Y').interMarketSweepEligibility((byte)'N').clOrdId("R");
            replaceOrder.appendage().sharesLocated((byte)'N');
            errors += inboundDecoder.decode(buffer, 100, replaceOrder.encodedLength(), handler);

            cancelOrder.wrap(buffer, 200).userRefNum(i).quantity(0);
            errors += inboundDecoder.decode(buffer, 200, cancelOrder.encodedLength(), handler);

            modifyOrder.wrap(buffer, 250).userRefNum(i).side((byte)'S').quantity(5);
            modifyOrder.appendage().userRefIdx(2);
            errors += inboundDecoder.decode(buffer, 250, modifyOrder.encodedLength(), handler);

            accountQuery.wrap(buffer, 300);
            errors += inboundDecoder.decode(buffer, 300, accountQuery.encodedLength(), handler);

            accepted.wrap(buffer, 400).timestampNs(i).userRefNum(i).side((byte)'B').quantity(100).symbol("AAPL")
                .price(1_234_500L).timeInForce((byte)'0').display((byte)'Y').orderReferenceNumber(i)
                .capacity((byte)'A').interMarketSweepEligibility((byte)'N').crossType((byte)'N')
                .orderState((byte)'L').clOrdId("ID");
            accepted.appendage().firm("ABCD").priceType((byte)'L').groupId(7);
            errors += decoder.decode(buffer, 400, accepted.encodedLength(), handler);

            executed.wrap(buffer, 500).timestampNs(i).userRefNum(i).quantity(100).price(1_234_500L)
                .liquidityFlag((byte)'A').matchNumber(i);
            errors += decoder.decode(buffer, 500, executed.encodedLength(), handler);

            canceled.wrap(buffer, 600).timestampNs(i).userRefNum(i).quantity(100).reason((byte)'U');
            errors += decoder.decode(buffer, 600, canceled.encodedLength(), handler);

            restated.wrap(buffer, 700).timestampNs(i).userRefNum(i).reason((byte)'P');
            restated.appendage().displayQuantity(100).displayPrice(1_234_500L);
            errors += decoder.decode(buffer, 700, restated.encodedLength(), handler);
        }

        return errors;
    }
}
