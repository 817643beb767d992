package corezero.venue;

import corezero.ouch.OuchAcceptedDecoder;
import corezero.ouch.OuchCanceledDecoder;
import corezero.ouch.OuchDecoder;
import corezero.ouch.OuchExecutedDecoder;
import corezero.ouch.OuchHandler;
import corezero.ouch.OuchModifiedDecoder;
import corezero.ouch.OuchRejectedDecoder;
import corezero.ouch.OuchReplacedDecoder;
import org.agrona.DirectBuffer;
import org.agrona.collections.Long2ObjectHashMap;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The participant's open orders and UserRefNum high-water mark, kept by applying the sequenced OUCH messages the
 * exchange sends, in order. The same code runs live (each message as it is journaled) and on a restart (each
 * message of the reloaded journal), so the rebuilt state is the one the client was told about.
 * <ul>
 *     <li>Accepted opens an order; Executed and Canceled take shares off (Executed also adds to the chain's executed
 *     shares); at zero open shares the order is gone.</li>
 *     <li>Replaced moves the order to its new UserRefNum and order reference number with the new open quantity.</li>
 *     <li>Modified sets the side and the open quantity.</li>
 *     <li>Accepted, Replaced and Rejected raise the last UserRefNum used; the next expected one is one more.</li>
 * </ul>
 * Executed match numbers and order reference numbers are tracked so that a restarted venue continues after them.
 * Single-threaded.
 */
final class ParticipantOrders implements OuchHandler
{
    private final OuchDecoder decoder = new OuchDecoder();
    private final Long2ObjectHashMap<ParticipantOrder> byUserRefNum = new Long2ObjectHashMap<>();
    private final Long2ObjectHashMap<ParticipantOrder> byOrderRef = new Long2ObjectHashMap<>();
    private long lastUserRefNum;
    private long lastMatchNumber;
    private long lastOrderRef = ExchangeCore.PARTICIPANT_ORDER_ID_BASE - 1;

    /**
     * Apply one outbound OUCH message.
     *
     * @param buffer holding it.
     * @param offset of its type byte.
     * @param length of the message.
     */
    void apply(final DirectBuffer buffer, final int offset, final int length)
    {
        decoder.decode(buffer, offset, length, this);
    }

    ParticipantOrder byUserRefNum(final long userRefNum)
    {
        return byUserRefNum.get(userRefNum);
    }

    ParticipantOrder byOrderRef(final long orderRef)
    {
        return byOrderRef.get(orderRef);
    }

    long lastUserRefNum()
    {
        return lastUserRefNum;
    }

    long lastMatchNumber()
    {
        return lastMatchNumber;
    }

    long lastOrderRef()
    {
        return lastOrderRef;
    }

    int openCount()
    {
        return byUserRefNum.size();
    }

    /**
     * @return the open orders oldest order reference number first (allocates: restart and tests only).
     */
    List<ParticipantOrder> openOrders()
    {
        final List<ParticipantOrder> orders = new ArrayList<>(byUserRefNum.values());
        orders.sort(Comparator.comparingLong((final ParticipantOrder order) -> order.orderRef));

        return orders;
    }

    /**
     * {@inheritDoc}
     */
    public void onAccepted(final OuchAcceptedDecoder accepted)
    {
        raiseUserRefNum(accepted.userRefNum());
        lastOrderRef = Math.max(lastOrderRef, accepted.orderReferenceNumber());
        final ParticipantOrder order = new ParticipantOrder();
        order.userRefNum = accepted.userRefNum();
        order.orderRef = accepted.orderReferenceNumber();
        order.side = accepted.side();
        order.openQty = accepted.quantity();
        order.executedQty = 0;
        accepted.getSymbol(order.symbol);
        order.price = accepted.price();
        order.timeInForce = accepted.timeInForce();
        order.display = accepted.display();
        order.capacity = accepted.capacity();
        order.interMarketSweepEligibility = accepted.interMarketSweepEligibility();
        order.crossType = accepted.crossType();
        accepted.getClOrdId(order.clOrdId);
        byUserRefNum.put(order.userRefNum, order);
        byOrderRef.put(order.orderRef, order);
    }

    /**
     * {@inheritDoc}
     */
    public void onReplaced(final OuchReplacedDecoder replaced)
    {
        raiseUserRefNum(replaced.userRefNum());
        lastOrderRef = Math.max(lastOrderRef, replaced.orderReferenceNumber());
        final ParticipantOrder order = byUserRefNum.remove(replaced.origUserRefNum());
        if (null == order)
        {
            return;
        }
        byOrderRef.remove(order.orderRef);
        order.userRefNum = replaced.userRefNum();
        order.orderRef = replaced.orderReferenceNumber();
        order.openQty = replaced.quantity();
        order.price = replaced.price();
        order.timeInForce = replaced.timeInForce();
        order.display = replaced.display();
        order.interMarketSweepEligibility = replaced.interMarketSweepEligibility();
        replaced.getClOrdId(order.clOrdId);
        if (order.openQty > 0)
        {
            byUserRefNum.put(order.userRefNum, order);
            byOrderRef.put(order.orderRef, order);
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onExecuted(final OuchExecutedDecoder executed)
    {
        lastMatchNumber = Math.max(lastMatchNumber, executed.matchNumber());
        final ParticipantOrder order = byUserRefNum.get(executed.userRefNum());
        if (null != order)
        {
            order.executedQty += executed.quantity();
            reduce(order, executed.quantity());
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onCanceled(final OuchCanceledDecoder canceled)
    {
        final ParticipantOrder order = byUserRefNum.get(canceled.userRefNum());
        if (null != order)
        {
            reduce(order, canceled.quantity());
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onModified(final OuchModifiedDecoder modified)
    {
        final ParticipantOrder order = byUserRefNum.get(modified.userRefNum());
        if (null != order)
        {
            order.side = modified.side();
            reduce(order, order.openQty - modified.quantity());
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onRejected(final OuchRejectedDecoder rejected)
    {
        raiseUserRefNum(rejected.userRefNum());
    }

    private void raiseUserRefNum(final long userRefNum)
    {
        lastUserRefNum = Math.max(lastUserRefNum, userRefNum);
    }

    private void reduce(final ParticipantOrder order, final long qty)
    {
        order.openQty -= qty;
        if (order.openQty <= 0)
        {
            byUserRefNum.remove(order.userRefNum);
            byOrderRef.remove(order.orderRef);
        }
    }
}
