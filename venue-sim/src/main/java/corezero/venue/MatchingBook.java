package corezero.venue;

/**
 * One instrument's limit order book in price-time priority.
 */
final class MatchingBook
{
    /** Best price of an empty side. */
    static final long NO_PRICE = -1;

    /**
     * Visits resting orders in priority order.
     */
    @FunctionalInterface
    interface OrderVisitor
    {
        void onOrder(long orderId, byte side, long qty, long price);
    }

    final int locate;
    final MatchingSide bids = new MatchingSide(true);
    final MatchingSide asks = new MatchingSide(false);

    MatchingBook(final int locate)
    {
        this.locate = locate;
    }

    MatchingSide side(final byte side)
    {
        return MatchingEngine.BUY == side ? bids : asks;
    }

    MatchingSide opposite(final byte side)
    {
        return MatchingEngine.BUY == side ? asks : bids;
    }

    long bestBid()
    {
        final MatchingLevel best = bids.best();
        return null == best ? NO_PRICE : best.price;
    }

    long bestAsk()
    {
        final MatchingLevel best = asks.best();
        return null == best ? NO_PRICE : best.price;
    }

    /**
     * @return true if the best bid is at or above the best ask; the engine never leaves a book so.
     */
    boolean isCrossed()
    {
        final long bestBid = bestBid();
        final long bestAsk = bestAsk();
        return NO_PRICE != bestBid && NO_PRICE != bestAsk && bestBid >= bestAsk;
    }

    /**
     * @param visitor given the bids best first in time priority, then the asks the same way.
     */
    void forEachOrder(final OrderVisitor visitor)
    {
        visit(bids, MatchingEngine.BUY, visitor);
        visit(asks, MatchingEngine.SELL, visitor);
    }

    private static void visit(final MatchingSide side, final byte sideCode, final OrderVisitor visitor)
    {
        for (int rank = 0; rank < side.levelCount(); rank++)
        {
            for (MatchingOrder order = side.level(rank).head; null != order; order = order.next)
            {
                visitor.onOrder(order.orderId, sideCode, order.qty, order.price);
            }
        }
    }
}
