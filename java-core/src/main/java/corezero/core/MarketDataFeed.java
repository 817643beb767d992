package corezero.core;

import corezero.book.BookResult;
import corezero.book.ItchBookAdapter;
import corezero.book.OrderBooks;
import corezero.itch.ItchDecoder;
import corezero.itch.MoldUdp64Listener;
import corezero.itch.MoldUdp64Session;
import corezero.itch.RetransmitRequester;
import corezero.nic.FrameHandler;
import corezero.nic.FrameTransport;
import corezero.nic.DatagramSender;
import corezero.telemetry.EngineCounter;
import corezero.telemetry.EngineCounters;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.NanoClock;

/**
 * The hot thread's market-data pipeline, run to completion per frame: transport → MoldUDP64 session (sequence,
 * gaps, recovery) → ITCH decoder → order books. A gap marks every book stale at once and sends a re-request;
 * the books are live again when the gap is filled. Counters are published to shared memory after each poll
 * that did work. Hot thread only; allocation-free after construction.
 */
public final class MarketDataFeed implements FrameHandler, MoldUdp64Listener, RetransmitRequester, AutoCloseable
{
    /**
     * Told of every ITCH message after the books applied it (the strategy slots). Hot thread.
     */
    @FunctionalInterface
    public interface MarketListener
    {
        /**
         * @param buffer         holding the message.
         * @param offset         of the message type byte.
         * @param length         of the message.
         * @param sequenceNumber its MoldUDP64 sequence number.
         * @param frameNs        when the frame carrying it was handed to the engine (real clock).
         */
        void onMarketMessage(DirectBuffer buffer, int offset, int length, long sequenceNumber, long frameNs);

        /**
         * Every message of the frame has been handled: what the strategies sent on it can leave now, together.
         */
        default void onFrameDone()
        {
        }
    }

    /** Polls between two reads of the recovery socket while no gap is open. */
    static final int RECOVERY_DRAIN_MASK = 1023;

    private MarketListener marketListener;
    private int polls;
    private NanoClock frameClock;
    private long frameNs;

    private final FrameTransport transport;
    private final FrameTransport recoveryTransport;
    private final DatagramSender requestSender;
    private final int frameLimit;
    private final MoldUdp64Session session;
    private final ItchDecoder decoder = new ItchDecoder();
    private final OrderBooks books;
    private final ItchBookAdapter bookAdapter;
    private final EngineCounters counters;
    private long nowNs;
    private long unknownTypes;
    private long badLengths;
    private long endOfSessions;
    private boolean gapOpen;
    private boolean dataLost;

    /**
     * @param transport         live feed frames.
     * @param recoveryTransport frames answering re-requests (the socket {@code requestSender} sends from), or null.
     * @param requestSender     sends re-requests, or null when the feed has no re-request server.
     * @param frameLimit        most frames taken from each transport per poll.
     * @param config            recovery buffer, retry interval and retries.
     * @param books             the books to keep.
     * @param counters          where the feed's counters are published.
     */
    public MarketDataFeed(
        final FrameTransport transport,
        final FrameTransport recoveryTransport,
        final DatagramSender requestSender,
        final int frameLimit,
        final FeedConfig config,
        final OrderBooks books,
        final EngineCounters counters)
    {
        this.transport = transport;
        this.recoveryTransport = recoveryTransport;
        this.requestSender = requestSender;
        this.frameLimit = frameLimit;
        this.books = books;
        this.bookAdapter = new ItchBookAdapter(books);
        this.counters = counters;
        this.session = new MoldUdp64Session(
            this, this, config.recoveryBufferBytes(), config.retryIntervalNs(), config.maxRetries());
    }

    /**
     * Take what has arrived and run the recovery timer.
     *
     * @param nowNs the duty cycle's time.
     * @return frames processed: each is one input.
     */
    public int poll(final long nowNs)
    {
        this.nowNs = nowNs;
        int frames = transport.poll(this, frameLimit);
        // The recovery socket only carries answers to re-requests: read it while a gap is open, and now and then
        // to drain late answers, instead of paying a system call on every duty cycle.
        if (null != recoveryTransport && (session.isRecovering() || 0 == (++polls & RECOVERY_DRAIN_MASK)))
        {
            frames += recoveryTransport.poll(this, frameLimit);
        }
        session.onTimer(nowNs);
        if (frames > 0 || session.isRecovering())
        {
            publishCounters();
        }
        return frames;
    }

    /** {@inheritDoc} */
    public void onFrame(final DirectBuffer buffer, final int offset, final int length)
    {
        if (null != frameClock)
        {
            frameNs = frameClock.nanoTime();
        }
        session.onPacket(buffer, offset, length, nowNs);
        if (null != marketListener)
        {
            marketListener.onFrameDone();
        }
    }

    /** {@inheritDoc} */
    public void onMessage(final DirectBuffer buffer, final int offset, final int length, final long sequenceNumber)
    {
        final int result = decoder.decode(buffer, offset, length, bookAdapter);
        if (ItchDecoder.OK == result)
        {
            if (null != marketListener)
            {
                marketListener.onMarketMessage(buffer, offset, length, sequenceNumber, frameNs);
            }
        }
        else if (ItchDecoder.UNKNOWN_TYPE == result)
        {
            unknownTypes++;
        }
        else if (ItchDecoder.BAD_LENGTH == result || ItchDecoder.EMPTY == result)
        {
            badLengths++;
        }
    }

    /** {@inheritDoc} */
    public void onGap(final long firstMissingSequence, final long missingCount)
    {
        gapOpen = true;
        books.markAllStale(true, nowNs);
    }

    /** {@inheritDoc} */
    public void onRecovered(final long firstMissingSequence, final long missingCount)
    {
        gapOpen = false;
        // After a lost gap the books cannot be trusted again until rebuilt, whatever later gaps do.
        books.markAllStale(dataLost, nowNs);
    }

    /** {@inheritDoc} */
    public void onGapUnrecoverable(final long firstMissingSequence, final long missingCount)
    {
        gapOpen = false;
        dataLost = true;
        books.markAllStale(true, nowNs);
    }

    /** {@inheritDoc} */
    public void onEndOfSession(final long nextSequence)
    {
        endOfSessions++;
    }

    /** {@inheritDoc} */
    public boolean request(final DirectBuffer packet, final int offset, final int length)
    {
        return null != requestSender && requestSender.send(packet, offset, length);
    }

    /**
     * Set (before the agent starts) who hears of every applied message, and the clock that stamps each frame as
     * it is handed over (the start of tick-to-trade).
     *
     * @param listener the strategy slots, or null.
     * @param clock    the real clock, read once per frame; null stops stamping.
     */
    public void marketListener(final MarketListener listener, final NanoClock clock)
    {
        this.marketListener = listener;
        this.frameClock = clock;
    }

    /** @return the live feed's transport (its description and address are safe to read from core 0). */
    public FrameTransport transport()
    {
        return transport;
    }

    /** @return the books this feed keeps (hot thread only). */
    public OrderBooks books()
    {
        return books;
    }

    /** @return the MoldUDP64 session (hot thread only). */
    public MoldUdp64Session session()
    {
        return session;
    }

    /** Copy the session's, decoder's and books' counts into shared memory (release stores). */
    public void publishCounters()
    {
        set(EngineCounter.FEED_PACKETS, session.packets());
        set(EngineCounter.FEED_MESSAGES, session.messages());
        set(EngineCounter.FEED_HEARTBEATS, session.heartbeats());
        set(EngineCounter.FEED_NEXT_SEQUENCE, session.expectedSequence());
        set(EngineCounter.FEED_GAPS, session.gapsDetected());
        set(EngineCounter.FEED_GAPS_RECOVERED, session.gapsRecovered());
        set(EngineCounter.FEED_GAPS_UNRECOVERABLE, session.gapsUnrecoverable());
        set(EngineCounter.FEED_RETRANSMIT_REQUESTS, session.retransmitRequests());
        set(EngineCounter.FEED_DUPLICATES, session.duplicatesDropped());
        set(EngineCounter.FEED_OLD_PACKETS, session.oldPacketsDropped());
        set(EngineCounter.FEED_TRUNCATED, session.truncatedPackets());
        set(EngineCounter.FEED_BAD_BLOCKS, session.badBlockLengths() + session.badSequenceNumbers());
        set(EngineCounter.FEED_SESSION_MISMATCHES, session.sessionMismatches());
        set(EngineCounter.FEED_RECOVERY_OVERFLOWS, session.recoveryBufferOverflows());
        set(EngineCounter.FEED_STALE, gapOpen || dataLost ? 1 : 0);
        set(EngineCounter.FEED_END_OF_SESSION, endOfSessions);
        set(EngineCounter.ITCH_UNKNOWN_TYPES, unknownTypes);
        set(EngineCounter.ITCH_BAD_LENGTHS, badLengths);
        set(EngineCounter.BOOK_OPEN_ORDERS, books.orderCount());
        set(EngineCounter.BOOK_UNKNOWN_ORDERS, books.rejects(BookResult.UNKNOWN_ORDER));
        set(EngineCounter.BOOK_DUPLICATE_ORDERS, books.rejects(BookResult.DUPLICATE_ORDER));
        set(EngineCounter.BOOK_EXECUTIONS_EXCEEDING, books.rejects(BookResult.EXECUTION_EXCEEDS_SHARES));
        set(EngineCounter.BOOK_CANCELS_EXCEEDING, books.rejects(BookResult.CANCEL_EXCEEDS_SHARES));
        set(EngineCounter.BOOK_POOL_EXHAUSTED, books.rejects(BookResult.POOL_EXHAUSTED));
        set(EngineCounter.BOOK_LEVELS_EXHAUSTED, books.rejects(BookResult.LEVELS_EXHAUSTED));
        set(EngineCounter.BOOK_OTHER_REJECTS,
            books.rejects(BookResult.BAD_SIDE) + books.rejects(BookResult.BAD_LOCATE) +
            books.rejects(BookResult.LOCATE_MISMATCH));
    }

    private void set(final EngineCounter counter, final long value)
    {
        counters.get(counter).setRelease(value);
    }

    /** Close the transports and the sender (core 0, after the hot thread has stopped). */
    public void close()
    {
        CloseHelper.closeAll(transport, recoveryTransport, requestSender);
    }
}
