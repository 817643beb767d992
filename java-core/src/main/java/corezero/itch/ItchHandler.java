package corezero.itch;

/**
 * Receives decoded ITCH 5.0 messages from {@link ItchDecoder}, one method per message type, each a no-op unless
 * overridden. The decoder passed in is a flyweight over the caller's buffer: it is valid only during the call and is
 * reused for the next message, so copy out what must be kept. Called on the hot thread: implementations must not
 * block or allocate.
 */
public interface ItchHandler
{
    /**
     * @param message System Event ('S'), valid during this call only.
     */
    default void onSystemEvent(final SystemEventDecoder message)
    {
    }

    /**
     * @param message Stock Directory ('R'), valid during this call only.
     */
    default void onStockDirectory(final StockDirectoryDecoder message)
    {
    }

    /**
     * @param message Stock Trading Action ('H'), valid during this call only.
     */
    default void onStockTradingAction(final StockTradingActionDecoder message)
    {
    }

    /**
     * @param message Reg SHO Short Sale Price Test Restricted Indicator ('Y'), valid during this call only.
     */
    default void onRegShoRestriction(final RegShoRestrictionDecoder message)
    {
    }

    /**
     * @param message Market Participant Position ('L'), valid during this call only.
     */
    default void onMarketParticipantPosition(final MarketParticipantPositionDecoder message)
    {
    }

    /**
     * @param message MWCB Decline Level ('V'), valid during this call only.
     */
    default void onMwcbDeclineLevel(final MwcbDeclineLevelDecoder message)
    {
    }

    /**
     * @param message MWCB Status ('W'), valid during this call only.
     */
    default void onMwcbStatus(final MwcbStatusDecoder message)
    {
    }

    /**
     * @param message IPO Quoting Period Update ('K'), valid during this call only.
     */
    default void onIpoQuotingPeriodUpdate(final IpoQuotingPeriodUpdateDecoder message)
    {
    }

    /**
     * @param message LULD Auction Collar ('J'), valid during this call only.
     */
    default void onLuldAuctionCollar(final LuldAuctionCollarDecoder message)
    {
    }

    /**
     * @param message Operational Halt ('h'), valid during this call only.
     */
    default void onOperationalHalt(final OperationalHaltDecoder message)
    {
    }

    /**
     * @param message Add Order - No MPID Attribution ('A'), valid during this call only.
     */
    default void onAddOrder(final AddOrderDecoder message)
    {
    }

    /**
     * @param message Add Order with MPID Attribution ('F'), valid during this call only.
     */
    default void onAddOrderMpid(final AddOrderMpidDecoder message)
    {
    }

    /**
     * @param message Order Executed ('E'), valid during this call only.
     */
    default void onOrderExecuted(final OrderExecutedDecoder message)
    {
    }

    /**
     * @param message Order Executed With Price ('C'), valid during this call only.
     */
    default void onOrderExecutedWithPrice(final OrderExecutedWithPriceDecoder message)
    {
    }

    /**
     * @param message Order Cancel ('X'), valid during this call only.
     */
    default void onOrderCancel(final OrderCancelDecoder message)
    {
    }

    /**
     * @param message Order Delete ('D'), valid during this call only.
     */
    default void onOrderDelete(final OrderDeleteDecoder message)
    {
    }

    /**
     * @param message Order Replace ('U'), valid during this call only.
     */
    default void onOrderReplace(final OrderReplaceDecoder message)
    {
    }

    /**
     * @param message Trade (Non-Cross) ('P'), valid during this call only.
     */
    default void onTrade(final TradeDecoder message)
    {
    }

    /**
     * @param message Cross Trade ('Q'), valid during this call only.
     */
    default void onCrossTrade(final CrossTradeDecoder message)
    {
    }

    /**
     * @param message Broken Trade / Order Execution ('B'), valid during this call only.
     */
    default void onBrokenTrade(final BrokenTradeDecoder message)
    {
    }

    /**
     * @param message Net Order Imbalance Indicator (NOII) ('I'), valid during this call only.
     */
    default void onNoii(final NoiiDecoder message)
    {
    }

    /**
     * @param message Retail Price Improvement Indicator (RPII) ('N'), valid during this call only.
     */
    default void onRpii(final RpiiDecoder message)
    {
    }

    /**
     * @param message Direct Listing with Capital Raise Price Discovery ('O'), valid during this call only.
     */
    default void onDirectListingCapitalRaise(final DirectListingCapitalRaiseDecoder message)
    {
    }
}
