package corezero.core;

import corezero.book.BookView;
import corezero.book.OrderBooks;
import corezero.order.OpenOrderConsumer;
import corezero.order.OrderState;
import corezero.order.Orders;
import corezero.order.Positions;
import corezero.ouch.SoupBinTcpClient;
import corezero.risk.RiskGate;
import corezero.risk.RiskLimits;
import corezero.risk.RiskResult;
import corezero.strategy.EntryResult;
import org.HdrHistogram.Histogram;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;

/**
 * A copy of the order side of the engine, for the REPL: open orders, recent fills, positions and P&amp;L, the risk
 * gate's state and limits, the order session and the tick-to-trade histogram. Core 0 allocates one, hands it to
 * the hot thread through the hand-off slots with a SNAPSHOT command, and reads it after the reply; the hot thread
 * fills it without allocating. Rows beyond the capacities are counted, not copied.
 */
public final class TradingSnapshot
{
    private static final int SYMBOL_LENGTH = 8;

    private final int orderCapacity;
    private final long[] orderUserRefNum;
    private final int[] orderSlot;
    private final int[] orderLocate;
    private final byte[] orderSide;
    private final long[] orderPrice;
    private final long[] orderOriginal;
    private final long[] orderOpen;
    private final long[] orderExecuted;
    private final OrderState[] orderState;
    private final long[] orderSentNs;
    private final long[] orderUpdatedNs;
    private int orderRows;
    private int openOrdersTotal;

    private final OrderEventLog fillLog = new OrderEventLog(OrderEntry.RECENT_FILLS);
    private final OrderEventLog rejectLog = new OrderEventLog(OrderEntry.RECENT_REJECTS);
    private int fillRows;
    private int rejectRows;

    private final int positionCapacity;
    private final int[] positionSlot;
    private final int[] positionLocate;
    private final long[] position;
    private final long[] averageCost;
    private final long[] realized;
    private final long[] unrealized;
    private final long[] markPrice;
    private int positionRows;

    /** Distinct instruments whose symbols a snapshot keeps (the rows name no more than the books hold). */
    private static final int MAX_SYMBOLS = 256;

    private final int[] symbolLocates = new int[MAX_SYMBOLS];
    private final byte[] symbols = new byte[MAX_SYMBOLS * SYMBOL_LENGTH];
    private final UnsafeBuffer symbolBuffer = new UnsafeBuffer(symbols);
    private int symbolCount;

    private final long[] limits = new long[RiskLimits.KEYS.length];
    private final long[] riskRejects = new long[RiskResult.COUNT];
    private final long[] entryRejects = new long[EntryResult.COUNT];
    private final long[] disconnects = new long[8];
    private int tradingState;
    private long riskAccepted;
    private long riskRejected;
    private long throttleTokens;

    private boolean loggedIn;
    private boolean stopped;
    private String session;
    private long nextSequence;
    private long reconnects;
    private long packetsIn;
    private long packetsOut;
    private long sequencedMessages;
    private long heartbeatsIn;
    private long heartbeatsOut;
    private long malformedPackets;
    private long unknownPackets;
    private long sendBufferFull;
    private long sendsRefused;
    private long logins;
    private long loginRejects;
    private long endOfSessions;

    private long ordersSent;
    private long venueAccepted;
    private long venueRejected;
    private long cancelsSent;
    private long fills;
    private long filledShares;
    private long ouchErrors;
    private long ouchUnknownOrders;
    private long ouchRejectedByOrders;
    private long lostInFlight;
    private long cancelsResent;
    private long canceledOnAccept;
    private long venueNextUserRefNum;
    private long nextUserRefNum;
    private long liveOrders;

    private final Histogram tickToTrade = new Histogram(OrderEntry.MAX_LATENCY_NS, 3);
    private final Histogram tickToSocket = new Histogram(OrderEntry.MAX_LATENCY_NS, 3);
    private boolean filled;

    private final OpenOrderConsumer orderCopier = this::copyOrder;
    private Orders copyingOrders;

    /**
     * @param orderCapacity    most open orders copied.
     * @param positionCapacity most (slot, instrument) position rows copied.
     */
    public TradingSnapshot(final int orderCapacity, final int positionCapacity)
    {
        this.orderCapacity = orderCapacity;
        orderUserRefNum = new long[orderCapacity];
        orderSlot = new int[orderCapacity];
        orderLocate = new int[orderCapacity];
        orderSide = new byte[orderCapacity];
        orderPrice = new long[orderCapacity];
        orderOriginal = new long[orderCapacity];
        orderOpen = new long[orderCapacity];
        orderExecuted = new long[orderCapacity];
        orderState = new OrderState[orderCapacity];
        orderSentNs = new long[orderCapacity];
        orderUpdatedNs = new long[orderCapacity];
        this.positionCapacity = positionCapacity;
        positionSlot = new int[positionCapacity];
        positionLocate = new int[positionCapacity];
        position = new long[positionCapacity];
        averageCost = new long[positionCapacity];
        realized = new long[positionCapacity];
        unrealized = new long[positionCapacity];
        markPrice = new long[positionCapacity];
    }

    /** A snapshot with room for 1,024 open orders and 256 position rows. */
    public TradingSnapshot()
    {
        this(1024, 256);
    }

    void fill(
        final OrderEntry entry,
        final Orders orders,
        final Positions positions,
        final RiskGate gate,
        final SoupBinTcpClient client,
        final OrderBooks books,
        final Histogram latency,
        final Histogram socketLatency,
        final OrderEventLog recentFills,
        final OrderEventLog recentRejects)
    {
        orderRows = 0;
        symbolCount = 0;
        copyingOrders = orders;
        openOrdersTotal = orders.forEachOpen(orderCopier);
        copyingOrders = null;
        for (int i = 0; i < orderRows; i++)
        {
            copySymbol(books, orderLocate[i]);
        }

        fillRows = recentFills.copyLastInto(fillLog);
        for (int i = 0; i < fillRows; i++)
        {
            copySymbol(books, fillLog.stockLocate[i]);
        }
        rejectRows = recentRejects.copyLastInto(rejectLog);
        for (int i = 0; i < rejectRows; i++)
        {
            copySymbol(books, rejectLog.stockLocate[i]);
        }

        positionRows = 0;
        for (int instrument = 0, n = positions.boundInstruments(); instrument < n; instrument++)
        {
            final int locate = positions.locateOf(instrument);
            final long mark = markPrice(books.book(locate), positions.averageCost(locate));
            copySymbol(books, locate);
            for (int slot = 0; slot < OrderEntry.SLOTS && positionRows < positionCapacity; slot++)
            {
                final long qty = positions.position(slot, locate);
                final long pnl = positions.realizedPnl(slot, locate);
                if (0 == qty && 0 == pnl)
                {
                    continue;
                }
                positionSlot[positionRows] = slot;
                positionLocate[positionRows] = locate;
                position[positionRows] = qty;
                averageCost[positionRows] = positions.averageCost(slot, locate);
                realized[positionRows] = pnl;
                unrealized[positionRows] = 0 == qty ? 0 : positions.unrealizedPnl(slot, locate, mark);
                markPrice[positionRows] = mark;
                positionRows++;
            }
        }

        final RiskLimits riskLimits = gate.limits();
        for (int i = 0; i < limits.length; i++)
        {
            limits[i] = riskLimits.get(RiskLimits.KEYS[i]);
        }
        for (int i = 0; i < riskRejects.length; i++)
        {
            riskRejects[i] = gate.rejects(i);
        }
        for (int i = 0; i < entryRejects.length; i++)
        {
            entryRejects[i] = entry.entryRejects(i);
        }
        for (int i = 0; i < disconnects.length; i++)
        {
            disconnects[i] = entry.disconnects(i);
        }
        tradingState = gate.tradingState();
        riskAccepted = gate.accepted();
        riskRejected = gate.rejected();
        throttleTokens = gate.throttle().tokens();

        loggedIn = client.isLoggedIn();
        stopped = client.isStopped();
        session = client.session();
        nextSequence = client.nextSequence();
        reconnects = client.reconnects();
        packetsIn = client.packetsIn();
        packetsOut = client.packetsOut();
        sequencedMessages = client.sequencedMessages();
        heartbeatsIn = client.heartbeatsIn();
        heartbeatsOut = client.heartbeatsOut();
        malformedPackets = client.malformedPackets();
        unknownPackets = client.unknownPackets();
        sendBufferFull = client.sendBufferFull();
        sendsRefused = client.sendsRefused();
        logins = entry.logins();
        loginRejects = entry.loginRejects();
        endOfSessions = entry.endOfSessions();

        ordersSent = entry.ordersSent();
        venueAccepted = entry.venueAccepted();
        venueRejected = entry.venueRejected();
        cancelsSent = entry.cancelsSent();
        fills = entry.fillCount();
        filledShares = entry.filledShares();
        ouchErrors = entry.ouchErrors();
        ouchUnknownOrders = entry.ouchUnknownOrders();
        ouchRejectedByOrders = entry.ouchRejectedByOrders();
        lostInFlight = entry.lostInFlight();
        cancelsResent = entry.cancelsResent();
        canceledOnAccept = entry.canceledOnAccept();
        venueNextUserRefNum = entry.lastNextUserRefNum();
        nextUserRefNum = orders.nextUserRefNum();
        liveOrders = orders.liveOrders();

        latency.copyInto(tickToTrade);
        socketLatency.copyInto(tickToSocket);
        filled = true;
    }

    private void copyOrder(
        final long userRefNum, final int strategySlot, final int stockLocate, final byte side,
        final long openQuantity, final long price, final OrderState state)
    {
        if (orderRows < orderCapacity)
        {
            final int i = orderRows++;
            orderUserRefNum[i] = userRefNum;
            orderSlot[i] = strategySlot;
            orderLocate[i] = stockLocate;
            orderSide[i] = side;
            orderPrice[i] = price;
            orderOpen[i] = openQuantity;
            orderState[i] = state;
            orderOriginal[i] = copyingOrders.originalQuantity(userRefNum);
            orderExecuted[i] = copyingOrders.executedQuantity(userRefNum);
            orderSentNs[i] = copyingOrders.sentTimestampNs(userRefNum);
            orderUpdatedNs[i] = copyingOrders.lastUpdateTimestampNs(userRefNum);
        }
    }

    private void copySymbol(final OrderBooks books, final int locate)
    {
        if (locate <= 0 || symbolIndex(locate) >= 0 || symbolCount == MAX_SYMBOLS)
        {
            return;
        }
        if (books.copySymbol(locate, symbolBuffer, symbolCount * SYMBOL_LENGTH))
        {
            symbolLocates[symbolCount++] = locate;
        }
    }

    private int symbolIndex(final int locate)
    {
        for (int i = 0; i < symbolCount; i++)
        {
            if (symbolLocates[i] == locate)
            {
                return i;
            }
        }
        return -1;
    }

    private static long markPrice(final BookView book, final long fallback)
    {
        final long bid = book.bestBidPrice();
        final long ask = book.bestAskPrice();
        if (BookView.NO_PRICE != bid && BookView.NO_PRICE != ask)
        {
            return (bid + ask) / 2;
        }
        final long last = book.lastTradePrice();
        return last > 0 ? last : fallback;
    }

    /** @return true once the hot thread filled it. */
    public boolean isFilled()
    {
        return filled;
    }

    /**
     * @param locate an instrument.
     * @return its symbol, or "#locate" when unknown (reader side; allocates).
     */
    public String symbol(final int locate)
    {
        final int index = symbolIndex(locate);
        if (index < 0)
        {
            return "#" + locate;
        }
        int length = SYMBOL_LENGTH;
        while (length > 0 && (symbols[index * SYMBOL_LENGTH + length - 1] == ' '))
        {
            length--;
        }
        return new String(symbols, index * SYMBOL_LENGTH, length, StandardCharsets.US_ASCII);
    }

    /** @return open orders copied. */
    public int orderRows()
    {
        return orderRows;
    }

    /** @return open orders in the engine (may exceed {@link #orderRows()}). */
    public int openOrdersTotal()
    {
        return openOrdersTotal;
    }

    /** @param row order row. @return UserRefNum. */
    public long orderUserRefNum(final int row)
    {
        return orderUserRefNum[row];
    }

    /** @param row order row. @return strategy slot ({@link OrderEntry#OPS_SLOT} for ops orders). */
    public int orderSlot(final int row)
    {
        return orderSlot[row];
    }

    /** @param row order row. @return stock locate. */
    public int orderLocate(final int row)
    {
        return orderLocate[row];
    }

    /** @param row order row. @return side byte. */
    public char orderSide(final int row)
    {
        return (char)orderSide[row];
    }

    /** @param row order row. @return limit price, 4 implied decimals. */
    public long orderPrice(final int row)
    {
        return orderPrice[row];
    }

    /** @param row order row. @return entered shares. */
    public long orderOriginalQuantity(final int row)
    {
        return orderOriginal[row];
    }

    /** @param row order row. @return open shares. */
    public long orderOpenQuantity(final int row)
    {
        return orderOpen[row];
    }

    /** @param row order row. @return executed shares. */
    public long orderExecutedQuantity(final int row)
    {
        return orderExecuted[row];
    }

    /** @param row order row. @return state. */
    public OrderState orderState(final int row)
    {
        return orderState[row];
    }

    /** @param row order row. @return send time, engine clock. */
    public long orderSentNs(final int row)
    {
        return orderSentNs[row];
    }

    /** @param row order row. @return last change, engine clock. */
    public long orderUpdatedNs(final int row)
    {
        return orderUpdatedNs[row];
    }

    /** @return recent fills copied, oldest first. */
    public int fillRows()
    {
        return fillRows;
    }

    /** @param row fill row. @return UserRefNum. */
    public long fillUserRefNum(final int row)
    {
        return fillLog.userRefNum[row];
    }

    /** @param row fill row. @return strategy slot. */
    public int fillSlot(final int row)
    {
        return fillLog.strategySlot[row];
    }

    /** @param row fill row. @return stock locate. */
    public int fillLocate(final int row)
    {
        return fillLog.stockLocate[row];
    }

    /** @param row fill row. @return side byte. */
    public char fillSide(final int row)
    {
        return (char)fillLog.side[row];
    }

    /** @param row fill row. @return shares. */
    public long fillShares(final int row)
    {
        return fillLog.shares[row];
    }

    /** @param row fill row. @return price. */
    public long fillPrice(final int row)
    {
        return fillLog.price[row];
    }

    /** @param row fill row. @return match number. */
    public long fillMatchNumber(final int row)
    {
        return fillLog.detail[row];
    }

    /** @param row fill row. @return time, engine clock. */
    public long fillNs(final int row)
    {
        return fillLog.timestampNs[row];
    }

    /** @return rejected orders copied, oldest first. */
    public int rejectRows()
    {
        return rejectRows;
    }

    /** @param row reject row. @return UserRefNum. */
    public long rejectUserRefNum(final int row)
    {
        return rejectLog.userRefNum[row];
    }

    /** @param row reject row. @return strategy slot. */
    public int rejectSlot(final int row)
    {
        return rejectLog.strategySlot[row];
    }

    /** @param row reject row. @return stock locate. */
    public int rejectLocate(final int row)
    {
        return rejectLog.stockLocate[row];
    }

    /** @param row reject row. @return side byte. */
    public char rejectSide(final int row)
    {
        return (char)rejectLog.side[row];
    }

    /** @param row reject row. @return entered shares. */
    public long rejectQuantity(final int row)
    {
        return rejectLog.shares[row];
    }

    /** @param row reject row. @return limit price. */
    public long rejectPrice(final int row)
    {
        return rejectLog.price[row];
    }

    /**
     * @param row reject row.
     * @return the venue's OUCH reject reason, or {@link OrderEntry#LOST_IN_FLIGHT} or {@link OrderEntry#NOT_SENT}.
     */
    public int rejectReason(final int row)
    {
        return (int)rejectLog.detail[row];
    }

    /** @param row reject row. @return when, engine clock. */
    public long rejectNs(final int row)
    {
        return rejectLog.timestampNs[row];
    }

    /** @return position rows copied. */
    public int positionRows()
    {
        return positionRows;
    }

    /** @param row position row. @return strategy slot. */
    public int positionSlot(final int row)
    {
        return positionSlot[row];
    }

    /** @param row position row. @return stock locate. */
    public int positionLocate(final int row)
    {
        return positionLocate[row];
    }

    /** @param row position row. @return signed shares. */
    public long position(final int row)
    {
        return position[row];
    }

    /** @param row position row. @return average cost, 4 implied decimals. */
    public long averageCost(final int row)
    {
        return averageCost[row];
    }

    /** @param row position row. @return realized P&amp;L, 1/10,000 dollar. */
    public long realizedPnl(final int row)
    {
        return realized[row];
    }

    /** @param row position row. @return unrealized P&amp;L at the mark, 1/10,000 dollar. */
    public long unrealizedPnl(final int row)
    {
        return unrealized[row];
    }

    /** @param row position row. @return mark price: the mid, else the last trade, else the average cost. */
    public long markPrice(final int row)
    {
        return markPrice[row];
    }

    /** @param index index into {@link RiskLimits#KEYS}. @return that limit's value. */
    public long limit(final int index)
    {
        return limits[index];
    }

    /** @param reason a {@link RiskResult} code. @return orders the gate refused for it. */
    public long riskRejects(final int reason)
    {
        return riskRejects[reason];
    }

    /** @param code an {@link EntryResult} code. @return order calls that sent nothing for it. */
    public long entryRejects(final int code)
    {
        return entryRejects[code];
    }

    /** @param reason a SoupBinTcpListener DISCONNECT_ code. @return disconnects for it. */
    public long disconnects(final int reason)
    {
        return reason >= 0 && reason < disconnects.length ? disconnects[reason] : 0;
    }

    /** @return a {@link corezero.risk.TradingState} code. */
    public int tradingState()
    {
        return tradingState;
    }

    /** @return orders the gate passed. */
    public long riskAccepted()
    {
        return riskAccepted;
    }

    /** @return orders the gate refused. */
    public long riskRejected()
    {
        return riskRejected;
    }

    /** @return whole tokens in the throttle bucket at its last refill. */
    public long throttleTokens()
    {
        return throttleTokens;
    }

    /** @return true when the order session is logged in. */
    public boolean loggedIn()
    {
        return loggedIn;
    }

    /** @return true when the session stopped for good (logout, end of session, login rejected). */
    public boolean stopped()
    {
        return stopped;
    }

    /** @return the venue's session name, or an empty string before the first login. */
    public String session()
    {
        return null == session ? "" : session;
    }

    /** @return next sequenced message number expected from the venue. */
    public long nextSequence()
    {
        return nextSequence;
    }

    /** @return reconnect attempts. */
    public long reconnects()
    {
        return reconnects;
    }

    /** @return SoupBinTCP packets received. */
    public long packetsIn()
    {
        return packetsIn;
    }

    /** @return SoupBinTCP packets sent. */
    public long packetsOut()
    {
        return packetsOut;
    }

    /** @return sequenced messages received. */
    public long sequencedMessages()
    {
        return sequencedMessages;
    }

    /** @return heartbeats received. */
    public long heartbeatsIn()
    {
        return heartbeatsIn;
    }

    /** @return heartbeats sent. */
    public long heartbeatsOut()
    {
        return heartbeatsOut;
    }

    /** @return malformed SoupBinTCP packets (each ends the connection). */
    public long malformedPackets()
    {
        return malformedPackets;
    }

    /** @return packets of unknown type (ignored). */
    public long unknownPackets()
    {
        return unknownPackets;
    }

    /** @return sends refused because the send buffer was full. */
    public long sendBufferFull()
    {
        return sendBufferFull;
    }

    /** @return sends refused (not logged in, too long, buffer full). */
    public long sendsRefused()
    {
        return sendsRefused;
    }

    /** @return logins accepted. */
    public long logins()
    {
        return logins;
    }

    /** @return logins rejected. */
    public long loginRejects()
    {
        return loginRejects;
    }

    /** @return End of Session packets. */
    public long endOfSessions()
    {
        return endOfSessions;
    }

    /** @return Enter Orders sent. */
    public long ordersSent()
    {
        return ordersSent;
    }

    /** @return orders the venue accepted (Accepted messages applied). */
    public long venueAccepted()
    {
        return venueAccepted;
    }

    /** @return orders the venue rejected (Rejected messages applied). */
    public long venueRejected()
    {
        return venueRejected;
    }

    /** @return Cancel Orders sent. */
    public long cancelsSent()
    {
        return cancelsSent;
    }

    /** @return executions received. */
    public long fills()
    {
        return fills;
    }

    /** @return shares executed. */
    public long filledShares()
    {
        return filledShares;
    }

    /** @return OUCH messages that did not decode (unknown type, bad length, bad appendage). */
    public long ouchErrors()
    {
        return ouchErrors;
    }

    /** @return OUCH messages naming a UserRefNum the engine does not hold. */
    public long ouchUnknownOrders()
    {
        return ouchUnknownOrders;
    }

    /** @return OUCH messages the order layer refused (illegal transition, bad quantity, overfill...). */
    public long ouchRejectedByOrders()
    {
        return ouchRejectedByOrders;
    }

    /** @return orders found never to have reached the venue after a reconnect. */
    public long lostInFlight()
    {
        return lostInFlight;
    }

    /** @return cancels sent again after a reconnect. */
    public long cancelsResent()
    {
        return cancelsResent;
    }

    /** @return orders cancelled on their Accepted because the kill switch was on. */
    public long canceledOnAccept()
    {
        return canceledOnAccept;
    }

    /** @return the venue's next expected UserRefNum at the last Account Query, -1 before one. */
    public long venueNextUserRefNum()
    {
        return venueNextUserRefNum;
    }

    /** @return the next UserRefNum the engine will use. */
    public long nextUserRefNum()
    {
        return nextUserRefNum;
    }

    /** @return live orders, including pending replacements. */
    public long liveOrders()
    {
        return liveOrders;
    }

    /** @return a copy of the in-core tick-to-trade histogram (frame to Enter Order in the send buffer), ns. */
    public Histogram tickToTrade()
    {
        return tickToTrade;
    }

    /** @return a copy of the tick-to-socket histogram (frame to the TCP write returned), ns. */
    public Histogram tickToSocket()
    {
        return tickToSocket;
    }
}
