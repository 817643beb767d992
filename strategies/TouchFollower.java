package strategies;

import corezero.book.BookView;
import corezero.order.OrderState;
import corezero.risk.TradingState;
import corezero.strategy.Strategy;
import corezero.strategy.StrategyContext;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.util.Map;

/**
 * Follows the touch of one instrument (AAPL) from behind: one buy `behind-ticks` cents under the best bid and one
 * sell as far over the best ask, `size` shares each. When the touch moves, a quote is cancelled and entered again
 * at the new price on a later book update, once the cancel is done. A side stops quoting once a fill there would
 * take the position past `max-inventory`. Nothing on a stale or one-sided book (quotes pulled), nothing new while
 * the risk gate is not ACTIVE.
 * <p>
 * File convention for a Java strategy: one public top-level class named as the file, implementing
 * {@link Strategy}, with a public no-arg constructor and a {@code public static Map<String, long[]> params()}:
 * key to {default, min, max}. Loaded with {@code (load-strategy! :tf "strategies/TouchFollower.java")}.
 * Prices are Price(4) longs; one tick is one cent. Allocation-free on every event.
 */
public final class TouchFollower implements Strategy
{
    /** One cent in Price(4). */
    private static final long TICK = 100;

    /** Identifies the saveState layout ("TFOL" v1). */
    private static final long STATE_LAYOUT = 0x54464F4C01L;

    /**
     * Bytes of state: the open quotes, so that a successor handed the orders keeps managing them.
     * <pre>
     *   0        8        16        24         32          40
     *   +--------+--------+---------+----------+-----------+
     *   | layout | buyRef | sellRef | buyPrice | sellPrice |
     *   +--------+--------+---------+----------+-----------+
     * </pre>
     */
    private static final int STATE_LENGTH = 40;

    private StrategyContext context;
    private int locate;
    private long paramsVersion = Long.MIN_VALUE;
    private long size;
    private long behindTicks;
    private long maxInventory;
    private long buyRef;
    private long sellRef;
    private long buyPrice;
    private long sellPrice;

    /** A follower with no quotes; a predecessor's come through {@link #loadState}. */
    public TouchFollower()
    {
    }

    /**
     * Slot parameters, read once per load.
     *
     * @return key to {default, min, max}.
     */
    public static Map<String, long[]> params()
    {
        return Map.of(
            "size", new long[]{100, 1, 10_000},
            "behind-ticks", new long[]{1, 0, 100},
            "max-inventory", new long[]{300, 0, 1_000_000});
    }

    /** {@inheritDoc} */
    public void onStart(final StrategyContext context)
    {
        this.context = context;
        locate = Math.max(context.locateOf("AAPL"), 0);
    }

    /** {@inheritDoc} */
    public void onStop()
    {
        context = null;
    }

    /** {@inheritDoc} */
    public int saveState(final MutableDirectBuffer buffer, final int offset)
    {
        buffer.putLong(offset, STATE_LAYOUT);
        buffer.putLong(offset + 8, buyRef);
        buffer.putLong(offset + 16, sellRef);
        buffer.putLong(offset + 24, buyPrice);
        buffer.putLong(offset + 32, sellPrice);
        return STATE_LENGTH;
    }

    /** {@inheritDoc} */
    public void loadState(final DirectBuffer buffer, final int offset, final int length)
    {
        if (STATE_LENGTH == length && STATE_LAYOUT == buffer.getLong(offset))
        {
            buyRef = buffer.getLong(offset + 8);
            sellRef = buffer.getLong(offset + 16);
            buyPrice = buffer.getLong(offset + 24);
            sellPrice = buffer.getLong(offset + 32);
        }
    }

    /** {@inheritDoc} */
    public void onBookUpdate(final int stockLocate, final BookView book)
    {
        if (0 == locate)
        {
            locate = Math.max(context.locateOf("AAPL"), 0);
        }
        if (0 == locate || stockLocate != locate)
        {
            return;
        }
        final long version = context.paramsVersion();
        if (version != paramsVersion || StrategyContext.UNKNOWN_VERSION == version)
        {
            paramsVersion = version;
            size = context.param("size", 100);
            behindTicks = context.param("behind-ticks", 1);
            maxInventory = context.param("max-inventory", 300);
        }

        final long bid = book.bestBidPrice();
        final long ask = book.bestAskPrice();
        final boolean quotable = !book.isStale() && BookView.NO_PRICE != bid && BookView.NO_PRICE != ask;
        final boolean active = TradingState.ACTIVE == context.tradingState();
        final long position = context.position(locate);

        buyRef = follow(buyRef, (byte)'B', bid - behindTicks * TICK,
            quotable && active && position + size <= maxInventory);
        sellRef = follow(sellRef, (byte)'S', ask + behindTicks * TICK,
            quotable && active && position - size >= -maxInventory);
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
    }

    /**
     * One side's quote: kept while it rests at the target, cancelled when it should not (the slot forgets it once
     * it is finished), entered when there is none.
     *
     * @return the side's order after this update, 0 for none.
     */
    private long follow(final long ref, final byte side, final long price, final boolean wanted)
    {
        final boolean buy = 'B' == side;
        if (0 != ref)
        {
            final OrderState state = context.orderState(ref);
            if (OrderState.NONE == state)
            {
                return 0;
            }
            if ((!wanted || price != (buy ? buyPrice : sellPrice)) &&
                (OrderState.ACCEPTED == state || OrderState.PARTIALLY_FILLED == state))
            {
                context.cancel(ref);
            }
            return ref;
        }
        if (!wanted || price <= 0)
        {
            return 0;
        }
        final long sent = context.enter(locate, side, size, price, StrategyContext.DAY);
        if (sent <= 0)
        {
            return 0;
        }
        if (buy)
        {
            buyPrice = price;
        }
        else
        {
            sellPrice = price;
        }
        return sent;
    }
}
