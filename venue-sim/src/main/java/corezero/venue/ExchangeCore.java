package corezero.venue;

import org.agrona.DirectBuffer;
import org.agrona.collections.LongArrayList;
import org.agrona.concurrent.UnsafeBuffer;

import static corezero.venue.ItchOrderDescriptor.*;

/**
 * The exchange mode's matching engine and what it publishes: it owns the {@link MatchingEngine} (strict OUCH 5.0
 * replace priority), turns its book events into ITCH order messages appended to the {@link LiveMessageStore}, hands
 * the participant's own order events to a {@link ParticipantListener}, and applies a replayed capture's messages
 * through the engine.
 * <p>
 * Capture messages, by type:
 * <ul>
 *     <li>Add Order ('A', 'F'): enters as a resting day order. If it does not cross the engine's book it is
 *     published unchanged; if it does (our orders changed the book), the engine's own messages are published.</li>
 *     <li>Executed ('E', 'C'), Cancel ('X'), Delete ('D'): applied to the order as a reduction, and published
 *     unchanged, if the order is still open with enough shares; otherwise skipped and counted (a participant's fill
 *     consumed it).</li>
 *     <li>Replace ('U'): applied if the original order is open; unchanged if the new price does not cross.</li>
 *     <li>Everything else (system event, stock directory, trading action, trades, ...) passes unchanged; the stock
 *     directory also maps its symbol to its locate for OUCH Enter Orders.</li>
 * </ul>
 * Order reference numbers: capture orders keep theirs (NASDAQ's are far below 10^12); the participant's orders
 * take theirs from {@link #PARTICIPANT_ORDER_ID_BASE}, the background flow's from {@link #FLOW_ORDER_ID_BASE}.
 * Messages the engine writes carry tracking number 0 (or the replayed capture message's) and the
 * {@link ExchangeClock}'s time of day; match numbers are the engine's plus a base, {@link #MATCH_NUMBER_BASE} or
 * after a restart the last one the participant saw or the feed carried, so they do not repeat.
 * <p>
 * A venue restarted on its state directory rebuilds the engine's book from the feed it published
 * ({@link #restore(ItchJournal)}), before the order entry side is attached: adds rest as they are, executions and
 * cancels reduce, deletes remove, replaces replace, stock directories list; the order reference numbers of the
 * participant and the flow go on after the highest the feed carried. Single-threaded.
 */
final class ExchangeCore implements MatchingListener
{
    /** First order reference number of the participant's orders. */
    static final long PARTICIPANT_ORDER_ID_BASE = 1_000_000_000_000L;

    /** First order reference number of the background flow's orders. */
    static final long FLOW_ORDER_ID_BASE = 2_000_000_000_000L;

    /** Match numbers of the engine's fills start above this, clear of a NASDAQ capture's own. */
    static final long MATCH_NUMBER_BASE = 1_000_000_000_000L;

    private static final int MAX_LOCATE = MatchingEngine.MAX_LOCATE;

    private final MatchingEngine engine = new MatchingEngine(this, false);
    private final LiveMessageStore feed;
    private final ExchangeClock clock;
    private final VenueSimCounters counters;
    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[64]);
    private final UnsafeBuffer symbols = new UnsafeBuffer(new byte[(MAX_LOCATE + 1) * STOCK_LENGTH]);
    private final boolean[] isListed = new boolean[MAX_LOCATE + 1];
    private final int[] listedLocates = new int[MAX_LOCATE];
    private int listedCount;
    private ParticipantListener participant;
    private StockDirectoryListener directoryListener;
    private boolean isBookSuppressed;
    private int trackingNumber;
    private long matchNumberBase = MATCH_NUMBER_BASE;
    private int firstLocate;
    private long lastParticipantOrderRef = PARTICIPANT_ORDER_ID_BASE - 1;
    private long lastFlowOrderRef = FLOW_ORDER_ID_BASE - 1;
    private final LongArrayList restoredParticipantOrderRefs = new LongArrayList();
    private long restoredTimestampNs = ItchHeaderDescriptor.NO_TIMESTAMP;
    private int restoreMismatches;

    /**
     * Told when a stock directory message is published: a restart re-enters the participant's orders then.
     */
    interface StockDirectoryListener
    {
        /**
         * @param locate of the stock now listed.
         */
        void onListed(int locate);
    }

    /**
     * @param feed     to append ITCH messages to.
     * @param clock    for timestamps.
     * @param counters to count skipped and crossing capture messages.
     */
    ExchangeCore(final LiveMessageStore feed, final ExchangeClock clock, final VenueSimCounters counters)
    {
        this.feed = feed;
        this.clock = clock;
        this.counters = counters;
    }

    void participantListener(final ParticipantListener participant)
    {
        this.participant = participant;
    }

    void stockDirectoryListener(final StockDirectoryListener directoryListener)
    {
        this.directoryListener = directoryListener;
    }

    /**
     * @param matchNumberBase added to the engine's match numbers on the feed and in OUCH Executed messages.
     */
    void matchNumberBase(final long matchNumberBase)
    {
        this.matchNumberBase = matchNumberBase;
    }

    /**
     * @return added to the engine's match numbers.
     */
    long matchNumberBase()
    {
        return matchNumberBase;
    }

    /**
     * @return the highest participant order reference number the restored feed carried, or one below
     * {@link #PARTICIPANT_ORDER_ID_BASE}.
     */
    long lastParticipantOrderRef()
    {
        return lastParticipantOrderRef;
    }

    /**
     * @return the highest flow order reference number the restored feed carried, or one below
     * {@link #FLOW_ORDER_ID_BASE}.
     */
    long lastFlowOrderRef()
    {
        return lastFlowOrderRef;
    }

    /**
     * @return the participant's order reference numbers the restored feed added, open or not (for the order entry
     * side to reconcile with its own journal).
     */
    LongArrayList restoredParticipantOrderRefs()
    {
        return restoredParticipantOrderRefs;
    }

    /**
     * @return restored feed messages that did not apply to the rebuilt book (an unknown order, too many shares).
     */
    int restoreMismatches()
    {
        return restoreMismatches;
    }

    MatchingEngine engine()
    {
        return engine;
    }

    LiveMessageStore feed()
    {
        return feed;
    }

    ExchangeClock clock()
    {
        return clock;
    }

    /**
     * @return the locate of the first stock listed, 0 before any.
     */
    int firstLocate()
    {
        return firstLocate;
    }

    /**
     * @param symbol buffer holding an 8-byte space-padded symbol.
     * @param offset of the symbol.
     * @return its locate, or 0 if no stock directory listed it.
     */
    int locate(final DirectBuffer symbol, final int offset)
    {
        for (int i = 0; i < listedCount; i++)
        {
            final int locate = listedLocates[i];
            if (sameSymbol(locate, symbol, offset))
            {
                return locate;
            }
        }

        return 0;
    }

    private boolean sameSymbol(final int locate, final DirectBuffer symbol, final int offset)
    {
        final int start = locate * STOCK_LENGTH;
        for (int i = 0; i < STOCK_LENGTH; i++)
        {
            if (symbols.getByte(start + i) != symbol.getByte(offset + i))
            {
                return false;
            }
        }

        return true;
    }

    boolean isListed(final int locate)
    {
        return locate >= 1 && locate <= MAX_LOCATE && isListed[locate];
    }

    /**
     * @param locate listed.
     * @return the 8-byte symbol, space padded.
     */
    String symbol(final int locate)
    {
        return symbols.getStringWithoutLengthAscii(locate * STOCK_LENGTH, STOCK_LENGTH);
    }

    /**
     * @param locate stock.
     * @param side   {@link MatchingEngine#BUY} or {@link MatchingEngine#SELL}.
     * @return the best price on that side, or {@link MatchingBook#NO_PRICE}.
     */
    long bestPrice(final int locate, final byte side)
    {
        final MatchingBook book = engine.bookOrNull(locate);
        if (null == book)
        {
            return MatchingBook.NO_PRICE;
        }
        final MatchingLevel level = book.side(side).best();

        return null == level ? MatchingBook.NO_PRICE : level.price;
    }

    static boolean isParticipant(final long orderId)
    {
        return orderId >= PARTICIPANT_ORDER_ID_BASE && orderId < FLOW_ORDER_ID_BASE;
    }

    /**
     * Drive one capture message through the engine, publishing what the feed should carry.
     *
     * @param buffer holding the message.
     * @param offset of the message.
     * @param length of the message.
     */
    void onCaptureMessage(final DirectBuffer buffer, final int offset, final int length)
    {
        final long timestampNs = ItchHeaderDescriptor.timestampNs(buffer, offset, length);
        if (ItchHeaderDescriptor.NO_TIMESTAMP != timestampNs)
        {
            clock.anchor(timestampNs, clock.nanoTime());
        }
        trackingNumber = length >= ItchHeaderDescriptor.HEADER_LENGTH ?
            ItchOrderDescriptor.trackingNumber(buffer, offset) : 0;

        switch (length > 0 ? buffer.getByte(offset) : 0)
        {
            case ADD_ORDER:
            case ADD_ORDER_MPID:
                if (length >= ADD_ORDER_LENGTH)
                {
                    onCaptureAdd(buffer, offset, length);
                    break;
                }
                publish(buffer, offset, length);
                break;

            case ORDER_EXECUTED:
            case ORDER_EXECUTED_WITH_PRICE:
            case ORDER_CANCEL:
                if (length >= ORDER_CANCEL_LENGTH)
                {
                    onCaptureReduce(buffer, offset, length, u32(buffer, offset + SHARES_OFFSET));
                    break;
                }
                publish(buffer, offset, length);
                break;

            case ORDER_DELETE:
                if (length >= ORDER_DELETE_LENGTH)
                {
                    onCaptureReduce(buffer, offset, length, Long.MAX_VALUE);
                    break;
                }
                publish(buffer, offset, length);
                break;

            case ORDER_REPLACE:
                if (length >= ORDER_REPLACE_LENGTH)
                {
                    onCaptureReplace(buffer, offset, length);
                    break;
                }
                publish(buffer, offset, length);
                break;

            case STOCK_DIRECTORY:
                publish(buffer, offset, length);
                if (length >= STOCK_DIRECTORY_MIN_LENGTH)
                {
                    list(ItchOrderDescriptor.locate(buffer, offset), buffer, offset + DIRECTORY_STOCK_OFFSET);
                }
                break;

            default:
                publish(buffer, offset, length);
                break;
        }
        trackingNumber = 0;
    }

    /**
     * List a stock: its symbol becomes valid on OUCH Enter Orders.
     */
    void list(final int locate, final DirectBuffer symbol, final int symbolOffset)
    {
        if (locate < 1 || locate > MAX_LOCATE)
        {
            return;
        }

        symbols.putBytes(locate * STOCK_LENGTH, symbol, symbolOffset, STOCK_LENGTH);
        final boolean isNew = !isListed[locate];
        isListed[locate] = true;
        if (0 == firstLocate)
        {
            firstLocate = locate;
        }
        if (isNew)
        {
            listedLocates[listedCount++] = locate;
        }
        if (isNew && null != directoryListener)
        {
            directoryListener.onListed(locate);
        }
    }

    private void onCaptureAdd(final DirectBuffer buffer, final int offset, final int length)
    {
        final long orderRef = u64(buffer, offset + ORDER_REF_OFFSET);
        final int locate = ItchOrderDescriptor.locate(buffer, offset);
        final byte side = buffer.getByte(offset + ADD_SIDE_OFFSET);
        final long shares = u32(buffer, offset + ADD_SHARES_OFFSET);
        final long price = u32(buffer, offset + ADD_PRICE_OFFSET);
        final boolean isCrossing = crosses(locate, side, price);
        isBookSuppressed = !isCrossing;
        final int result = engine.enter(orderRef, locate, side, shares, price, MatchingEngine.DAY, clock.nanoTime());
        isBookSuppressed = false;
        afterCaptureOrder(result, isCrossing, buffer, offset, length);
    }

    private void onCaptureReduce(final DirectBuffer buffer, final int offset, final int length, final long shares)
    {
        final long orderRef = u64(buffer, offset + ORDER_REF_OFFSET);
        final long openQty = engine.openQty(orderRef);
        if (0 == openQty || (Long.MAX_VALUE != shares && (shares > openQty || shares <= 0)))
        {
            counters.captureMessagesSkipped.incrementRelease();
            return;
        }

        isBookSuppressed = true;
        engine.cancel(orderRef, Long.MAX_VALUE == shares ? 0 : openQty - shares);
        isBookSuppressed = false;
        publish(buffer, offset, length);
    }

    private void onCaptureReplace(final DirectBuffer buffer, final int offset, final int length)
    {
        final long orderRef = u64(buffer, offset + ORDER_REF_OFFSET);
        final long newOrderRef = u64(buffer, offset + REPLACE_NEW_REF_OFFSET);
        final long shares = u32(buffer, offset + REPLACE_SHARES_OFFSET);
        final long price = u32(buffer, offset + REPLACE_PRICE_OFFSET);
        final int locate = ItchOrderDescriptor.locate(buffer, offset);
        if (0 == engine.openQty(orderRef))
        {
            counters.captureMessagesSkipped.incrementRelease();
            return;
        }

        final boolean isCrossing = crosses(locate, engine.openSide(orderRef), price);
        isBookSuppressed = !isCrossing;
        final int result = engine.replace(orderRef, newOrderRef, shares, price);
        isBookSuppressed = false;
        afterCaptureOrder(result, isCrossing, buffer, offset, length);
    }

    /**
     * A capture add or replace has been tried on the engine: a refusal is a skipped message; one that crossed was
     * published by the engine as the executions it made; one that rests goes on the feed as the capture has it.
     */
    private void afterCaptureOrder(
        final int result, final boolean isCrossing, final DirectBuffer buffer, final int offset, final int length)
    {
        if (MatchingResult.OK != result)
        {
            counters.captureMessagesSkipped.incrementRelease();
        }
        else if (isCrossing)
        {
            counters.captureOrdersCrossed.incrementRelease();
        }
        else
        {
            publish(buffer, offset, length);
        }
    }

    private boolean crosses(final int locate, final byte side, final long price)
    {
        final byte oppositeSide = MatchingEngine.BUY == side ? MatchingEngine.SELL : MatchingEngine.BUY;
        final long opposite = bestPrice(locate, oppositeSide);
        if (MatchingBook.NO_PRICE == opposite)
        {
            return false;
        }

        return MatchingEngine.BUY == side ? price >= opposite : price <= opposite;
    }

    /**
     * Put back the feed of an earlier run: every journaled message into the {@link LiveMessageStore} (as sent) and
     * into the engine's book, publishing nothing. Call once, before any listener is attached and anything else is
     * appended. The clock goes on from the last timestamp on the feed.
     *
     * @param journal reloaded.
     */
    void restore(final ItchJournal journal)
    {
        isBookSuppressed = true;
        try
        {
            journal.forEachRestored(this::restoreMessage);
        }
        finally
        {
            isBookSuppressed = false;
        }
        if (ItchHeaderDescriptor.NO_TIMESTAMP != restoredTimestampNs)
        {
            clock.anchor(restoredTimestampNs, clock.nanoTime());
        }
    }

    private void restoreMessage(final DirectBuffer buffer, final int offset, final int length)
    {
        feed.appendRestored(buffer, offset, length);
        final long timestampNs = ItchHeaderDescriptor.timestampNs(buffer, offset, length);
        if (ItchHeaderDescriptor.NO_TIMESTAMP != timestampNs)
        {
            restoredTimestampNs = timestampNs;
        }

        switch (length > 0 ? buffer.getByte(offset) : 0)
        {
            case ADD_ORDER:
            case ADD_ORDER_MPID:
                if (length >= ADD_ORDER_LENGTH)
                {
                    final long orderRef = u64(buffer, offset + ORDER_REF_OFFSET);
                    onRestoredOrderRef(orderRef);
                    if (MatchingResult.OK != engine.restoreResting(orderRef, ItchOrderDescriptor.locate(buffer, offset),
                        buffer.getByte(offset + ADD_SIDE_OFFSET), u32(buffer, offset + ADD_SHARES_OFFSET),
                        u32(buffer, offset + ADD_PRICE_OFFSET), clock.nanoTime()))
                    {
                        restoreMismatches++;
                    }
                }
                break;

            case ORDER_EXECUTED:
            case ORDER_EXECUTED_WITH_PRICE:
                if (length >= ORDER_EXECUTED_LENGTH)
                {
                    matchNumberBase = Math.max(matchNumberBase, u64(buffer, offset + MATCH_NUMBER_OFFSET));
                    restoreReduce(u64(buffer, offset + ORDER_REF_OFFSET), u32(buffer, offset + SHARES_OFFSET));
                }
                break;

            case ORDER_CANCEL:
                if (length >= ORDER_CANCEL_LENGTH)
                {
                    restoreReduce(u64(buffer, offset + ORDER_REF_OFFSET), u32(buffer, offset + SHARES_OFFSET));
                }
                break;

            case ORDER_DELETE:
                if (length >= ORDER_DELETE_LENGTH)
                {
                    restoreReduce(u64(buffer, offset + ORDER_REF_OFFSET), Long.MAX_VALUE);
                }
                break;

            case ORDER_REPLACE:
                if (length >= ORDER_REPLACE_LENGTH)
                {
                    final long newOrderRef = u64(buffer, offset + REPLACE_NEW_REF_OFFSET);
                    onRestoredOrderRef(newOrderRef);
                    if (MatchingResult.OK != engine.replace(u64(buffer, offset + ORDER_REF_OFFSET), newOrderRef,
                        u32(buffer, offset + REPLACE_SHARES_OFFSET), u32(buffer, offset + REPLACE_PRICE_OFFSET)))
                    {
                        restoreMismatches++;
                    }
                }
                break;

            case STOCK_DIRECTORY:
                if (length >= STOCK_DIRECTORY_MIN_LENGTH)
                {
                    list(ItchOrderDescriptor.locate(buffer, offset), buffer, offset + DIRECTORY_STOCK_OFFSET);
                }
                break;

            default:
                break;
        }
    }

    private void onRestoredOrderRef(final long orderRef)
    {
        if (isParticipant(orderRef))
        {
            lastParticipantOrderRef = Math.max(lastParticipantOrderRef, orderRef);
            restoredParticipantOrderRefs.addLong(orderRef);
        }
        else if (orderRef >= FLOW_ORDER_ID_BASE)
        {
            lastFlowOrderRef = Math.max(lastFlowOrderRef, orderRef);
        }
    }

    private void restoreReduce(final long orderRef, final long shares)
    {
        final long openQty = engine.openQty(orderRef);
        if (0 == openQty || (Long.MAX_VALUE != shares && shares > openQty))
        {
            restoreMismatches++;
            return;
        }

        engine.cancel(orderRef, Long.MAX_VALUE == shares ? 0 : openQty - shares);
    }

    /**
     * Append a message to the feed unchanged.
     */
    void publish(final DirectBuffer buffer, final int offset, final int length)
    {
        feed.append(buffer, offset, length);
    }

    /**
     * {@inheritDoc}
     */
    public void onAccepted(
        final long orderId, final int locate, final byte side, final long qty, final long price, final byte timeInForce)
    {
        if (isParticipant(orderId) && null != participant)
        {
            participant.onAccepted(orderId);
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onRejected(final long orderId, final int reason)
    {
        // The order entry side validates first and reads the engine's result code; nothing to publish.
    }

    /**
     * {@inheritDoc}
     */
    public void onExecuted(
        final long restingOrderId,
        final long aggressorOrderId,
        final long qty,
        final long price,
        final long matchNumber)
    {
        if (null == participant)
        {
            return;
        }
        if (isParticipant(restingOrderId))
        {
            participant.onExecuted(restingOrderId, qty, price, matchNumberBase + matchNumber, (byte)'A');
        }
        if (isParticipant(aggressorOrderId))
        {
            participant.onExecuted(aggressorOrderId, qty, price, matchNumberBase + matchNumber, (byte)'R');
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onCanceled(final long orderId, final long qty, final byte reason)
    {
        if (isParticipant(orderId) && null != participant)
        {
            participant.onCanceled(orderId, qty, reason);
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onReplaced(final long orderId, final long newOrderId, final long qty, final long price)
    {
        if (isParticipant(orderId) && null != participant)
        {
            participant.onReplaced(orderId, newOrderId, qty, price);
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onBookAdd(final long orderId, final int locate, final byte side, final long qty, final long price)
    {
        if (!isBookSuppressed)
        {
            final int length = putAddOrder(
                scratch, 0, locate, trackingNumber, clock.timestampNs(), orderId, side, qty, symbols,
                locate * STOCK_LENGTH, price);
            feed.append(scratch, 0, length);
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onBookExecute(
        final long orderId, final int locate, final long qty, final long price, final long matchNumber)
    {
        if (!isBookSuppressed)
        {
            final int length = putOrderExecuted(
                scratch, 0, locate, trackingNumber, clock.timestampNs(), orderId, qty, matchNumberBase + matchNumber);
            feed.append(scratch, 0, length);
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onBookCancel(final long orderId, final int locate, final long qty)
    {
        if (!isBookSuppressed)
        {
            final int length = putOrderCancel(scratch, 0, locate, trackingNumber, clock.timestampNs(), orderId, qty);
            feed.append(scratch, 0, length);
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onBookDelete(final long orderId, final int locate)
    {
        if (!isBookSuppressed)
        {
            final int length = putOrderDelete(scratch, 0, locate, trackingNumber, clock.timestampNs(), orderId);
            feed.append(scratch, 0, length);
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onBookReplace(
        final long orderId, final long newOrderId, final int locate, final long qty, final long price)
    {
        if (!isBookSuppressed)
        {
            final int length = putOrderReplace(
                scratch, 0, locate, trackingNumber, clock.timestampNs(), orderId, newOrderId, qty, price);
            feed.append(scratch, 0, length);
        }
    }
}
