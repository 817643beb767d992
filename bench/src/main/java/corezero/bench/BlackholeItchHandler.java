package corezero.bench;

import corezero.itch.AddOrderDecoder;
import corezero.itch.AddOrderMpidDecoder;
import corezero.itch.BrokenTradeDecoder;
import corezero.itch.CrossTradeDecoder;
import corezero.itch.DirectListingCapitalRaiseDecoder;
import corezero.itch.IpoQuotingPeriodUpdateDecoder;
import corezero.itch.ItchFlyweight;
import corezero.itch.ItchHandler;
import corezero.itch.LuldAuctionCollarDecoder;
import corezero.itch.MarketParticipantPositionDecoder;
import corezero.itch.MwcbDeclineLevelDecoder;
import corezero.itch.MwcbStatusDecoder;
import corezero.itch.NoiiDecoder;
import corezero.itch.OperationalHaltDecoder;
import corezero.itch.OrderCancelDecoder;
import corezero.itch.OrderDeleteDecoder;
import corezero.itch.OrderExecutedDecoder;
import corezero.itch.OrderExecutedWithPriceDecoder;
import corezero.itch.OrderReplaceDecoder;
import corezero.itch.RegShoRestrictionDecoder;
import corezero.itch.RpiiDecoder;
import corezero.itch.StockDirectoryDecoder;
import corezero.itch.StockTradingActionDecoder;
import corezero.itch.SystemEventDecoder;
import corezero.itch.TradeDecoder;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Decode-only handler for {@link ItchDecodeBenchmark}: every message type reads two fields from its flyweight, the
 * stock locate and the 6-byte timestamp, into the benchmark's {@link Blackhole}, so the decode cannot be removed as
 * dead code. It reads the same two fields as {@link BlackholeItch50Listener} does from the peer's objects.
 */
final class BlackholeItchHandler implements ItchHandler
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
    public void onSystemEvent(final SystemEventDecoder message)
    {
        consume(message);
    }

    /** {@inheritDoc} */
    public void onStockDirectory(final StockDirectoryDecoder message)
    {
        consume(message);
    }

    /** {@inheritDoc} */
    public void onStockTradingAction(final StockTradingActionDecoder message)
    {
        consume(message);
    }

    /** {@inheritDoc} */
    public void onRegShoRestriction(final RegShoRestrictionDecoder message)
    {
        consume(message);
    }

    /** {@inheritDoc} */
    public void onMarketParticipantPosition(final MarketParticipantPositionDecoder message)
    {
        consume(message);
    }

    /** {@inheritDoc} */
    public void onMwcbDeclineLevel(final MwcbDeclineLevelDecoder message)
    {
        consume(message);
    }

    /** {@inheritDoc} */
    public void onMwcbStatus(final MwcbStatusDecoder message)
    {
        consume(message);
    }

    /** {@inheritDoc} */
    public void onIpoQuotingPeriodUpdate(final IpoQuotingPeriodUpdateDecoder message)
    {
        consume(message);
    }

    /** {@inheritDoc} */
    public void onLuldAuctionCollar(final LuldAuctionCollarDecoder message)
    {
        consume(message);
    }

    /** {@inheritDoc} */
    public void onOperationalHalt(final OperationalHaltDecoder message)
    {
        consume(message);
    }

    /** {@inheritDoc} */
    public void onAddOrder(final AddOrderDecoder message)
    {
        consume(message);
    }

    /** {@inheritDoc} */
    public void onAddOrderMpid(final AddOrderMpidDecoder message)
    {
        consume(message);
    }

    /** {@inheritDoc} */
    public void onOrderExecuted(final OrderExecutedDecoder message)
    {
        consume(message);
    }

    /** {@inheritDoc} */
    public void onOrderExecutedWithPrice(final OrderExecutedWithPriceDecoder message)
    {
        consume(message);
    }

    /** {@inheritDoc} */
    public void onOrderCancel(final OrderCancelDecoder message)
    {
        consume(message);
    }

    /** {@inheritDoc} */
    public void onOrderDelete(final OrderDeleteDecoder message)
    {
        consume(message);
    }

    /** {@inheritDoc} */
    public void onOrderReplace(final OrderReplaceDecoder message)
    {
        consume(message);
    }

    /** {@inheritDoc} */
    public void onTrade(final TradeDecoder message)
    {
        consume(message);
    }

    /** {@inheritDoc} */
    public void onCrossTrade(final CrossTradeDecoder message)
    {
        consume(message);
    }

    /** {@inheritDoc} */
    public void onBrokenTrade(final BrokenTradeDecoder message)
    {
        consume(message);
    }

    /** {@inheritDoc} */
    public void onNoii(final NoiiDecoder message)
    {
        consume(message);
    }

    /** {@inheritDoc} */
    public void onRpii(final RpiiDecoder message)
    {
        consume(message);
    }

    /** {@inheritDoc} */
    public void onDirectListingCapitalRaise(final DirectListingCapitalRaiseDecoder message)
    {
        consume(message);
    }

    private void consume(final ItchFlyweight message)
    {
        blackhole.consume(message.stockLocate());
        blackhole.consume(message.timestampNs());
    }
}
