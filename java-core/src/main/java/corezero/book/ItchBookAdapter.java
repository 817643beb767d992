package corezero.book;

import corezero.itch.AddOrderDecoder;
import corezero.itch.AddOrderMpidDecoder;
import corezero.itch.BrokenTradeDecoder;
import corezero.itch.CrossTradeDecoder;
import corezero.itch.ItchHandler;
import corezero.itch.OrderCancelDecoder;
import corezero.itch.OrderDeleteDecoder;
import corezero.itch.OrderExecutedDecoder;
import corezero.itch.OrderExecutedWithPriceDecoder;
import corezero.itch.OrderReplaceDecoder;
import corezero.itch.StockDirectoryDecoder;
import corezero.itch.StockTradingActionDecoder;
import corezero.itch.SystemEventDecoder;
import corezero.itch.TradeDecoder;

/**
 * Applies decoded ITCH 5.0 messages to the {@link OrderBooks}: the one place where the wire meets the books.
 * Fields go from the flyweight straight into primitives; rejects are counted by the books, never thrown.
 */
public final class ItchBookAdapter implements ItchHandler
{
    private final OrderBooks books;

    /**
     * @param books the books to update.
     */
    public ItchBookAdapter(final OrderBooks books)
    {
        this.books = books;
    }

    /** {@inheritDoc} */
    public void onSystemEvent(final SystemEventDecoder message)
    {
        books.onSystemEvent(message.eventCode(), message.timestampNs());
    }

    /** {@inheritDoc} */
    public void onStockDirectory(final StockDirectoryDecoder message)
    {
        books.onStockDirectory(
            message.stockLocate(),
            message.buffer(),
            message.offset() + message.stockOffset(),
            message.timestampNs());
    }

    /** {@inheritDoc} */
    public void onStockTradingAction(final StockTradingActionDecoder message)
    {
        books.onTradingAction(message.stockLocate(), message.tradingState(), message.timestampNs());
    }

    /** {@inheritDoc} */
    public void onAddOrder(final AddOrderDecoder message)
    {
        books.addOrder(
            message.stockLocate(),
            message.orderReferenceNumber(),
            message.buySellIndicator(),
            message.shares(),
            message.price(),
            message.timestampNs());
    }

    /** {@inheritDoc} */
    public void onAddOrderMpid(final AddOrderMpidDecoder message)
    {
        books.addOrder(
            message.stockLocate(),
            message.orderReferenceNumber(),
            message.buySellIndicator(),
            message.shares(),
            message.price(),
            message.timestampNs());
    }

    /** {@inheritDoc} */
    public void onOrderExecuted(final OrderExecutedDecoder message)
    {
        books.executeOrder(
            message.stockLocate(), message.orderReferenceNumber(), message.executedShares(), message.timestampNs());
    }

    /** {@inheritDoc} */
    public void onOrderExecutedWithPrice(final OrderExecutedWithPriceDecoder message)
    {
        books.executeOrderWithPrice(
            message.stockLocate(),
            message.orderReferenceNumber(),
            message.executedShares(),
            message.executionPrice(),
            message.printable() == 'Y',
            message.timestampNs());
    }

    /** {@inheritDoc} */
    public void onOrderCancel(final OrderCancelDecoder message)
    {
        books.cancelOrder(
            message.stockLocate(), message.orderReferenceNumber(), message.cancelledShares(), message.timestampNs());
    }

    /** {@inheritDoc} */
    public void onOrderDelete(final OrderDeleteDecoder message)
    {
        books.deleteOrder(message.stockLocate(), message.orderReferenceNumber(), message.timestampNs());
    }

    /** {@inheritDoc} */
    public void onOrderReplace(final OrderReplaceDecoder message)
    {
        books.replaceOrder(
            message.stockLocate(),
            message.originalOrderReferenceNumber(),
            message.newOrderReferenceNumber(),
            message.shares(),
            message.price(),
            message.timestampNs());
    }

    /** {@inheritDoc} */
    public void onTrade(final TradeDecoder message)
    {
        books.onTrade(message.stockLocate(), message.shares(), message.price(), message.timestampNs());
    }

    /** {@inheritDoc} */
    public void onCrossTrade(final CrossTradeDecoder message)
    {
        books.onCrossTrade(
            message.stockLocate(), message.shares(), message.crossPrice(), message.crossType(), message.timestampNs());
    }

    /** {@inheritDoc} */
    public void onBrokenTrade(final BrokenTradeDecoder message)
    {
        books.onBrokenTrade(message.stockLocate(), message.matchNumber(), message.timestampNs());
    }
}
