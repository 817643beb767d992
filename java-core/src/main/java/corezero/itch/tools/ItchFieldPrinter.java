package corezero.itch.tools;

import corezero.itch.AddOrderDecoder;
import corezero.itch.AddOrderMpidDecoder;
import corezero.itch.BrokenTradeDecoder;
import corezero.itch.CrossTradeDecoder;
import corezero.itch.DirectListingCapitalRaiseDecoder;
import corezero.itch.IpoQuotingPeriodUpdateDecoder;
import corezero.itch.ItchFlyweight;
import corezero.itch.ItchHandler;
import corezero.itch.ItchMessageType;
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

/**
 * Writes every field of each message it is handed, in the specification's order and under its camelCase name,
 * through a {@link FieldWriter}, after asking the {@link MessageFilter}. Control path: formatting allocates.
 */
final class ItchFieldPrinter implements ItchHandler
{
    private final FieldWriter writer;
    private final MessageFilter filter;
    private boolean printed;

    ItchFieldPrinter(final FieldWriter writer, final MessageFilter filter)
    {
        this.writer = writer;
        this.filter = filter;
    }

    /**
     * @return true when the last message handed in passed the filter and was written.
     */
    boolean printed()
    {
        return printed;
    }

    /**
     * Forget the last message, before handing in the next.
     */
    void reset()
    {
        printed = false;
    }

    /**
     * {@inheritDoc}
     */
    public void onSystemEvent(final SystemEventDecoder message)
    {
        if (begin(message))
        {
            writer.character("eventCode", message.eventCode());
            end();
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onStockDirectory(final StockDirectoryDecoder message)
    {
        if (begin(message))
        {
            writer.alpha("stock", message, message.stockOffset(), 8);
            writer.character("marketCategory", message.marketCategory());
            writer.character("financialStatusIndicator", message.financialStatusIndicator());
            writer.number("roundLotSize", message.roundLotSize());
            writer.character("roundLotsOnly", message.roundLotsOnly());
            writer.character("issueClassification", message.issueClassification());
            writer.alpha("issueSubType", message, StockDirectoryDecoder.ISSUE_SUB_TYPE_OFFSET, 2);
            writer.character("authenticity", message.authenticity());
            writer.character("shortSaleThresholdIndicator", message.shortSaleThresholdIndicator());
            writer.character("ipoFlag", message.ipoFlag());
            writer.character("luldReferencePriceTier", message.luldReferencePriceTier());
            writer.character("etpFlag", message.etpFlag());
            writer.number("etpLeverageFactor", message.etpLeverageFactor());
            writer.character("inverseIndicator", message.inverseIndicator());
            end();
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onStockTradingAction(final StockTradingActionDecoder message)
    {
        if (begin(message))
        {
            writer.alpha("stock", message, message.stockOffset(), 8);
            writer.character("tradingState", message.tradingState());
            writer.character("reserved", message.reserved());
            writer.alpha("reason", message, StockTradingActionDecoder.REASON_OFFSET, 4);
            end();
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onRegShoRestriction(final RegShoRestrictionDecoder message)
    {
        if (begin(message))
        {
            writer.alpha("stock", message, message.stockOffset(), 8);
            writer.character("regShoAction", message.regShoAction());
            end();
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onMarketParticipantPosition(final MarketParticipantPositionDecoder message)
    {
        if (begin(message))
        {
            writer.alpha("mpid", message, MarketParticipantPositionDecoder.MPID_OFFSET, 4);
            writer.alpha("stock", message, message.stockOffset(), 8);
            writer.character("primaryMarketMaker", message.primaryMarketMaker());
            writer.character("marketMakerMode", message.marketMakerMode());
            writer.character("marketParticipantState", message.marketParticipantState());
            end();
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onMwcbDeclineLevel(final MwcbDeclineLevelDecoder message)
    {
        if (begin(message))
        {
            writer.price("level1", message.level1(), 8);
            writer.price("level2", message.level2(), 8);
            writer.price("level3", message.level3(), 8);
            end();
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onMwcbStatus(final MwcbStatusDecoder message)
    {
        if (begin(message))
        {
            writer.character("breachedLevel", message.breachedLevel());
            end();
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onIpoQuotingPeriodUpdate(final IpoQuotingPeriodUpdateDecoder message)
    {
        if (begin(message))
        {
            writer.alpha("stock", message, message.stockOffset(), 8);
            writer.number("ipoQuotationReleaseTime", message.ipoQuotationReleaseTime());
            writer.character("ipoQuotationReleaseQualifier", message.ipoQuotationReleaseQualifier());
            writer.price("ipoPrice", message.ipoPrice(), 4);
            end();
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onLuldAuctionCollar(final LuldAuctionCollarDecoder message)
    {
        if (begin(message))
        {
            writer.alpha("stock", message, message.stockOffset(), 8);
            writer.price("auctionCollarReferencePrice", message.auctionCollarReferencePrice(), 4);
            writer.price("upperAuctionCollarPrice", message.upperAuctionCollarPrice(), 4);
            writer.price("lowerAuctionCollarPrice", message.lowerAuctionCollarPrice(), 4);
            writer.number("auctionCollarExtension", message.auctionCollarExtension());
            end();
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onOperationalHalt(final OperationalHaltDecoder message)
    {
        if (begin(message))
        {
            writer.alpha("stock", message, message.stockOffset(), 8);
            writer.character("marketCode", message.marketCode());
            writer.character("operationalHaltAction", message.operationalHaltAction());
            end();
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onAddOrder(final AddOrderDecoder message)
    {
        if (begin(message))
        {
            writer.number("orderReferenceNumber", message.orderReferenceNumber());
            writer.character("buySellIndicator", message.buySellIndicator());
            writer.number("shares", message.shares());
            writer.alpha("stock", message, message.stockOffset(), 8);
            writer.price("price", message.price(), 4);
            end();
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onAddOrderMpid(final AddOrderMpidDecoder message)
    {
        if (begin(message))
        {
            writer.number("orderReferenceNumber", message.orderReferenceNumber());
            writer.character("buySellIndicator", message.buySellIndicator());
            writer.number("shares", message.shares());
            writer.alpha("stock", message, message.stockOffset(), 8);
            writer.price("price", message.price(), 4);
            writer.alpha("attribution", message, AddOrderMpidDecoder.ATTRIBUTION_OFFSET, 4);
            end();
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onOrderExecuted(final OrderExecutedDecoder message)
    {
        if (begin(message))
        {
            writer.number("orderReferenceNumber", message.orderReferenceNumber());
            writer.number("executedShares", message.executedShares());
            writer.number("matchNumber", message.matchNumber());
            end();
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onOrderExecutedWithPrice(final OrderExecutedWithPriceDecoder message)
    {
        if (begin(message))
        {
            writer.number("orderReferenceNumber", message.orderReferenceNumber());
            writer.number("executedShares", message.executedShares());
            writer.number("matchNumber", message.matchNumber());
            writer.character("printable", message.printable());
            writer.price("executionPrice", message.executionPrice(), 4);
            end();
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onOrderCancel(final OrderCancelDecoder message)
    {
        if (begin(message))
        {
            writer.number("orderReferenceNumber", message.orderReferenceNumber());
            writer.number("cancelledShares", message.cancelledShares());
            end();
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onOrderDelete(final OrderDeleteDecoder message)
    {
        if (begin(message))
        {
            writer.number("orderReferenceNumber", message.orderReferenceNumber());
            end();
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onOrderReplace(final OrderReplaceDecoder message)
    {
        if (begin(message))
        {
            writer.number("originalOrderReferenceNumber", message.originalOrderReferenceNumber());
            writer.number("newOrderReferenceNumber", message.newOrderReferenceNumber());
            writer.number("shares", message.shares());
            writer.price("price", message.price(), 4);
            end();
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onTrade(final TradeDecoder message)
    {
        if (begin(message))
        {
            writer.number("orderReferenceNumber", message.orderReferenceNumber());
            writer.character("buySellIndicator", message.buySellIndicator());
            writer.number("shares", message.shares());
            writer.alpha("stock", message, message.stockOffset(), 8);
            writer.price("price", message.price(), 4);
            writer.number("matchNumber", message.matchNumber());
            end();
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onCrossTrade(final CrossTradeDecoder message)
    {
        if (begin(message))
        {
            writer.number("shares", message.shares());
            writer.alpha("stock", message, message.stockOffset(), 8);
            writer.price("crossPrice", message.crossPrice(), 4);
            writer.number("matchNumber", message.matchNumber());
            writer.character("crossType", message.crossType());
            end();
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onBrokenTrade(final BrokenTradeDecoder message)
    {
        if (begin(message))
        {
            writer.number("matchNumber", message.matchNumber());
            end();
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onNoii(final NoiiDecoder message)
    {
        if (begin(message))
        {
            writer.number("pairedShares", message.pairedShares());
            writer.number("imbalanceShares", message.imbalanceShares());
            writer.character("imbalanceDirection", message.imbalanceDirection());
            writer.alpha("stock", message, message.stockOffset(), 8);
            writer.price("farPrice", message.farPrice(), 4);
            writer.price("nearPrice", message.nearPrice(), 4);
            writer.price("currentReferencePrice", message.currentReferencePrice(), 4);
            writer.character("crossType", message.crossType());
            writer.character("priceVariationIndicator", message.priceVariationIndicator());
            end();
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onRpii(final RpiiDecoder message)
    {
        if (begin(message))
        {
            writer.alpha("stock", message, message.stockOffset(), 8);
            writer.character("interestFlag", message.interestFlag());
            end();
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onDirectListingCapitalRaise(final DirectListingCapitalRaiseDecoder message)
    {
        if (begin(message))
        {
            writer.alpha("stock", message, message.stockOffset(), 8);
            writer.character("openEligibilityStatus", message.openEligibilityStatus());
            writer.price("minimumAllowablePrice", message.minimumAllowablePrice(), 4);
            writer.price("maximumAllowablePrice", message.maximumAllowablePrice(), 4);
            writer.price("nearExecutionPrice", message.nearExecutionPrice(), 4);
            writer.number("nearExecutionTime", message.nearExecutionTime());
            writer.price("lowerPriceRangeCollar", message.lowerPriceRangeCollar(), 4);
            writer.price("upperPriceRangeCollar", message.upperPriceRangeCollar(), 4);
            end();
        }
    }

    private boolean begin(final ItchFlyweight message)
    {
        if (!filter.accept(message))
        {
            return false;
        }

        final byte type = message.messageType();
        writer.begin(type, ItchMessageType.name(type));
        writer.number("stockLocate", message.stockLocate());
        writer.number("trackingNumber", message.trackingNumber());
        writer.timestamp("timestamp", message.timestampNs());

        return true;
    }

    private void end()
    {
        writer.end();
        printed = true;
    }
}
