package corezero.itch;

/**
 * Remembers which handler method was called last, and with which flyweight.
 */
final class RecordingHandler implements ItchHandler
{
    String lastMethod;
    ItchFlyweight lastMessage;
    int calls;

    private void record(final String method, final ItchFlyweight message)
    {
        lastMethod = method;
        lastMessage = message;
        calls++;
    }

    public void onSystemEvent(final SystemEventDecoder message)
    {
        record("onSystemEvent", message);
    }

    public void onStockDirectory(final StockDirectoryDecoder message)
    {
        record("onStockDirectory", message);
    }

    public void onStockTradingAction(final StockTradingActionDecoder message)
    {
        record("onStockTradingAction", message);
    }

    public void onRegShoRestriction(final RegShoRestrictionDecoder message)
    {
        record("onRegShoRestriction", message);
    }

    public void onMarketParticipantPosition(final MarketParticipantPositionDecoder message)
    {
        record("onMarketParticipantPosition", message);
    }

    public void onMwcbDeclineLevel(final MwcbDeclineLevelDecoder message)
    {
        record("onMwcbDeclineLevel", message);
    }

    public void onMwcbStatus(final MwcbStatusDecoder message)
    {
        record("onMwcbStatus", message);
    }

    public void onIpoQuotingPeriodUpdate(final IpoQuotingPeriodUpdateDecoder message)
    {
        record("onIpoQuotingPeriodUpdate", message);
    }

    public void onLuldAuctionCollar(final LuldAuctionCollarDecoder message)
    {
        record("onLuldAuctionCollar", message);
    }

    public void onOperationalHalt(final OperationalHaltDecoder message)
    {
        record("onOperationalHalt", message);
    }

    public void onAddOrder(final AddOrderDecoder message)
    {
        record("onAddOrder", message);
    }

    public void onAddOrderMpid(final AddOrderMpidDecoder message)
    {
        record("onAddOrderMpid", message);
    }

    public void onOrderExecuted(final OrderExecutedDecoder message)
    {
        record("onOrderExecuted", message);
    }

    public void onOrderExecutedWithPrice(final OrderExecutedWithPriceDecoder message)
    {
        record("onOrderExecutedWithPrice", message);
    }

    public void onOrderCancel(final OrderCancelDecoder message)
    {
        record("onOrderCancel", message);
    }

    public void onOrderDelete(final OrderDeleteDecoder message)
    {
        record("onOrderDelete", message);
    }

    public void onOrderReplace(final OrderReplaceDecoder message)
    {
        record("onOrderReplace", message);
    }

    public void onTrade(final TradeDecoder message)
    {
        record("onTrade", message);
    }

    public void onCrossTrade(final CrossTradeDecoder message)
    {
        record("onCrossTrade", message);
    }

    public void onBrokenTrade(final BrokenTradeDecoder message)
    {
        record("onBrokenTrade", message);
    }

    public void onNoii(final NoiiDecoder message)
    {
        record("onNoii", message);
    }

    public void onRpii(final RpiiDecoder message)
    {
        record("onRpii", message);
    }

    public void onDirectListingCapitalRaise(final DirectListingCapitalRaiseDecoder message)
    {
        record("onDirectListingCapitalRaise", message);
    }
}
