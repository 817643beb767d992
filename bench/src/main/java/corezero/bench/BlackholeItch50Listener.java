package corezero.bench;

import com.paritytrading.juncture.nasdaq.itch50.ITCH50;
import com.paritytrading.juncture.nasdaq.itch50.ITCH50Listener;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The peer's decode-only listener for {@link ItchDecodeBenchmark}: juncture-nasdaq's {@code ITCH50Parser} has
 * already copied every field of the message into its own per-type object; this reads the same two fields as
 * {@link BlackholeItchHandler} (stock locate, and the timestamp joined from its two parts) into the benchmark's
 * {@link Blackhole}. juncture-nasdaq 1.0.0 has no Direct Listing with Capital Raise ('O') type; the capture holds
 * none.
 */
final class BlackholeItch50Listener implements ITCH50Listener
{
    private Blackhole blackhole;

    /**
     * @param blackhole of the running benchmark; set before each pass.
     */
    void blackhole(final Blackhole blackhole)
    {
        this.blackhole = blackhole;
    }

    /** {@inheritDoc} */
    public void systemEvent(final ITCH50.SystemEvent message)
    {
        consume(message.stockLocate, message.timestampHigh, message.timestampLow);
    }

    /** {@inheritDoc} */
    public void stockDirectory(final ITCH50.StockDirectory message)
    {
        consume(message.stockLocate, message.timestampHigh, message.timestampLow);
    }

    /** {@inheritDoc} */
    public void stockTradingAction(final ITCH50.StockTradingAction message)
    {
        consume(message.stockLocate, message.timestampHigh, message.timestampLow);
    }

    /** {@inheritDoc} */
    public void regSHORestriction(final ITCH50.RegSHORestriction message)
    {
        // juncture names the Reg SHO message's Stock Locate field "locateCode".
        consume(message.locateCode, message.timestampHigh, message.timestampLow);
    }

    /** {@inheritDoc} */
    public void marketParticipantPosition(final ITCH50.MarketParticipantPosition message)
    {
        consume(message.stockLocate, message.timestampHigh, message.timestampLow);
    }

    /** {@inheritDoc} */
    public void mwcbDeclineLevel(final ITCH50.MWCBDeclineLevel message)
    {
        consume(message.stockLocate, message.timestampHigh, message.timestampLow);
    }

    /** {@inheritDoc} */
    public void mwcbStatus(final ITCH50.MWCBStatus message)
    {
        consume(message.stockLocate, message.timestampHigh, message.timestampLow);
    }

    /** {@inheritDoc} */
    public void ipoQuotingPeriodUpdate(final ITCH50.IPOQuotingPeriodUpdate message)
    {
        consume(message.stockLocate, message.timestampHigh, message.timestampLow);
    }

    /** {@inheritDoc} */
    public void luldAuctionCollar(final ITCH50.LULDAuctionCollar message)
    {
        consume(message.stockLocate, message.timestampHigh, message.timestampLow);
    }

    /** {@inheritDoc} */
    public void operationalHalt(final ITCH50.OperationalHalt message)
    {
        consume(message.stockLocate, message.timestampHigh, message.timestampLow);
    }

    /** {@inheritDoc} */
    public void addOrder(final ITCH50.AddOrder message)
    {
        consume(message.stockLocate, message.timestampHigh, message.timestampLow);
    }

    /** {@inheritDoc} */
    public void addOrderMPID(final ITCH50.AddOrderMPID message)
    {
        consume(message.stockLocate, message.timestampHigh, message.timestampLow);
    }

    /** {@inheritDoc} */
    public void orderExecuted(final ITCH50.OrderExecuted message)
    {
        consume(message.stockLocate, message.timestampHigh, message.timestampLow);
    }

    /** {@inheritDoc} */
    public void orderExecutedWithPrice(final ITCH50.OrderExecutedWithPrice message)
    {
        consume(message.stockLocate, message.timestampHigh, message.timestampLow);
    }

    /** {@inheritDoc} */
    public void orderCancel(final ITCH50.OrderCancel message)
    {
        consume(message.stockLocate, message.timestampHigh, message.timestampLow);
    }

    /** {@inheritDoc} */
    public void orderDelete(final ITCH50.OrderDelete message)
    {
        consume(message.stockLocate, message.timestampHigh, message.timestampLow);
    }

    /** {@inheritDoc} */
    public void orderReplace(final ITCH50.OrderReplace message)
    {
        consume(message.stockLocate, message.timestampHigh, message.timestampLow);
    }

    /** {@inheritDoc} */
    public void trade(final ITCH50.Trade message)
    {
        consume(message.stockLocate, message.timestampHigh, message.timestampLow);
    }

    /** {@inheritDoc} */
    public void crossTrade(final ITCH50.CrossTrade message)
    {
        consume(message.stockLocate, message.timestampHigh, message.timestampLow);
    }

    /** {@inheritDoc} */
    public void brokenTrade(final ITCH50.BrokenTrade message)
    {
        consume(message.stockLocate, message.timestampHigh, message.timestampLow);
    }

    /** {@inheritDoc} */
    public void noii(final ITCH50.NOII message)
    {
        consume(message.stockLocate, message.timestampHigh, message.timestampLow);
    }

    /** {@inheritDoc} */
    public void rpii(final ITCH50.RPII message)
    {
        consume(message.stockLocate, message.timestampHigh, message.timestampLow);
    }

    private void consume(final int stockLocate, final int timestampHigh, final long timestampLow)
    {
        blackhole.consume(stockLocate);
        blackhole.consume(((long)timestampHigh << 32) | timestampLow);
    }
}
