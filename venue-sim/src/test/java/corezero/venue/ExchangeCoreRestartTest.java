package corezero.venue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static corezero.venue.ExchangeCore.FLOW_ORDER_ID_BASE;
import static corezero.venue.ExchangeCore.PARTICIPANT_ORDER_ID_BASE;
import static corezero.venue.ExchangeTestData.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The feed's restart without sockets, stepped by hand: a run killed part way through the capture and restarted on
 * its {@link ItchJournal} publishes, byte for byte, the feed of the same run uninterrupted, and its engine holds the
 * same book in the same queue order.
 */
class ExchangeCoreRestartTest
{
    private static final String SESSION = "FEEDTEST01";
    private static final int FIRST_PART = 120;
    private static final int SECOND_PART = 40;

    /**
     * Lets through as many capture messages as it is told.
     */
    private static final class StepPacer implements Pacer
    {
        int allowance;

        public void start(final long nowNs)
        {
        }

        public int available(final long nowNs, final int maxMessages)
        {
            return Math.min(allowance, maxMessages);
        }

        public void consume(final int messages)
        {
            allowance -= messages;
        }
    }

    /**
     * One exchange core with its feed, journal and capture driver.
     */
    private static final class Run
    {
        final VenueSimCounters counters = new VenueSimCounters();
        final ItchJournal journal;
        final LiveMessageStore feed;
        final ExchangeCore core;
        final StepPacer pacer = new StepPacer();
        final CaptureDriver driver;

        Run(final BinaryFileCapture capture, final ItchJournal journal)
        {
            this.journal = journal;
            this.feed = new LiveMessageStore(journal);
            this.core = new ExchangeCore(feed, new ExchangeClock(0, 0), counters);
            core.restore(journal);
            this.driver = new CaptureDriver(capture, pacer, core, journal, journal.restoredCapturePosition());
            driver.onStart(0);
        }

        void drive(final int messages)
        {
            pacer.allowance += messages;
            while (pacer.allowance > 0 && !driver.isComplete())
            {
                driver.doWork(0);
            }
        }

        /**
         * What a participant and the flow do at the restart point: a buy that takes asks and rests, a sell that
         * rests and is replaced, a flow bid, an IOC sell that takes bids.
         */
        void tradeBeforeTheRestart()
        {
            final MatchingEngine engine = core.engine();
            assertEquals(MatchingResult.OK, engine.enter(PARTICIPANT_ORDER_ID_BASE, LOCATE, MatchingEngine.BUY, 250,
                ASK_PRICE + 100, MatchingEngine.DAY, 0));
            assertEquals(MatchingResult.OK, engine.enter(PARTICIPANT_ORDER_ID_BASE + 1, LOCATE, MatchingEngine.SELL,
                100, 101_500, MatchingEngine.DAY, 0));
            assertEquals(MatchingResult.OK, engine.replace(PARTICIPANT_ORDER_ID_BASE + 1, PARTICIPANT_ORDER_ID_BASE + 2,
                80, 101_600));
            assertEquals(MatchingResult.OK, engine.enter(FLOW_ORDER_ID_BASE, LOCATE, MatchingEngine.BUY, 100,
                BID_PRICE + 200, MatchingEngine.DAY, 0));
            assertEquals(MatchingResult.OK, engine.enter(PARTICIPANT_ORDER_ID_BASE + 3, LOCATE, MatchingEngine.SELL,
                300, BID_PRICE, MatchingEngine.IMMEDIATE_OR_CANCEL, 0));
        }

        /**
         * After the restart: a buy that takes our replaced sell and more, so that match numbers must go on.
         */
        void tradeAfterTheRestart()
        {
            assertEquals(MatchingResult.OK, core.engine().enter(PARTICIPANT_ORDER_ID_BASE + 4, LOCATE,
                MatchingEngine.BUY, 500, 101_600, MatchingEngine.DAY, 0));
        }
    }

    @Test
    void aRestartedFeedGoesOnAsIfThereHadBeenNoRestart(@TempDir final Path stateDir) throws IOException
    {
        final BinaryFileCapture capture = churningBook(60);

        final Run uninterrupted = new Run(capture, ItchJournal.inMemory());
        uninterrupted.drive(FIRST_PART);
        uninterrupted.tradeBeforeTheRestart();
        uninterrupted.drive(SECOND_PART);
        uninterrupted.tradeAfterTheRestart();
        uninterrupted.drive(capture.messageCount());

        final Run first = new Run(capture, ItchJournal.open(stateDir, SESSION));
        first.drive(FIRST_PART);
        first.tradeBeforeTheRestart();
        first.drive(SECOND_PART);
        final long messagesBefore = first.feed.messageCount();
        final long lastMatchNumberBefore = first.core.engine().lastMatchNumber();
        first.journal.close();

        final Run second = new Run(capture, ItchJournal.open(stateDir, SESSION));
        assertEquals(FIRST_PART + SECOND_PART, second.journal.restoredCapturePosition());
        assertEquals(messagesBefore, second.journal.restoredCount());
        assertEquals(messagesBefore, second.feed.messageCount());
        assertEquals(messagesBefore + 1, second.feed.nextSequenceNumber(), "the numbering goes on");
        assertEquals(0, second.feed.unsentCount(), "nothing old is sent again");
        assertEquals(0, second.core.restoreMismatches());
        assertEquals(PARTICIPANT_ORDER_ID_BASE + 2, second.core.lastParticipantOrderRef(), "the IOC never rested");
        assertEquals(FLOW_ORDER_ID_BASE, second.core.lastFlowOrderRef());
        assertTrue(lastMatchNumberBefore > 0);
        assertEquals(ExchangeCore.MATCH_NUMBER_BASE + lastMatchNumberBefore, second.core.matchNumberBase());
        assertEquals(describeEngine(first.core), describeEngine(second.core), "the same book, the same queues");

        second.tradeAfterTheRestart();
        second.drive(capture.messageCount());
        assertTrue(second.driver.isComplete());

        final List<byte[]> expected = feedMessages(uninterrupted.feed);
        final List<byte[]> actual = feedMessages(second.feed);
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++)
        {
            assertArrayEquals(expected.get(i), actual.get(i), "message " + (i + 1));
        }
        assertEquals(describeEngine(uninterrupted.core), describeEngine(second.core));

        final ItchBook book = new ItchBook();
        for (final byte[] message : actual)
        {
            book.apply(wrap(message), 0, message.length);
        }
        assertNull(book.fault);
        assertEquals(second.core.engine().openOrderCount(), book.size());
        assertEquals(uninterrupted.counters.captureMessagesSkipped.get(),
            first.counters.captureMessagesSkipped.get() + second.counters.captureMessagesSkipped.get());
        second.journal.close();

        final Run third = new Run(capture, ItchJournal.open(stateDir, SESSION));
        assertEquals(capture.messageCount(), third.journal.restoredCapturePosition());
        assertTrue(third.driver.isComplete(), "nothing of the capture is left to drive");
        assertEquals(actual.size(), third.feed.messageCount());
        third.journal.close();
    }

    @Test
    void aFreshJournalStartsTheCaptureAtTheBeginning(@TempDir final Path stateDir) throws IOException
    {
        final BinaryFileCapture capture = churningBook(6);
        final Run run = new Run(capture, ItchJournal.open(stateDir, SESSION));
        assertEquals(0, run.journal.restoredCount());
        assertEquals(0, run.driver.driven());
        run.drive(capture.messageCount());
        assertEquals(capture.messageCount(), run.feed.messageCount(), "nothing crosses: every message passes");
        run.journal.close();
    }

    static List<byte[]> feedMessages(final LiveMessageStore feed)
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

    /**
     * @return each level of the test stock, best first, with its orders in time priority: "B 99000: 2001x100 ...".
     */
    static List<String> describeEngine(final ExchangeCore core)
    {
        final List<String> lines = new ArrayList<>();
        final MatchingBook book = core.engine().bookOrNull(LOCATE);
        for (final byte side : new byte[]{ MatchingEngine.BUY, MatchingEngine.SELL })
        {
            final MatchingSide levels = book.side(side);
            for (int rank = 0; rank < levels.levelCount(); rank++)
            {
                final MatchingLevel level = levels.level(rank);
                final StringBuilder line = new StringBuilder().append((char)side).append(' ').append(level.price)
                    .append(':');
                for (MatchingOrder order = level.head; null != order; order = order.next)
                {
                    line.append(' ').append(order.orderId).append('x').append(order.qty);
                }
                lines.add(line.toString());
            }
        }

        return lines;
    }
}
