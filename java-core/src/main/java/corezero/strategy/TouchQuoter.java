package corezero.strategy;

import corezero.book.BookView;
import corezero.order.OrderState;
import corezero.risk.TradingState;

/**
 * The sample strategy: quotes one instrument on both sides at the touch (or a few ticks behind it), keeps at most
 * one order a side, moves a quote when the touch moves away from it, and stops adding to a side once a fill
 * there would take the position past its inventory limit. With {@code probe-every} set it also sends, every
 * that many book updates, a one-share immediate-or-cancel buy at the best bid tagged with the triggering
 * message's feed sequence: a deterministic trigger for the tick-to-trade harness.
 * <p>
 * Parameters (slot parameters, changed live with {@code (set-param! slot "key" value)}):
 * <pre>
 *  size           shares per quote                          default 100
 *  max-inventory  largest position a fill may leave, shares default 300
 *  edge-ticks     cents behind the touch                    default 0
 *  quoting        1 quote, 0 stop quoting (and cancel)      default 1
 *  probe-every    book updates between probes, 0 = none    default 0
 * </pre>
 * It quotes only on a live book with both sides present; nothing while the risk gate is HALTED, and only the side
 * that reduces its position (by at most the position) while REDUCING. It reads its parameters again only when the
 * slot's parameter table changed. Allocation-free.
 */
public final class TouchQuoter implements Strategy
{
    /** One cent in ITCH / OUCH Price(4). */
    public static final long TICK = 100;

    private final String symbol;
    private StrategyContext context;
    private int locate;
    private long buyRef;
    private long sellRef;
    private long buyPrice;
    private long sellPrice;
    private boolean buyCanceling;
    private boolean sellCanceling;
    private long paramsVersion = -1;
    private long size;
    private long maxInventory;
    private long edgeTicks;
    private boolean quoting;
    private long probeEvery;
    private long updates;
    private long probesSent;
    private long quotesSent;
    private long fills;

    /**
     * @param symbol the instrument to quote, e.g. "AAPL".
     */
    public TouchQuoter(final String symbol)
    {
        this.symbol = symbol;
    }

    /** {@inheritDoc} */
    public void onStart(final StrategyContext context)
    {
        this.context = context;
        final int found = context.locateOf(symbol);
        locate = Math.max(found, 0);
    }

    /** {@inheritDoc} */
    public void onStop()
    {
        context = null;
    }

    /** {@inheritDoc} */
    public void onBookUpdate(final int stockLocate, final BookView book)
    {
        if (0 == locate)
        {
            final int found = context.locateOf(symbol);
            if (found <= 0)
            {
                return;
            }
            locate = found;
        }
        if (stockLocate != locate)
        {
            return;
        }
        updates++;
        final long bid = book.bestBidPrice();
        final long ask = book.bestAskPrice();
        if (book.isStale() || BookView.NO_PRICE == bid || BookView.NO_PRICE == ask)
        {
            cancelQuotes();
            return;
        }

        final long version = context.paramsVersion();
        if (version != paramsVersion || StrategyContext.UNKNOWN_VERSION == version)
        {
            readParams();
        }
        if (probeEvery > 0 && updates % probeEvery == 0)
        {
            if (context.enter(locate, (byte)'B', 1, bid, StrategyContext.IOC, context.currentSequence()) > 0)
            {
                probesSent++;
            }
        }

        if (!quoting)
        {
            cancelQuotes();
            return;
        }
        final int tradingState = context.tradingState();
        if (TradingState.HALTED == tradingState)
        {
            // The kill switch cancelled the quotes; anything new would be refused.
            return;
        }
        final long position = context.position(locate);
        final boolean reducing = TradingState.REDUCING == tradingState;
        final boolean buyAllowed = reducing ? position + size <= 0 : position + size <= maxInventory;
        final boolean sellAllowed = reducing ? position - size >= 0 : position - size >= -maxInventory;

        buyRef = quote(buyRef, (byte)'B', bid - edgeTicks * TICK, size, buyAllowed);
        sellRef = quote(sellRef, (byte)'S', ask + edgeTicks * TICK, size, sellAllowed);
    }

    /** {@inheritDoc} */
    public void onOrderUpdate(final long userRefNum, final OrderState from, final OrderState to)
    {
        if (to.isTerminal())
        {
            if (userRefNum == buyRef)
            {
                buyRef = 0;
            }
            else if (userRefNum == sellRef)
            {
                sellRef = 0;
            }
        }
        else if (OrderState.CANCEL_PENDING == from && (OrderState.ACCEPTED == to || OrderState.PARTIALLY_FILLED == to))
        {
            // The venue refused the cancel (Cancel Reject): the quote is live again and may be moved anew.
            if (userRefNum == buyRef)
            {
                buyCanceling = false;
            }
            else if (userRefNum == sellRef)
            {
                sellCanceling = false;
            }
        }
    }

    /** {@inheritDoc} */
    public void onFill(
        final long userRefNum, final int stockLocate, final byte side, final long shares, final long price)
    {
        fills++;
    }

    /** @return the instrument's locate, 0 until its Stock Directory message was seen. */
    public int locate()
    {
        return locate;
    }

    /** @return probes sent. */
    public long probesSent()
    {
        return probesSent;
    }

    /** @return quotes sent. */
    public long quotesSent()
    {
        return quotesSent;
    }

    /** @return fills received. */
    public long fills()
    {
        return fills;
    }

    private void readParams()
    {
        paramsVersion = context.paramsVersion();
        size = context.param("size", 100);
        maxInventory = context.param("max-inventory", 300);
        edgeTicks = context.param("edge-ticks", 0);
        quoting = 0 != context.param("quoting", 1);
        probeEvery = context.param("probe-every", 0);
    }

    private long quote(final long ref, final byte side, final long price, final long size, final boolean allowed)
    {
        final boolean buy = 'B' == side;
        if (0 != ref)
        {
            final boolean canceling = buy ? buyCanceling : sellCanceling;
            if (!canceling && (!allowed || price != (buy ? buyPrice : sellPrice)))
            {
                cancel(ref, buy);
            }
            return ref;
        }
        if (!allowed || price <= 0 || size <= 0)
        {
            return 0;
        }
        final long sent = context.enter(locate, side, size, price, StrategyContext.DAY);
        if (sent <= 0)
        {
            return 0;
        }
        quotesSent++;
        if (buy)
        {
            buyPrice = price;
            buyCanceling = false;
        }
        else
        {
            sellPrice = price;
            sellCanceling = false;
        }
        return sent;
    }

    private void cancel(final long ref, final boolean buy)
    {
        final OrderState state = context.orderState(ref);
        if ((OrderState.ACCEPTED == state || OrderState.PARTIALLY_FILLED == state) &&
            EntryResult.OK == context.cancel(ref))
        {
            if (buy)
            {
                buyCanceling = true;
            }
            else
            {
                sellCanceling = true;
            }
        }
    }

    private void cancelQuotes()
    {
        if (0 != buyRef && !buyCanceling)
        {
            cancel(buyRef, true);
        }
        if (0 != sellRef && !sellCanceling)
        {
            cancel(sellRef, false);
        }
    }
}
