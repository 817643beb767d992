package corezero.risk;

import org.agrona.DirectBuffer;

/**
 * The numbers {@link RiskGate} checks against. Plain fields owned by the hot thread: they change only when the
 * agent applies a limit-change command between events, through {@link #set}, which checks the key and the range
 * and changes nothing on a bad one. Another thread reads a copy, never this object.
 * <p>
 * A new instance lets nothing through (every size limit is 0) until the engine's configuration sets it: a
 * forgotten limit fails closed. Units:
 * <ul>
 *     <li>quantities and positions are shares;</li>
 *     <li>notional is price × quantity in the price's own fixed point, 1/10,000 of a dollar: $1,000,000 is
 *     10,000,000,000. It is exact (no division) and a long holds up to about $922 billion;</li>
 *     <li>the collar is in basis points of the reference price, 0..10,000 (0 means no worse than the touch);</li>
 *     <li>the throttle is a token bucket: at most {@code throttle-capacity} orders at once, refilled by
 *     {@code throttle-refill-per-second} tokens a second, each at most {@link #MAX_THROTTLE} so that the bucket
 *     counts in token-nanoseconds without overflow.</li>
 * </ul>
 */
public final class RiskLimits
{
    /** Key of {@link #maxOrderQty()}. */
    public static final String MAX_ORDER_QTY = "max-order-qty";

    /** Key of {@link #maxOrderNotional()}. */
    public static final String MAX_ORDER_NOTIONAL = "max-order-notional";

    /** Key of {@link #maxPosition()}. */
    public static final String MAX_POSITION = "max-position";

    /** Key of {@link #collarBps()}. */
    public static final String COLLAR_BPS = "collar-bps";

    /** Key of {@link #allowNoReference()}: 1 to skip the collar when the book has no reference price, 0 not to. */
    public static final String ALLOW_NO_REFERENCE = "allow-no-reference";

    /** Key of {@link #throttleCapacity()}. */
    public static final String THROTTLE_CAPACITY = "throttle-capacity";

    /** Key of {@link #throttleRefillPerSecond()}. */
    public static final String THROTTLE_REFILL_PER_SECOND = "throttle-refill-per-second";

    /** Key of {@link #maxOpenOrders()}. */
    public static final String MAX_OPEN_ORDERS = "max-open-orders";

    /**
     * Not a limit: the key under which a limit command sets the gate's {@link TradingState} (0 ACTIVE,
     * 1 REDUCING, 2 HALTED).
     */
    public static final String TRADING_STATE = "trading-state";

    /** Every limit key, in the order the REPL shows them. */
    public static final String[] KEYS = {
        MAX_ORDER_QTY, MAX_ORDER_NOTIONAL, MAX_POSITION, COLLAR_BPS, ALLOW_NO_REFERENCE, THROTTLE_CAPACITY,
        THROTTLE_REFILL_PER_SECOND, MAX_OPEN_ORDERS };

    /** Widest collar: 100% (a sell collar at 0). */
    public static final long MAX_COLLAR_BPS = 10_000;

    /** Largest throttle capacity and refill rate: a billion orders (a second). */
    public static final long MAX_THROTTLE = 1_000_000_000L;

    private long maxOrderQty;
    private long maxOrderNotional;
    private long maxPosition;
    private long collarBps;
    private boolean allowNoReference;
    private long throttleCapacity;
    private long throttleRefillPerSecond;
    private int maxOpenOrders;

    /**
     * Set one limit by key (control path: applying a command, configuration, tests). Negative values, and values
     * past a limit's range, are refused.
     *
     * @param key   one of the key constants of this class; null is an unknown key.
     * @param value new value.
     * @return {@link RiskResult#OK}, {@link RiskResult#UNKNOWN_KEY} or {@link RiskResult#BAD_VALUE}; nothing
     * changes unless OK.
     */
    public int set(final String key, final long value)
    {
        if (null == key)
        {
            return RiskResult.UNKNOWN_KEY;
        }
        switch (key)
        {
            case MAX_ORDER_QTY:
                if (value < 0)
                {
                    return RiskResult.BAD_VALUE;
                }
                maxOrderQty = value;
                return RiskResult.OK;
            case MAX_ORDER_NOTIONAL:
                if (value < 0)
                {
                    return RiskResult.BAD_VALUE;
                }
                maxOrderNotional = value;
                return RiskResult.OK;
            case MAX_POSITION:
                if (value < 0)
                {
                    return RiskResult.BAD_VALUE;
                }
                maxPosition = value;
                return RiskResult.OK;
            case COLLAR_BPS:
                if (value < 0 || value > MAX_COLLAR_BPS)
                {
                    return RiskResult.BAD_VALUE;
                }
                collarBps = value;
                return RiskResult.OK;
            case ALLOW_NO_REFERENCE:
                if (value != 0 && value != 1)
                {
                    return RiskResult.BAD_VALUE;
                }
                allowNoReference = value == 1;
                return RiskResult.OK;
            case THROTTLE_CAPACITY:
                if (value < 0 || value > MAX_THROTTLE)
                {
                    return RiskResult.BAD_VALUE;
                }
                throttleCapacity = value;
                return RiskResult.OK;
            case THROTTLE_REFILL_PER_SECOND:
                if (value < 0 || value > MAX_THROTTLE)
                {
                    return RiskResult.BAD_VALUE;
                }
                throttleRefillPerSecond = value;
                return RiskResult.OK;
            case MAX_OPEN_ORDERS:
                if (value < 0 || value > Integer.MAX_VALUE)
                {
                    return RiskResult.BAD_VALUE;
                }
                maxOpenOrders = (int)value;
                return RiskResult.OK;
            default:
                return RiskResult.UNKNOWN_KEY;
        }
    }

    /**
     * Set one limit by a key given as ASCII bytes (the hot thread applying a limit command): the bytes are
     * matched against the key constants without allocating.
     *
     * @param buffer holding the key.
     * @param offset of the first key byte.
     * @param length of the key.
     * @param value  new value.
     * @return as {@link #set(String, long)}.
     */
    public int set(final DirectBuffer buffer, final int offset, final int length, final long value)
    {
        for (final String key : KEYS)
        {
            if (keyEquals(key, buffer, offset, length))
            {
                return set(key, value);
            }
        }
        return RiskResult.UNKNOWN_KEY;
    }

    /**
     * Limit value by key (control path).
     *
     * @param key one of {@link #KEYS}.
     * @return the value (allow-no-reference as 0 or 1), or -1 for an unknown key.
     */
    public long get(final String key)
    {
        switch (key)
        {
            case MAX_ORDER_QTY: return maxOrderQty;
            case MAX_ORDER_NOTIONAL: return maxOrderNotional;
            case MAX_POSITION: return maxPosition;
            case COLLAR_BPS: return collarBps;
            case ALLOW_NO_REFERENCE: return allowNoReference ? 1 : 0;
            case THROTTLE_CAPACITY: return throttleCapacity;
            case THROTTLE_REFILL_PER_SECOND: return throttleRefillPerSecond;
            case MAX_OPEN_ORDERS: return maxOpenOrders;
            default: return -1;
        }
    }

    /**
     * @param key    an ASCII key.
     * @param buffer holding bytes to compare.
     * @param offset of the first byte.
     * @param length number of bytes.
     * @return true when the bytes spell the key exactly.
     */
    public static boolean keyEquals(final String key, final DirectBuffer buffer, final int offset, final int length)
    {
        if (key.length() != length)
        {
            return false;
        }
        for (int i = 0; i < length; i++)
        {
            if (buffer.getByte(offset + i) != (byte)key.charAt(i))
            {
                return false;
            }
        }
        return true;
    }

    /** @return largest quantity of one order, shares. */
    public long maxOrderQty()
    {
        return maxOrderQty;
    }

    /** @return largest price × quantity of one order, 1/10,000 dollar. */
    public long maxOrderNotional()
    {
        return maxOrderNotional;
    }

    /** @return largest absolute worst-case position of one instrument, shares. */
    public long maxPosition()
    {
        return maxPosition;
    }

    /** @return how far through the reference price an order may be priced, basis points. */
    public long collarBps()
    {
        return collarBps;
    }

    /** @return true to let orders through without a collar when the book has no reference price. */
    public boolean allowNoReference()
    {
        return allowNoReference;
    }

    /** @return most orders the throttle lets through at once (the bucket's size). */
    public long throttleCapacity()
    {
        return throttleCapacity;
    }

    /** @return tokens the throttle gains per second. */
    public long throttleRefillPerSecond()
    {
        return throttleRefillPerSecond;
    }

    /** @return most open orders over every instrument. */
    public int maxOpenOrders()
    {
        return maxOpenOrders;
    }

    /**
     * Every limit as {@code key=value} pairs (control path, allocates).
     *
     * @return the limits.
     */
    @Override
    public String toString()
    {
        return MAX_ORDER_QTY + "=" + maxOrderQty + " " +
            MAX_ORDER_NOTIONAL + "=" + maxOrderNotional + " " +
            MAX_POSITION + "=" + maxPosition + " " +
            COLLAR_BPS + "=" + collarBps + " " +
            ALLOW_NO_REFERENCE + "=" + (allowNoReference ? 1 : 0) + " " +
            THROTTLE_CAPACITY + "=" + throttleCapacity + " " +
            THROTTLE_REFILL_PER_SECOND + "=" + throttleRefillPerSecond + " " +
            MAX_OPEN_ORDERS + "=" + maxOpenOrders;
    }

}
