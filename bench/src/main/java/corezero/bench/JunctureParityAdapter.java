package corezero.bench;

import com.paritytrading.juncture.nasdaq.itch50.ITCH50;
import com.paritytrading.juncture.nasdaq.itch50.ITCH50Listener;
import com.paritytrading.parity.book.Market;
import com.paritytrading.parity.book.Order;
import com.paritytrading.parity.book.Side;

/**
 * The peer pipeline's book side in {@link ItchBookBenchmark}: juncture-nasdaq's parsed messages applied to a
 * parity-book {@link Market}, instrument = stock locate. parity-book keeps orders in a hash map of objects and
 * aggregated price levels in red-black trees; it has no trade prints, trading states or queue positions, so the
 * messages that carry only those are ignored here (ours records them).
 * <ul>
 *   <li>Stock Directory ('R') opens the instrument's book, as ours binds its locate to a book slot.</li>
 *   <li>Add Order ('A', 'F'): {@link Market#add}.</li>
 *   <li>Order Executed ('E') and Executed With Price ('C'): {@link Market#execute(long, long)} and
 *       {@link Market#execute(long, long, long)}.</li>
 *   <li>Order Cancel ('X'): {@link Market#cancel}; Order Delete ('D'): {@link Market#delete}.</li>
 *   <li>Order Replace ('U'): parity-book has no replace, so the original order is looked up for its side and
 *       instrument, deleted, and the new reference added at the new price and size.</li>
 * </ul>
 */
final class JunctureParityAdapter implements ITCH50Listener
{
    private final Market market;

    /**
     * @param market the books to update.
     */
    JunctureParityAdapter(final Market market)
    {
        this.market = market;
    }

    /** {@inheritDoc} */
    public void stockDirectory(final ITCH50.StockDirectory message)
    {
        market.open(message.stockLocate);
    }

    /** {@inheritDoc} */
    public void addOrder(final ITCH50.AddOrder message)
    {
        market.add(
            message.stockLocate, message.orderReferenceNumber, side(message.buySellIndicator), message.price,
            message.shares);
    }

    /** {@inheritDoc} */
    public void addOrderMPID(final ITCH50.AddOrderMPID message)
    {
        market.add(
            message.stockLocate, message.orderReferenceNumber, side(message.buySellIndicator), message.price,
            message.shares);
    }

    /** {@inheritDoc} */
    public void orderExecuted(final ITCH50.OrderExecuted message)
    {
        market.execute(message.orderReferenceNumber, message.executedShares);
    }

    /** {@inheritDoc} */
    public void orderExecutedWithPrice(final ITCH50.OrderExecutedWithPrice message)
    {
        market.execute(message.orderReferenceNumber, message.executedShares, message.executionPrice);
    }

    /** {@inheritDoc} */
    public void orderCancel(final ITCH50.OrderCancel message)
    {
        market.cancel(message.orderReferenceNumber, message.canceledShares);
    }

    /** {@inheritDoc} */
    public void orderDelete(final ITCH50.OrderDelete message)
    {
        market.delete(message.orderReferenceNumber);
    }

    /** {@inheritDoc} */
    public void orderReplace(final ITCH50.OrderReplace message)
    {
        final Order original = market.find(message.originalOrderReferenceNumber);
        if (null == original)
        {
            return;
        }
        final Side side = original.getSide();
        final long instrument = original.getOrderBook().getInstrument();
        market.delete(message.originalOrderReferenceNumber);
        market.add(instrument, message.newOrderReferenceNumber, side, message.price, message.shares);
    }

    /** {@inheritDoc} */
    public void systemEvent(final ITCH50.SystemEvent message)
    {
    }

    /** {@inheritDoc} */
    public void stockTradingAction(final ITCH50.StockTradingAction message)
    {
    }

    /** {@inheritDoc} */
    public void regSHORestriction(final ITCH50.RegSHORestriction message)
    {
    }

    /** {@inheritDoc} */
    public void marketParticipantPosition(final ITCH50.MarketParticipantPosition message)
    {
    }

    /** {@inheritDoc} */
    public void mwcbDeclineLevel(final ITCH50.MWCBDeclineLevel message)
    {
    }

    /** {@inheritDoc} */
    public void mwcbStatus(final ITCH50.MWCBStatus message)
    {
    }

    /** {@inheritDoc} */
    public void ipoQuotingPeriodUpdate(final ITCH50.IPOQuotingPeriodUpdate message)
    {
    }

    /** {@inheritDoc} */
    public void luldAuctionCollar(final ITCH50.LULDAuctionCollar message)
    {
    }

    /** {@inheritDoc} */
    public void operationalHalt(final ITCH50.OperationalHalt message)
    {
    }

    /** {@inheritDoc} */
    public void trade(final ITCH50.Trade message)
    {
    }

    /** {@inheritDoc} */
    public void crossTrade(final ITCH50.CrossTrade message)
    {
    }

    /** {@inheritDoc} */
    public void brokenTrade(final ITCH50.BrokenTrade message)
    {
    }

    /** {@inheritDoc} */
    public void noii(final ITCH50.NOII message)
    {
    }

    /** {@inheritDoc} */
    public void rpii(final ITCH50.RPII message)
    {
    }

    private static Side side(final byte buySellIndicator)
    {
        return 'B' == buySellIndicator ? Side.BUY : Side.SELL;
    }
}
