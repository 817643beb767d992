package corezero.itch;

import org.agrona.DirectBuffer;

/**
 * Decodes one ITCH 5.0 message: checks its length against the exact length of its type
 * ({@link ItchMessageType#length(byte)}), wraps the pre-allocated flyweight for that type and calls the matching
 * {@link ItchHandler} method. It never throws on bad input and never allocates: a message it cannot decode is
 * counted and reported by the return code. Exceptions thrown by the handler itself pass through.
 * <p>
 * A message longer than its type's length is rejected as {@link #BAD_LENGTH} too: ITCH 5.0 types have one length
 * each, so a mismatch means broken framing upstream, not an extension to skip over.
 * <p>
 * Not thread-safe: one decoder per thread, like the flyweights it hands out.
 */
public final class ItchDecoder
{
    /** The message was decoded and handed to the handler. */
    public static final int OK = 0;

    /** The first byte is not an ITCH 5.0 message type; the handler was not called. */
    public static final int UNKNOWN_TYPE = 1;

    /**
     * The length differs from the type's length, or the message does not lie within the buffer; the handler was not
     * called.
     */
    public static final int BAD_LENGTH = 2;

    /** The message has no bytes; the handler was not called. */
    public static final int EMPTY = 3;

    private final SystemEventDecoder systemEvent = new SystemEventDecoder();
    private final StockDirectoryDecoder stockDirectory = new StockDirectoryDecoder();
    private final StockTradingActionDecoder stockTradingAction = new StockTradingActionDecoder();
    private final RegShoRestrictionDecoder regShoRestriction = new RegShoRestrictionDecoder();
    private final MarketParticipantPositionDecoder marketParticipantPosition = new MarketParticipantPositionDecoder();
    private final MwcbDeclineLevelDecoder mwcbDeclineLevel = new MwcbDeclineLevelDecoder();
    private final MwcbStatusDecoder mwcbStatus = new MwcbStatusDecoder();
    private final IpoQuotingPeriodUpdateDecoder ipoQuotingPeriodUpdate = new IpoQuotingPeriodUpdateDecoder();
    private final LuldAuctionCollarDecoder luldAuctionCollar = new LuldAuctionCollarDecoder();
    private final OperationalHaltDecoder operationalHalt = new OperationalHaltDecoder();
    private final AddOrderDecoder addOrder = new AddOrderDecoder();
    private final AddOrderMpidDecoder addOrderMpid = new AddOrderMpidDecoder();
    private final OrderExecutedDecoder orderExecuted = new OrderExecutedDecoder();
    private final OrderExecutedWithPriceDecoder orderExecutedWithPrice = new OrderExecutedWithPriceDecoder();
    private final OrderCancelDecoder orderCancel = new OrderCancelDecoder();
    private final OrderDeleteDecoder orderDelete = new OrderDeleteDecoder();
    private final OrderReplaceDecoder orderReplace = new OrderReplaceDecoder();
    private final TradeDecoder trade = new TradeDecoder();
    private final CrossTradeDecoder crossTrade = new CrossTradeDecoder();
    private final BrokenTradeDecoder brokenTrade = new BrokenTradeDecoder();
    private final NoiiDecoder noii = new NoiiDecoder();
    private final RpiiDecoder rpii = new RpiiDecoder();
    private final DirectListingCapitalRaiseDecoder directListingCapitalRaise = new DirectListingCapitalRaiseDecoder();

    private long decoded;
    private long unknownTypes;
    private long badLengths;
    private long empties;

    /**
     * Decode one message and hand it to the handler.
     *
     * @param buffer  holding the message.
     * @param offset  of the message type byte.
     * @param length  of the message in bytes.
     * @param handler to call with the decoded message.
     * @return {@link #OK}, {@link #UNKNOWN_TYPE}, {@link #BAD_LENGTH} or {@link #EMPTY}.
     */
    public int decode(final DirectBuffer buffer, final int offset, final int length, final ItchHandler handler)
    {
        if (0 == length)
        {
            empties++;
            return EMPTY;
        }

        if (length < 0 || offset < 0 || (long)offset + length > buffer.capacity())
        {
            return badLength();
        }

        // The order messages, most of any feed, stay in a small method that the JIT inlines into its caller along
        // with the handler; the rest go to a separate method.
        switch (buffer.getByte(offset))
        {
            case ItchMessageType.ADD_ORDER:
                if (AddOrderDecoder.LENGTH != length)
                {
                    return badLength();
                }
                handler.onAddOrder(addOrder.wrap(buffer, offset));
                break;
            case ItchMessageType.ADD_ORDER_MPID:
                if (AddOrderMpidDecoder.LENGTH != length)
                {
                    return badLength();
                }
                handler.onAddOrderMpid(addOrderMpid.wrap(buffer, offset));
                break;
            case ItchMessageType.ORDER_EXECUTED:
                if (OrderExecutedDecoder.LENGTH != length)
                {
                    return badLength();
                }
                handler.onOrderExecuted(orderExecuted.wrap(buffer, offset));
                break;
            case ItchMessageType.ORDER_EXECUTED_WITH_PRICE:
                if (OrderExecutedWithPriceDecoder.LENGTH != length)
                {
                    return badLength();
                }
                handler.onOrderExecutedWithPrice(orderExecutedWithPrice.wrap(buffer, offset));
                break;
            case ItchMessageType.ORDER_CANCEL:
                if (OrderCancelDecoder.LENGTH != length)
                {
                    return badLength();
                }
                handler.onOrderCancel(orderCancel.wrap(buffer, offset));
                break;
            case ItchMessageType.ORDER_DELETE:
                if (OrderDeleteDecoder.LENGTH != length)
                {
                    return badLength();
                }
                handler.onOrderDelete(orderDelete.wrap(buffer, offset));
                break;
            case ItchMessageType.ORDER_REPLACE:
                if (OrderReplaceDecoder.LENGTH != length)
                {
                    return badLength();
                }
                handler.onOrderReplace(orderReplace.wrap(buffer, offset));
                break;
            case ItchMessageType.TRADE:
                if (TradeDecoder.LENGTH != length)
                {
                    return badLength();
                }
                handler.onTrade(trade.wrap(buffer, offset));
                break;
            default:
                return decodeOther(buffer, offset, length, handler);
        }

        decoded++;
        return OK;
    }

    private int decodeOther(final DirectBuffer buffer, final int offset, final int length, final ItchHandler handler)
    {
        switch (buffer.getByte(offset))
        {
            case ItchMessageType.SYSTEM_EVENT:
                if (SystemEventDecoder.LENGTH != length)
                {
                    return badLength();
                }
                handler.onSystemEvent(systemEvent.wrap(buffer, offset));
                break;
            case ItchMessageType.STOCK_DIRECTORY:
                if (StockDirectoryDecoder.LENGTH != length)
                {
                    return badLength();
                }
                handler.onStockDirectory(stockDirectory.wrap(buffer, offset));
                break;
            case ItchMessageType.STOCK_TRADING_ACTION:
                if (StockTradingActionDecoder.LENGTH != length)
                {
                    return badLength();
                }
                handler.onStockTradingAction(stockTradingAction.wrap(buffer, offset));
                break;
            case ItchMessageType.REG_SHO_RESTRICTION:
                if (RegShoRestrictionDecoder.LENGTH != length)
                {
                    return badLength();
                }
                handler.onRegShoRestriction(regShoRestriction.wrap(buffer, offset));
                break;
            case ItchMessageType.MARKET_PARTICIPANT_POSITION:
                if (MarketParticipantPositionDecoder.LENGTH != length)
                {
                    return badLength();
                }
                handler.onMarketParticipantPosition(marketParticipantPosition.wrap(buffer, offset));
                break;
            case ItchMessageType.MWCB_DECLINE_LEVEL:
                if (MwcbDeclineLevelDecoder.LENGTH != length)
                {
                    return badLength();
                }
                handler.onMwcbDeclineLevel(mwcbDeclineLevel.wrap(buffer, offset));
                break;
            case ItchMessageType.MWCB_STATUS:
                if (MwcbStatusDecoder.LENGTH != length)
                {
                    return badLength();
                }
                handler.onMwcbStatus(mwcbStatus.wrap(buffer, offset));
                break;
            case ItchMessageType.IPO_QUOTING_PERIOD_UPDATE:
                if (IpoQuotingPeriodUpdateDecoder.LENGTH != length)
                {
                    return badLength();
                }
                handler.onIpoQuotingPeriodUpdate(ipoQuotingPeriodUpdate.wrap(buffer, offset));
                break;
            case ItchMessageType.LULD_AUCTION_COLLAR:
                if (LuldAuctionCollarDecoder.LENGTH != length)
                {
                    return badLength();
                }
                handler.onLuldAuctionCollar(luldAuctionCollar.wrap(buffer, offset));
                break;
            case ItchMessageType.OPERATIONAL_HALT:
                if (OperationalHaltDecoder.LENGTH != length)
                {
                    return badLength();
                }
                handler.onOperationalHalt(operationalHalt.wrap(buffer, offset));
                break;
            case ItchMessageType.CROSS_TRADE:
                if (CrossTradeDecoder.LENGTH != length)
                {
                    return badLength();
                }
                handler.onCrossTrade(crossTrade.wrap(buffer, offset));
                break;
            case ItchMessageType.BROKEN_TRADE:
                if (BrokenTradeDecoder.LENGTH != length)
                {
                    return badLength();
                }
                handler.onBrokenTrade(brokenTrade.wrap(buffer, offset));
                break;
            case ItchMessageType.NOII:
                if (NoiiDecoder.LENGTH != length)
                {
                    return badLength();
                }
                handler.onNoii(noii.wrap(buffer, offset));
                break;
            case ItchMessageType.RPII:
                if (RpiiDecoder.LENGTH != length)
                {
                    return badLength();
                }
                handler.onRpii(rpii.wrap(buffer, offset));
                break;
            case ItchMessageType.DIRECT_LISTING_CAPITAL_RAISE:
                if (DirectListingCapitalRaiseDecoder.LENGTH != length)
                {
                    return badLength();
                }
                handler.onDirectListingCapitalRaise(directListingCapitalRaise.wrap(buffer, offset));
                break;
            default:
                unknownTypes++;
                return UNKNOWN_TYPE;
        }

        decoded++;
        return OK;
    }

    /**
     * @return messages decoded and handed to a handler.
     */
    public long decoded()
    {
        return decoded;
    }

    /**
     * @return messages rejected as {@link #UNKNOWN_TYPE}.
     */
    public long unknownTypes()
    {
        return unknownTypes;
    }

    /**
     * @return messages rejected as {@link #BAD_LENGTH}.
     */
    public long badLengths()
    {
        return badLengths;
    }

    /**
     * @return messages rejected as {@link #EMPTY}.
     */
    public long empties()
    {
        return empties;
    }

    private int badLength()
    {
        badLengths++;
        return BAD_LENGTH;
    }
}
