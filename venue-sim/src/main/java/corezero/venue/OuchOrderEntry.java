package corezero.venue;

import corezero.ouch.OuchAcceptedEncoder;
import corezero.ouch.OuchAccountQueryRequestDecoder;
import corezero.ouch.OuchAccountQueryResponseEncoder;
import corezero.ouch.OuchCancelOrderDecoder;
import corezero.ouch.OuchCanceledEncoder;
import corezero.ouch.OuchDisableOrderEntryDecoder;
import corezero.ouch.OuchEnableOrderEntryDecoder;
import corezero.ouch.OuchEncoder;
import corezero.ouch.OuchEnterOrderDecoder;
import corezero.ouch.OuchExecutedEncoder;
import corezero.ouch.OuchInboundHandler;
import corezero.ouch.OuchMassCancelDecoder;
import corezero.ouch.OuchModifiedEncoder;
import corezero.ouch.OuchModifyOrderDecoder;
import corezero.ouch.OuchRejectedEncoder;
import corezero.ouch.OuchReplaceOrderDecoder;
import corezero.ouch.OuchReplacedEncoder;
import org.agrona.AsciiSequenceView;
import org.agrona.collections.LongArrayList;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The OUCH 5.0 order entry semantics of the exchange mode: inbound messages from the one participant become
 * {@link MatchingEngine} operations, and what the engine does to the participant's orders becomes sequenced outbound
 * messages in the {@link OuchJournal}, each applied to the {@link ParticipantOrders} as it is journaled.
 * <ul>
 *     <li>Enter Order: the UserRefNum must be above the last one used on the session, else Rejected (reason Other;
 *     the spec would ignore it as a retransmission, the brief asks for a reject). Then {@code --reject-every},
 *     side (B S T E), quantity (1 to 999,999), symbol (listed by a stock directory on the feed), price (see
 *     {@link MatchingEngine#isValidPrice}; market orders are not supported) and time in force (0 day, 3 IOC) are
 *     checked, each failure a Rejected with an {@link OuchRejectReason}. An accepted order gets the next order
 *     reference number, which is also its ITCH order reference number on the feed: Accepted, then an Executed per
 *     fill (liquidity 'A' resting, 'R' aggressor, the feed's match number), then Canceled (reason 'I') for an IOC
 *     remainder.</li>
 *     <li>Cancel Order: the quantity is the new intended size (executed shares included), 0 cancels all; answered
 *     with Canceled for the shares taken off. Unknown or dead UserRefNums and superfluous cancels are ignored, as
 *     the spec says, and counted.</li>
 *     <li>Replace Order: ignored (counted) if the original is not live or the new UserRefNum is not above the last
 *     used; if the new details are invalid the original is canceled (spec case 2). The quantity counts the chain's
 *     executed shares; at or below them the original is canceled. Otherwise Replaced, the order losing its time
 *     priority (strict OUCH replace), with a new order reference number.</li>
 *     <li>Modify Order: quantity decreases (as a cancel that answers Modified) and the sell-side changes S, T, E
 *     among themselves; buy to sell or back is Rejected (Invalid Side); an increase is ignored as the spec says.</li>
 *     <li>Account Query: answered with the next expected UserRefNum.</li>
 *     <li>Mass Cancel, Disable and Enable Order Entry: not supported, counted and dropped.</li>
 * </ul>
 * Single-threaded: runs on the exchange's thread.
 */
final class OuchOrderEntry implements OuchInboundHandler, ParticipantListener, ExchangeCore.StockDirectoryListener
{
    static final long MAX_QUANTITY = 999_999;
    static final byte LIQUIDITY_ADDED = 'A';
    static final byte ORDER_STATE_LIVE = 'L';
    private static final int MAX_OUTBOUND_LENGTH = 1024;

    private final ExchangeCore core;
    private final MatchingEngine engine;
    private final OuchJournal journal;
    private final ParticipantOrders orders;
    private final VenueSimCounters counters;
    private final WireLatency wireLatency;
    private final long rejectEvery;
    private final UnsafeBuffer out = new UnsafeBuffer(new byte[MAX_OUTBOUND_LENGTH]);
    private final UnsafeBuffer symbolBuffer = new UnsafeBuffer(new byte[ItchOrderDescriptor.STOCK_LENGTH]);
    private final UnsafeBuffer clOrdIdBuffer = new UnsafeBuffer(new byte[ParticipantOrder.CL_ORD_ID_LENGTH]);
    private final AsciiSequenceView symbolView = new AsciiSequenceView();
    private final AsciiSequenceView clOrdIdView = new AsciiSequenceView();
    private final byte[] clOrdId = new byte[ParticipantOrder.CL_ORD_ID_LENGTH];
    private final OuchAcceptedEncoder accepted = new OuchAcceptedEncoder();
    private final OuchExecutedEncoder executed = new OuchExecutedEncoder();
    private final OuchCanceledEncoder canceled = new OuchCanceledEncoder();
    private final OuchReplacedEncoder replaced = new OuchReplacedEncoder();
    private final OuchRejectedEncoder rejected = new OuchRejectedEncoder();
    private final OuchModifiedEncoder modified = new OuchModifiedEncoder();
    private final OuchAccountQueryResponseEncoder accountQueryResponse = new OuchAccountQueryResponseEncoder();
    private OuchEnterOrderDecoder currentEnter;
    private OuchReplaceOrderDecoder currentReplace;
    private boolean isModifying;
    private boolean isRestoring;
    private long receiptNanoTime;
    private long enterOrders;
    private long nextOrderRef;

    /**
     * @param core        the engine and the feed.
     * @param journal     of sequenced outbound messages, reloaded ones included.
     * @param orders      the participant's orders, already rebuilt from the reloaded journal.
     * @param counters    to count what happens.
     * @param wireLatency to time Enter Orders that name a feed sequence number.
     * @param rejectEvery reject every Nth Enter Order on purpose, 0 for never.
     */
    OuchOrderEntry(
        final ExchangeCore core,
        final OuchJournal journal,
        final ParticipantOrders orders,
        final VenueSimCounters counters,
        final WireLatency wireLatency,
        final long rejectEvery)
    {
        this.core = core;
        this.engine = core.engine();
        this.journal = journal;
        this.orders = orders;
        this.counters = counters;
        this.wireLatency = wireLatency;
        this.rejectEvery = rejectEvery;
        this.nextOrderRef = Math.max(orders.lastOrderRef(), core.lastParticipantOrderRef()) + 1;
        core.participantListener(this);
        core.stockDirectoryListener(this);
        core.matchNumberBase(Math.max(core.matchNumberBase(), orders.lastMatchNumber()));
    }

    /**
     * After a restart whose book was rebuilt from the feed journal ({@link ExchangeCore#restore}): tie the reloaded
     * open orders to the book, so that there is one book and the participant's orders are in it once. The OUCH
     * journal says what the participant was told, so it wins for the participant's orders; the two journals differ
     * only if the process died between the OUCH and the ITCH write of one event (the OUCH one goes first).
     * <ul>
     *     <li>An order on the book that the session has not open (canceled or filled on OUCH, not yet on the feed)
     *     is deleted; one with more shares on the book than open on OUCH is reduced to them.</li>
     *     <li>An open order the book does not hold is entered again once its stock is listed, as
     *     {@link #onListed(int)} does (at once if it is listed already).</li>
     * </ul>
     * What changes is published on the feed; nothing is sequenced on OUCH.
     */
    void linkRestoredOrders()
    {
        isRestoring = true;
        try
        {
            final LongArrayList bookRefs = core.restoredParticipantOrderRefs();
            for (int i = 0; i < bookRefs.size(); i++)
            {
                final long orderRef = bookRefs.getLong(i);
                if (engine.openQty(orderRef) > 0 && null == orders.byOrderRef(orderRef))
                {
                    engine.cancel(orderRef, 0);
                }
            }
            bookRefs.clear();

            for (final ParticipantOrder order : orders.openOrders())
            {
                final int locate = core.locate(symbolBuffer(order.symbol), 0);
                final long bookQty = engine.openQty(order.orderRef);
                if (bookQty > 0)
                {
                    order.locate = locate;
                    order.isInEngine = true;
                    if (bookQty > order.openQty)
                    {
                        engine.cancel(order.orderRef, order.openQty);
                    }
                }
            }
        }
        finally
        {
            isRestoring = false;
        }

        for (final ParticipantOrder order : orders.openOrders())
        {
            final int locate = core.locate(symbolBuffer(order.symbol), 0);
            if (!order.isInEngine && 0 != locate)
            {
                onListed(locate);
            }
        }
    }

    /**
     * @param receiptNanoTime when the inbound bytes about to be decoded were read.
     */
    void receiptNanoTime(final long receiptNanoTime)
    {
        this.receiptNanoTime = receiptNanoTime;
    }

    /**
     * A restarted venue rests the participant's reloaded open orders again once their stock is listed on the feed,
     * if the book rebuilt from the feed journal does not hold them already (no feed journal: a state directory of
     * an earlier version, or a stock listed later). They go in oldest first, behind whatever already rests at their
     * price: their queue position relative to other participants' orders is not kept.
     */
    public void onListed(final int locate)
    {
        isRestoring = true;
        try
        {
            for (final ParticipantOrder order : orders.openOrders())
            {
                if (!order.isInEngine && locate == core.locate(symbolBuffer(order.symbol), 0))
                {
                    order.locate = locate;
                    order.isInEngine = true;
                    engine.enter(order.orderRef, locate, engineSide(order.side), order.openQty, order.price,
                        MatchingEngine.DAY, core.clock().nanoTime());
                }
            }
        }
        finally
        {
            isRestoring = false;
        }
    }

    private UnsafeBuffer symbolBuffer(final byte[] symbol)
    {
        symbolBuffer.putBytes(0, symbol);
        return symbolBuffer;
    }

    /**
     * {@inheritDoc}
     */
    public void onEnterOrder(final OuchEnterOrderDecoder enterOrder)
    {
        final long userRefNum = enterOrder.userRefNum();
        enterOrder.getClOrdId(clOrdId);
        clOrdIdBuffer.putBytes(0, clOrdId);
        if (wireLatency.onOrder(clOrdId, receiptNanoTime))
        {
            counters.wireLatencySamples.incrementRelease();
        }

        if (userRefNum <= orders.lastUserRefNum())
        {
            reject(userRefNum, OuchRejectReason.OTHER);
            return;
        }

        enterOrders++;
        final int locate = core.locate(enterOrder.buffer(), enterOrder.offset() + OuchEnterOrderDecoder.SYMBOL_OFFSET);
        final byte timeInForce = engineTimeInForce(enterOrder.timeInForce());
        if (rejectEvery > 0 && 0 == enterOrders % rejectEvery)
        {
            counters.ouchRejectsInjected.incrementRelease();
            reject(userRefNum, OuchRejectReason.TEST);
        }
        else if (0 == engineSide(enterOrder.side()))
        {
            reject(userRefNum, OuchRejectReason.INVALID_SIDE);
        }
        else if (enterOrder.quantity() < 1 || enterOrder.quantity() > MAX_QUANTITY)
        {
            reject(userRefNum, OuchRejectReason.INVALID_QUANTITY);
        }
        else if (0 == locate)
        {
            reject(userRefNum, OuchRejectReason.INVALID_SYMBOL);
        }
        else if (!MatchingEngine.isValidPrice(enterOrder.price()))
        {
            reject(userRefNum, OuchRejectReason.INVALID_PRICE);
        }
        else if (0 == timeInForce)
        {
            reject(userRefNum, OuchRejectReason.OTHER);
        }
        else
        {
            currentEnter = enterOrder;
            final long orderRef = nextOrderRef++;
            final int result = engine.enter(orderRef, locate, engineSide(enterOrder.side()), enterOrder.quantity(),
                enterOrder.price(), timeInForce, core.clock().nanoTime());
            currentEnter = null;
            if (MatchingResult.OK != result)
            {
                // Checked above already; should the engine still refuse, the client hears of it.
                reject(userRefNum, OuchRejectReason.OTHER);
                return;
            }
            final ParticipantOrder order = orders.byOrderRef(orderRef);
            if (null != order)
            {
                order.locate = locate;
                order.isInEngine = true;
            }
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onCancelOrder(final OuchCancelOrderDecoder cancelOrder)
    {
        final ParticipantOrder order = orders.byUserRefNum(cancelOrder.userRefNum());
        final long newOpenQty = null == order ? 0 : intendedOpenQty(order, cancelOrder.quantity());
        if (null == order || !order.isInEngine || newOpenQty >= order.openQty)
        {
            counters.ouchRequestsIgnored.incrementRelease();
            return;
        }

        engine.cancel(order.orderRef, newOpenQty);
    }

    /**
     * {@inheritDoc}
     */
    public void onReplaceOrder(final OuchReplaceOrderDecoder replaceOrder)
    {
        final ParticipantOrder order = orders.byUserRefNum(replaceOrder.origUserRefNum());
        if (null == order || !order.isInEngine || replaceOrder.userRefNum() <= orders.lastUserRefNum())
        {
            counters.ouchRequestsIgnored.incrementRelease();
            return;
        }

        final long newOpenQty = replaceOrder.quantity() - order.executedQty;
        if (replaceOrder.quantity() > MAX_QUANTITY || newOpenQty <= 0 ||
            !MatchingEngine.isValidPrice(replaceOrder.price()) ||
            0 == engineTimeInForce(replaceOrder.timeInForce()))
        {
            engine.cancel(order.orderRef, 0);
            return;
        }

        currentReplace = replaceOrder;
        final int result = engine.replace(order.orderRef, nextOrderRef++, newOpenQty, replaceOrder.price());
        currentReplace = null;
        if (MatchingResult.OK != result)
        {
            counters.ouchRequestsIgnored.incrementRelease();
            return;
        }
        final ParticipantOrder replacement = orders.byUserRefNum(replaceOrder.userRefNum());
        if (null != replacement)
        {
            replacement.isInEngine = true;
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onModifyOrder(final OuchModifyOrderDecoder modifyOrder)
    {
        final ParticipantOrder order = orders.byUserRefNum(modifyOrder.userRefNum());
        if (null == order || !order.isInEngine)
        {
            counters.ouchRequestsIgnored.incrementRelease();
            return;
        }

        final byte side = modifyOrder.side();
        final boolean isSellToSell =
            MatchingEngine.SELL == engineSide(side) && MatchingEngine.SELL == engineSide(order.side);
        if (side != order.side && !isSellToSell)
        {
            clOrdIdBuffer.putBytes(0, order.clOrdId);
            reject(modifyOrder.userRefNum(), OuchRejectReason.INVALID_SIDE);
            return;
        }

        final long newOpenQty = intendedOpenQty(order, modifyOrder.quantity());
        if (newOpenQty > order.openQty || (newOpenQty == order.openQty && side == order.side))
        {
            counters.ouchRequestsIgnored.incrementRelease();
            return;
        }

        final long userRefNum = order.userRefNum;
        if (newOpenQty < order.openQty)
        {
            isModifying = true;
            engine.cancel(order.orderRef, newOpenQty);
            isModifying = false;
        }

        modified.wrap(out, 0).timestampNs(core.clock().timestampNs()).userRefNum(userRefNum).side(side)
            .quantity(newOpenQty);
        sequence(modified);
    }

    /**
     * {@inheritDoc}
     */
    public void onAccountQueryRequest(final OuchAccountQueryRequestDecoder accountQueryRequest)
    {
        accountQueryResponse.wrap(out, 0).timestampNs(core.clock().timestampNs())
            .nextUserRefNum(orders.lastUserRefNum() + 1);
        sequence(accountQueryResponse);
    }

    /**
     * {@inheritDoc}
     */
    public void onMassCancel(final OuchMassCancelDecoder massCancel)
    {
        counters.ouchMessagesUnsupported.incrementRelease();
    }

    /**
     * {@inheritDoc}
     */
    public void onDisableOrderEntry(final OuchDisableOrderEntryDecoder disableOrderEntry)
    {
        counters.ouchMessagesUnsupported.incrementRelease();
    }

    /**
     * {@inheritDoc}
     */
    public void onEnableOrderEntry(final OuchEnableOrderEntryDecoder enableOrderEntry)
    {
        counters.ouchMessagesUnsupported.incrementRelease();
    }

    /**
     * {@inheritDoc}
     */
    public void onAccepted(final long orderId)
    {
        final OuchEnterOrderDecoder enter = currentEnter;
        if (isRestoring || null == enter)
        {
            return;
        }

        accepted.wrap(out, 0)
            .timestampNs(core.clock().timestampNs())
            .userRefNum(enter.userRefNum())
            .side(enter.side())
            .quantity(enter.quantity())
            .symbol(symbolView.wrap(enter.buffer(), enter.offset() + OuchEnterOrderDecoder.SYMBOL_OFFSET,
                ItchOrderDescriptor.STOCK_LENGTH))
            .price(enter.price())
            .timeInForce(enter.timeInForce())
            .display(enter.display())
            .orderReferenceNumber(orderId)
            .capacity(enter.capacity())
            .interMarketSweepEligibility(enter.interMarketSweepEligibility())
            .crossType(enter.crossType())
            .orderState(ORDER_STATE_LIVE)
            .clOrdId(clOrdIdView.wrap(enter.buffer(), enter.offset() + OuchEnterOrderDecoder.CL_ORD_ID_OFFSET,
                ParticipantOrder.CL_ORD_ID_LENGTH));
        sequence(accepted);
        counters.ouchOrdersAccepted.incrementRelease();
    }

    /**
     * {@inheritDoc}
     */
    public void onExecuted(
        final long orderId, final long qty, final long price, final long matchNumber, final byte liquidityFlag)
    {
        final ParticipantOrder order = orders.byOrderRef(orderId);
        if (isRestoring || null == order)
        {
            return;
        }

        executed.wrap(out, 0)
            .timestampNs(core.clock().timestampNs())
            .userRefNum(order.userRefNum)
            .quantity(qty)
            .price(price)
            .liquidityFlag(liquidityFlag)
            .matchNumber(matchNumber);
        sequence(executed);
        counters.ouchFills.incrementRelease();
    }

    /**
     * {@inheritDoc}
     */
    public void onCanceled(final long orderId, final long qty, final byte reason)
    {
        final ParticipantOrder order = orders.byOrderRef(orderId);
        if (isRestoring || isModifying || null == order)
        {
            return;
        }

        canceled.wrap(out, 0).timestampNs(core.clock().timestampNs()).userRefNum(order.userRefNum).quantity(qty)
            .reason(reason);
        sequence(canceled);
    }

    /**
     * {@inheritDoc}
     */
    public void onReplaced(final long orderId, final long newOrderId, final long qty, final long price)
    {
        final ParticipantOrder order = orders.byOrderRef(orderId);
        final OuchReplaceOrderDecoder replace = currentReplace;
        if (isRestoring || null == order || null == replace)
        {
            return;
        }

        symbolBuffer.putBytes(0, order.symbol);
        clOrdIdBuffer.putBytes(0, replace.buffer(), replace.offset() + OuchReplaceOrderDecoder.CL_ORD_ID_OFFSET,
            ParticipantOrder.CL_ORD_ID_LENGTH);
        replaced.wrap(out, 0)
            .timestampNs(core.clock().timestampNs())
            .origUserRefNum(order.userRefNum)
            .userRefNum(replace.userRefNum())
            .side(order.side)
            .quantity(qty)
            .symbol(symbolView.wrap(symbolBuffer, 0, ItchOrderDescriptor.STOCK_LENGTH))
            .price(price)
            .timeInForce(replace.timeInForce())
            .display(replace.display())
            .orderReferenceNumber(newOrderId)
            .capacity(order.capacity)
            .interMarketSweepEligibility(replace.interMarketSweepEligibility())
            .crossType(order.crossType)
            .orderState(ORDER_STATE_LIVE)
            .clOrdId(clOrdIdView.wrap(clOrdIdBuffer, 0, ParticipantOrder.CL_ORD_ID_LENGTH));
        final int locate = order.locate;
        sequence(replaced);
        final ParticipantOrder replacement = orders.byOrderRef(newOrderId);
        if (null != replacement)
        {
            replacement.locate = locate;
            replacement.isInEngine = true;
        }
    }

    private void reject(final long userRefNum, final int reason)
    {
        rejected.wrap(out, 0).timestampNs(core.clock().timestampNs()).userRefNum(userRefNum).reason(reason)
            .clOrdId(clOrdIdView.wrap(clOrdIdBuffer, 0, ParticipantOrder.CL_ORD_ID_LENGTH));
        sequence(rejected);
        counters.ouchOrdersRejected.incrementRelease();
    }

    private void sequence(final OuchEncoder encoder)
    {
        final int length = encoder.encodedLength();
        try
        {
            journal.append(out, 0, length, core.clock().nanoTime());
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write the OUCH journal " + journal.path(), ex);
        }
        orders.apply(out, 0, length);
        counters.ouchMessagesSequenced.incrementRelease();
    }

    private static long intendedOpenQty(final ParticipantOrder order, final long intendedQty)
    {
        return 0 == intendedQty ? 0 : Math.max(0, intendedQty - order.executedQty);
    }

    static byte engineSide(final byte ouchSide)
    {
        switch (ouchSide)
        {
            case 'B':
                return MatchingEngine.BUY;
            case 'S':
            case 'T':
            case 'E':
                return MatchingEngine.SELL;
            default:
                return 0;
        }
    }

    private static byte engineTimeInForce(final byte ouchTimeInForce)
    {
        switch (ouchTimeInForce)
        {
            case '0':
                return MatchingEngine.DAY;
            case '3':
                return MatchingEngine.IMMEDIATE_OR_CANCEL;
            default:
                return 0;
        }
    }
}
