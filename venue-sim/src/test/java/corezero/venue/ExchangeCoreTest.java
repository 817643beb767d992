package corezero.venue;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static corezero.venue.ExchangeTestData.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The exchange's engine and feed without sockets: a real capture driven through the matching engine, and the
 * background flow.
 */
class ExchangeCoreTest
{
    private static final int AAPL_LOCATE = 13;

    private static ExchangeCore newCore(final VenueSimCounters counters)
    {
        return new ExchangeCore(new LiveMessageStore(), new ExchangeClock(0, 0), counters);
    }

    private static ItchBook feedBook(final LiveMessageStore feed)
    {
        final ItchBook book = new ItchBook();
        final UnsafeBuffer buffer = new UnsafeBuffer(feed.buffer().addressOffset(), feed.buffer().capacity());
        for (long sequenceNumber = 1; sequenceNumber <= feed.messageCount(); sequenceNumber++)
        {
            book.apply(buffer, feed.messageOffset(sequenceNumber), feed.messageLength(sequenceNumber));
        }

        return book;
    }

    private static List<byte[]> feedMessages(final LiveMessageStore feed)
    {
        final List<byte[]> messages = new ArrayList<>();
        for (long sequenceNumber = 1; sequenceNumber <= feed.messageCount(); sequenceNumber++)
        {
            final byte[] message = new byte[feed.messageLength(sequenceNumber)];
            feed.buffer().getBytes(feed.messageOffset(sequenceNumber), message);
            messages.add(message);
        }

        return messages;
    }

    @Test
    void aCaptureDrivenThroughTheEngineLeavesTheBookTheCaptureDoes() throws Exception
    {
        final BinaryFileCapture capture = BinaryFileCapture.load(SharedData.aaplCapture());
        final ItchBook rawBook = new ItchBook();
        final VenueSimCounters counters = new VenueSimCounters();
        final ExchangeCore core = newCore(counters);
        for (int i = 0; i < capture.messageCount(); i++)
        {
            final UnsafeBuffer message = new UnsafeBuffer(
                capture.buffer(), capture.messageOffset(i), capture.messageLength(i));
            rawBook.apply(message, 0, capture.messageLength(i));
            core.onCaptureMessage(capture.buffer(), capture.messageOffset(i), capture.messageLength(i));
        }

        final ItchBook book = feedBook(core.feed());
        assertNull(rawBook.fault);
        assertNull(book.fault);
        assertTrue(rawBook.size() > 100, "a real book: " + rawBook.size() + " orders");
        assertEquals(rawBook.describe(AAPL_LOCATE), book.describe(AAPL_LOCATE));
        assertEquals(0, counters.captureMessagesSkipped.get());
        assertEquals(0, counters.captureOrdersCrossed.get());
        assertEquals(capture.messageCount(), core.feed().messageCount(), "every message passes, unchanged");
        assertEquals(AAPL_LOCATE, core.locate(new UnsafeBuffer("AAPL    ".getBytes()), 0));
        assertEquals(core.engine().openOrderCount(), rawBook.size());
    }

    @Test
    void skipsCaptureMessagesForOrdersOurFillsTook()
    {
        final VenueSimCounters counters = new VenueSimCounters();
        final ExchangeCore core = newCore(counters);
        final BinaryFileCapture capture = twoSidedBook();
        for (int i = 0; i < capture.messageCount(); i++)
        {
            core.onCaptureMessage(capture.buffer(), capture.messageOffset(i), capture.messageLength(i));
        }

        core.engine().enter(ExchangeCore.PARTICIPANT_ORDER_ID_BASE, LOCATE, MatchingEngine.BUY, 60, ASK_PRICE,
            MatchingEngine.DAY, 0);
        final UnsafeBuffer delete = new UnsafeBuffer(new byte[ItchOrderDescriptor.ORDER_DELETE_LENGTH]);
        final UnsafeBuffer cancel = new UnsafeBuffer(new byte[ItchOrderDescriptor.ORDER_CANCEL_LENGTH]);
        ItchOrderDescriptor.putOrderCancel(cancel, 0, LOCATE, 0, 3_000, ASK_REF, 50);
        core.onCaptureMessage(cancel, 0, cancel.capacity());
        ItchOrderDescriptor.putOrderDelete(delete, 0, LOCATE, 0, 3_000, ASK_REF);
        core.onCaptureMessage(delete, 0, delete.capacity());
        core.onCaptureMessage(delete, 0, delete.capacity());

        assertEquals(2, counters.captureMessagesSkipped.get(), "the cancel of 50 of 40 left, the second delete");
        assertEquals("RAAED", types(feedMessages(core.feed())));
        assertNull(feedBook(core.feed()).fault);

        // A capture add that crosses what our orders left trades, and the feed shows the engine's messages.
        final byte[] crossing = addOrder(LOCATE, 103, (byte)'S', 150, SYMBOL, BID_PRICE);
        core.onCaptureMessage(new UnsafeBuffer(crossing), 0, crossing.length);
        assertEquals(1, counters.captureOrdersCrossed.get());
        assertEquals("RAAEDEA", types(feedMessages(core.feed())));
        assertNull(feedBook(core.feed()).fault);
    }

    @Test
    void theBackgroundFlowIsBoundedAndTheSameForASeed()
    {
        final List<byte[]> first = runFlow(42);
        final List<byte[]> second = runFlow(42);
        final List<byte[]> other = runFlow(43);

        assertEquals(first.size(), second.size());
        for (int i = 0; i < first.size(); i++)
        {
            assertArrayEquals(first.get(i), second.get(i), "message " + (i + 1));
        }
        assertTrue(other.size() != first.size() || !java.util.Arrays.equals(other.get(10), first.get(10)));
    }

    private static List<byte[]> runFlow(final long seed)
    {
        final int maxOrders = 50;
        final VenueSimCounters counters = new VenueSimCounters();
        final ExchangeCore core = newCore(counters);
        final BinaryFileCapture capture = twoSidedBook();
        for (int i = 0; i < capture.messageCount(); i++)
        {
            core.onCaptureMessage(capture.buffer(), capture.messageOffset(i), capture.messageLength(i));
        }

        final BackgroundFlow flow = new BackgroundFlow(core, seed, 1_000, maxOrders, counters);
        flow.start(LOCATE, 0);
        assertEquals(99_500, flow.mid(), "the book's mid");
        for (int i = 0; i < 20_000; i++)
        {
            flow.event();
            assertTrue(flow.restingCount() <= maxOrders);
            assertTrue(core.engine().openOrderCount() <= maxOrders + 2, "flow orders and the capture's two");
        }

        final ItchBook book = feedBook(core.feed());
        assertNull(book.fault);
        assertEquals(core.engine().openOrderCount(), book.size());
        assertTrue(core.engine().lastMatchNumber() > 100, "marketable orders trade");
        assertEquals(20_000, counters.flowEvents.get());

        return feedMessages(core.feed());
    }
}
