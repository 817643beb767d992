package corezero.core;

import corezero.book.BookView;
import corezero.book.OrderBooks;
import corezero.ouch.OuchAcceptedDecoder;
import corezero.ouch.OuchAccountQueryRequestEncoder;
import corezero.ouch.OuchAccountQueryResponseDecoder;
import corezero.ouch.OuchAiqCanceledDecoder;
import corezero.ouch.OuchBrokenTradeDecoder;
import corezero.ouch.OuchCancelOrderEncoder;
import corezero.ouch.OuchCancelPendingDecoder;
import corezero.ouch.OuchCancelRejectDecoder;
import corezero.ouch.OuchCanceledDecoder;
import corezero.ouch.OuchDecoder;
import corezero.ouch.OuchEnterOrderDecoder;
import corezero.ouch.OuchEnterOrderEncoder;
import corezero.ouch.OuchExecutedDecoder;
import corezero.ouch.OuchHandler;
import corezero.ouch.OuchModifiedDecoder;
import corezero.ouch.OuchPriorityUpdateDecoder;
import corezero.ouch.OuchRejectedDecoder;
import corezero.ouch.OuchReplacedDecoder;
import corezero.ouch.OuchRestatedDecoder;
import corezero.ouch.OuchSystemEventDecoder;
import corezero.ouch.SoupBinTcpClient;
import corezero.ouch.SoupBinTcpListener;
import corezero.order.OpenOrderConsumer;
import corezero.order.OrderListener;
import corezero.order.OrderResult;
import corezero.order.OrderState;
import corezero.order.Orders;
import corezero.order.Positions;
import corezero.risk.RiskGate;
import corezero.risk.RiskLimits;
import corezero.risk.RiskResult;
import corezero.risk.TradingState;
import corezero.strategy.EntryResult;
import corezero.strategy.OrderGateway;
import corezero.strategy.StrategyContext;
import corezero.telemetry.EngineCounter;
import corezero.telemetry.EngineCounters;
import org.HdrHistogram.Histogram;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The order path of the hot thread: every order intent passes the {@link RiskGate}, is recorded in
 * {@link Orders}, is encoded as OUCH 5.0 straight into a scratch buffer and leaves through the
 * {@link SoupBinTcpClient}'s send buffer; every OUCH message from the venue is decoded in place and applied to
 * {@link Orders} (and through it to {@link Positions}), then reported to the strategies.
 * <pre>
 *  strategy ──enter──► RiskGate ──OK──► Orders (PENDING_NEW, UserRefNum) ──► OUCH Enter Order ──► SoupBinTCP
 *  strategy ◄─update── Orders ◄── OUCH Accepted / Executed / Canceled / Rejected ... ◄── SoupBinTCP
 * </pre>
 * <b>Kill switch.</b> {@link #kill} sets the gate to HALTED (no new order passes) and cancels every open
 * order; an order that the venue accepts while halted (it was in flight) is cancelled the moment its Accepted
 * arrives. {@link #unkill} sets ACTIVE again.
 * <p>
 * <b>Reconnect and reconciliation.</b> The SoupBinTCP client logs in again with the next sequence number it
 * expects, so the venue replays every sequenced message missed while down. After each login an Account Query
 * asks the venue for the next UserRefNum it expects: an order sent before the query and still PENDING_NEW at or
 * above that number never reached the venue and is rejected locally ({@link #LOST_IN_FLIGHT}) (an order sent after
 * the query is only in flight); cancels still pending are sent again
 * (the venue ignores a cancel for an order that is gone).
 * <p>
 * <b>Tick-to-trade.</b> An order sent while a market data frame is being handled records two times from the
 * frame being handed to the engine: to its Enter Order encoded in the session's send buffer (in-core
 * tick-to-trade, all user space), and to the kernel's TCP write of it having returned (tick-to-socket). What the
 * strategies send on one market data frame (a MoldUDP64 packet of one or more messages) leaves in one write
 * when the whole frame has been handled, so neither a cancel sent before an order nor the orders of an earlier
 * message of the frame put a system call in an order's way.
 * <p>
 * Hot thread only; allocation-free after construction (the client's login, which names the session in a
 * String, is the exception, once per connection).
 */
public final class OrderEntry implements SoupBinTcpListener, OuchHandler, OrderListener, OrderGateway
{
    /** Reject reason recorded for an order the venue never received (found by the Account Query). */
    public static final int LOST_IN_FLIGHT = -1;

    /** Reject reason recorded for an order whose Enter Order could not be queued on the session. */
    public static final int NOT_SENT = -2;

    /** Slot that ops actions (flatten) are booked under when no strategy slot holds the position. */
    public static final int OPS_SLOT = ParamTable.SLOT_COUNT;

    /** Strategy slots plus the ops slot. */
    public static final int SLOTS = ParamTable.SLOT_COUNT + 1;

    /** Highest trackable tick-to-trade latency: 10 s. */
    public static final long MAX_LATENCY_NS = 10_000_000_000L;

    /** Fills kept for the REPL's view. */
    public static final int RECENT_FILLS = 64;

    /** Most closing orders one flatten sends per slot (pieces of at most the order-size limit). */
    public static final int MAX_FLATTEN_ORDERS = 16;

    /** Rejected orders kept for the REPL's view. */
    public static final int RECENT_REJECTS = 32;

    private static final int SCRATCH_BYTES = 512;
    private static final int CL_ORD_ID_LENGTH = 14;
    private static final byte SPACE = ' ';

    /**
     * Receives order events for the strategies (the strategy host). Called on the hot thread, after the order
     * layer was updated.
     */
    public interface Events
    {
        /**
         * @param strategySlot owner of the order.
         * @param userRefNum   the order.
         * @param from         previous state.
         * @param to           new state.
         */
        void onOrderUpdate(int strategySlot, long userRefNum, OrderState from, OrderState to);

        /**
         * @param strategySlot owner of the order.
         * @param userRefNum   the order.
         * @param stockLocate  instrument.
         * @param side         'B' or 'S'.
         * @param shares       executed.
         * @param price        execution price.
         */
        void onFill(int strategySlot, long userRefNum, int stockLocate, byte side, long shares, long price);
    }

    private static final Events NO_EVENTS = new Events()
    {
        public void onOrderUpdate(final int strategySlot, final long userRefNum, final OrderState from,
            final OrderState to)
        {
        }

        public void onFill(final int strategySlot, final long userRefNum, final int stockLocate, final byte side,
            final long shares, final long price)
        {
        }
    };

    private final SoupBinTcpClient session;
    private final RiskLimits limits;
    private final RiskGate gate;
    private final Positions positions;
    private final Orders orders;
    private final OrderBooks books;
    private final NanoClock nanoClock;
    private final Histogram tickToTrade = new Histogram(MAX_LATENCY_NS, 3);
    private final Histogram tickToSocket = new Histogram(MAX_LATENCY_NS, 3);
    private final OuchDecoder decoder = new OuchDecoder();
    private final OuchEnterOrderEncoder enterEncoder = new OuchEnterOrderEncoder();
    private final OuchCancelOrderEncoder cancelEncoder = new OuchCancelOrderEncoder();
    private final OuchAccountQueryRequestEncoder accountQueryEncoder = new OuchAccountQueryRequestEncoder();
    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[SCRATCH_BYTES]);
    private final long[] collected;
    private final long[] entryRejects = new long[EntryResult.COUNT];
    private final long[] disconnects = new long[8];
    private final OpenOrderConsumer cancelCollector = this::collectCancelable;
    private final OpenOrderConsumer pendingCollector = this::collectPending;
    private final OrderEventLog fills = new OrderEventLog(RECENT_FILLS);
    private final OrderEventLog rejects = new OrderEventLog(RECENT_REJECTS);

    private Events events = NO_EVENTS;
    private long nowNs;
    private long tickNs;
    private int collectedCount;
    private int collectLocate;
    private boolean reconcilePending;
    private boolean flushPending;
    private long pollIntervalNs;
    private long lastPollNs;
    private int ordersInTick;
    /** First UserRefNum not yet sent when the Account Query went out: the venue's answer says nothing of later ones. */
    private long reconcileBelowUserRefNum;

    private long ordersSent;
    private long venueAccepted;
    private long venueRejected;
    private long cancelsSent;
    private long fillCount;
    private long filledShares;
    private long logins;
    private long loginRejects;
    private long endOfSessions;
    private long ouchErrors;
    private long ouchUnknownOrders;
    private long ouchRejectedByOrders;
    private long unsequencedIn;
    private long systemEvents;
    private long priorityUpdates;
    private long accountQueries;
    private long lostInFlight;
    private long cancelsResent;
    private long canceledOnAccept;
    /**
     * Per strategy slot: orders of the slot below this UserRefNum are cancelled when the venue accepts them, so that
     * an order still in flight when its slot was emptied (unload, swap with cancel, quarantine) does not rest
     * unowned. Set by {@link #cancelSlot}; 0 cancels nothing.
     */
    private final long[] cancelOnAcceptBelow = new long[ParamTable.SLOT_COUNT];
    private long lastNextUserRefNum = -1;

    /**
     * @param settings     the SoupBinTCP session (address, credentials, version, timeouts).
     * @param limits       risk limits, changed in place by limit commands.
     * @param maxOrders    live orders held at once.
     * @param maxInstruments instruments with a position.
     * @param firstUserRefNum first UserRefNum (1 on a fresh port; above the venue's last on a restart).
     * @param books        the books: symbols for OUCH messages and references for the price collar.
     * @param nanoClock    the real clock, read after a send for tick-to-trade.
     */
    public OrderEntry(
        final SoupBinTcpClient.Settings settings,
        final RiskLimits limits,
        final int maxOrders,
        final int maxInstruments,
        final long firstUserRefNum,
        final OrderBooks books,
        final NanoClock nanoClock)
    {
        this.session = new SoupBinTcpClient(settings, this);
        this.limits = limits;
        this.gate = new RiskGate(limits);
        this.positions = new Positions(SLOTS, maxInstruments);
        this.orders = new Orders(maxOrders, Orders.DEFAULT_RECENT_FILLS, firstUserRefNum, positions, this);
        this.books = books;
        this.nanoClock = nanoClock;
        this.collected = new long[maxOrders];
    }

    /**
     * @param events where order events go (the strategy host); null for none.
     */
    public void events(final Events events)
    {
        this.events = null == events ? NO_EVENTS : events;
    }

    /**
     * Start connecting (core 0 before the agent starts, or the hot thread).
     *
     * @param nowNs the clock.
     */
    public void connect(final long nowNs)
    {
        this.nowNs = nowNs;
        session.connect(nowNs);
    }

    /**
     * One step of the order session: read and apply what the venue sent, heartbeat, reconnect.
     *
     * @param nowNs the duty cycle's time.
     * @return work done.
     */
    public int poll(final long nowNs)
    {
        this.nowNs = nowNs;
        if (nowNs - lastPollNs < pollIntervalNs)
        {
            return 0;
        }
        lastPollNs = nowNs;
        return session.poll(nowNs);
    }

    /**
     * Read the session at most this often (assembly): each read is a system call, and at 0 every duty cycle
     * makes one. Sends are not delayed by it.
     *
     * @param pollIntervalNs 0 to read on every duty cycle.
     */
    public void pollIntervalNs(final long pollIntervalNs)
    {
        this.pollIntervalNs = pollIntervalNs;
    }

    /**
     * The time the market data frame now being handled was handed to the engine, or 0 outside one; orders sent
     * meanwhile record tick-to-trade latency from it. Messages queued while handling one market data frame are
     * written to the socket together when it ends ({@code tick(0)}), one write for all the orders and cancels
     * the strategies sent on it; outside a tick every message is written at once.
     *
     * @param tickNs frame time on the real clock, 0 to stop measuring.
     */
    public void tick(final long tickNs)
    {
        if (0 == tickNs && 0 != this.tickNs && flushPending)
        {
            flushTick();
        }
        this.tickNs = tickNs;
    }

    /**
     * Risk-check, record, encode and send an Enter Order.
     *
     * @param strategySlot    owner.
     * @param stockLocate     instrument.
     * @param side            'B' or 'S'.
     * @param quantity        shares.
     * @param price           limit price.
     * @param timeInForce     {@link StrategyContext#DAY} or {@link StrategyContext#IOC}.
     * @param triggerSequence feed sequence to tag the ClOrdID with, or 0 for none.
     * @param nowNs           the duty cycle's time.
     * @return the UserRefNum, or a negated {@link EntryResult} code.
     */
    public long enter(
        final int strategySlot,
        final int stockLocate,
        final byte side,
        final long quantity,
        final long price,
        final byte timeInForce,
        final long triggerSequence,
        final long nowNs)
    {
        if (!session.isLoggedIn())
        {
            return -entryReject(EntryResult.NOT_LOGGED_IN);
        }
        if (!books.copySymbol(stockLocate, scratch, OuchEnterOrderDecoder.SYMBOL_OFFSET))
        {
            return -entryReject(EntryResult.UNKNOWN_INSTRUMENT);
        }
        final BookView book = books.book(stockLocate);
        final int risk = gate.check(stockLocate, side, quantity, price, nowNs, book, orders);
        if (RiskResult.OK != risk)
        {
            return -entryReject(risk);
        }
        final long userRefNum = orders.onNewOrderSent(strategySlot, stockLocate, side, quantity, price, nowNs);
        if (userRefNum < 0)
        {
            return -entryReject(EntryResult.ORDER_BASE + (int)-userRefNum);
        }

        final OuchEnterOrderEncoder encoder = enterEncoder.wrap(scratch, 0)
            .userRefNum(userRefNum)
            .side(side)
            .quantity(quantity)
            .price(price)
            .timeInForce(timeInForce)
            .display((byte)'Y')
            .capacity((byte)'P')
            .interMarketSweepEligibility((byte)'N')
            .crossType((byte)'N');
        putClOrdId(OuchEnterOrderDecoder.CL_ORD_ID_OFFSET, triggerSequence);
        if (!session.queueUnsequenced(scratch, 0, encoder.encodedLength()))
        {
            rememberReject(userRefNum, NOT_SENT);
            orders.onRejected(userRefNum, NOT_SENT, nowNs);
            return -entryReject(EntryResult.SEND_BUFFER_FULL);
        }
        ordersSent++;
        if (0 != tickNs)
        {
            record(tickToTrade, nanoClock.nanoTime() - tickNs);
            ordersInTick++;
            flushPending = true;
        }
        else
        {
            session.flush();
        }
        return userRefNum;
    }

    /**
     * Cancel an order entirely. Cancels are never risk-checked: taking risk off is always allowed, halted or not.
     *
     * @param strategySlot the caller's slot, or -1 for ops (any order).
     * @param userRefNum   the order.
     * @param nowNs        the duty cycle's time.
     * @return {@link EntryResult#OK} or an {@link EntryResult} code.
     */
    public int cancel(final int strategySlot, final long userRefNum, final long nowNs)
    {
        final OrderState state = orders.state(userRefNum);
        if (OrderState.NONE == state || (strategySlot >= 0 && orders.strategySlot(userRefNum) != strategySlot))
        {
            return entryReject(EntryResult.NOT_OWN_ORDER);
        }
        if (!session.isLoggedIn())
        {
            return entryReject(EntryResult.NOT_LOGGED_IN);
        }
        final int result = orders.onCancelRequested(userRefNum, nowNs);
        if (OrderResult.OK != result)
        {
            return entryReject(EntryResult.ORDER_BASE + result);
        }
        if (!sendCancel(userRefNum))
        {
            orders.onCancelReject(userRefNum, nowNs);
            return entryReject(EntryResult.SEND_BUFFER_FULL);
        }
        return EntryResult.OK;
    }

    /**
     * Cancel every open order that can be cancelled now (orders still PENDING_NEW are cancelled when accepted
     * if the gate is halted; otherwise they are left).
     *
     * @param stockLocate only this instrument's orders, or 0 for all.
     * @param nowNs       the duty cycle's time.
     * @return cancels sent.
     */
    public int cancelAll(final int stockLocate, final long nowNs)
    {
        this.nowNs = nowNs;
        collectedCount = 0;
        collectLocate = stockLocate;
        orders.forEachOpen(cancelCollector);
        int sent = 0;
        for (int i = 0, n = collectedCount; i < n; i++)
        {
            if (EntryResult.OK == cancel(-1, collected[i], nowNs))
            {
                sent++;
            }
        }
        return sent;
    }

    /**
     * Cancel every open order of one strategy slot (a strategy unloaded, swapped out with its orders cancelled, or
     * quarantined); the slot's orders still in flight are cancelled when the venue accepts them.
     *
     * @param strategySlot the slot.
     * @param nowNs        the duty cycle's time.
     * @return cancels sent.
     */
    public int cancelSlot(final int strategySlot, final long nowNs)
    {
        this.nowNs = nowNs;
        if (strategySlot >= 0 && strategySlot < cancelOnAcceptBelow.length)
        {
            // Orders the slot has in flight are cancelled when accepted: only accepted ones can be cancelled now.
            cancelOnAcceptBelow[strategySlot] = orders.nextUserRefNum();
        }
        collectedCount = 0;
        collectLocate = 0;
        orders.forEachOpen(strategySlot, cancelCollector);
        int sent = 0;
        for (int i = 0, n = collectedCount; i < n; i++)
        {
            if (EntryResult.OK == cancel(-1, collected[i], nowNs))
            {
                sent++;
            }
        }
        return sent;
    }

    /**
     * Kill switch: HALTED, then cancel everything open.
     *
     * @param nowNs the duty cycle's time.
     * @return cancels sent.
     */
    public int kill(final long nowNs)
    {
        gate.halt();
        return cancelAll(0, nowNs);
    }

    /** Release the kill switch: ACTIVE again. */
    public void unkill()
    {
        gate.tradingState(TradingState.ACTIVE);
    }

    /**
     * Flatten one instrument: cancel its open orders, then, for every slot holding a position in it, send
     * immediate-or-cancel orders for the whole position at the opposite touch (a sell at the best bid, a buy at
     * the best ask), in pieces of at most the order-size limit ({@link #MAX_FLATTEN_ORDERS} at most). The closing
     * orders pass the risk gate like any other (they only reduce), except when halted.
     *
     * @param stockLocate the instrument.
     * @param nowNs       the duty cycle's time.
     * @return closing orders sent, or a negated {@link EntryResult} code of the first that failed.
     */
    public int flatten(final int stockLocate, final long nowNs)
    {
        cancelAll(stockLocate, nowNs);
        final BookView book = books.book(stockLocate);
        int sent = 0;
        for (int slot = 0; slot < SLOTS; slot++)
        {
            final long position = positions.position(slot, stockLocate);
            if (0 == position)
            {
                continue;
            }
            final byte side = position > 0 ? (byte)'S' : (byte)'B';
            final long price = position > 0 ? book.bestBidPrice() : book.bestAskPrice();
            if (BookView.NO_PRICE == price)
            {
                return -entryReject(RiskResult.NO_REFERENCE_PRICE);
            }
            // In pieces of at most the order-size limit, so that a position larger than one order can be closed.
            final long maxQty = limits.maxOrderQty();
            long remaining = Math.abs(position);
            for (int piece = 0; remaining > 0 && piece < MAX_FLATTEN_ORDERS; piece++)
            {
                final long quantity = maxQty > 0 ? Math.min(remaining, maxQty) : remaining;
                final long result = enter(slot, stockLocate, side, quantity, price, StrategyContext.IOC, 0, nowNs);
                if (result < 0)
                {
                    return (int)result;
                }
                remaining -= quantity;
                sent++;
            }
        }
        return sent;
    }

    /**
     * Set a limit from a command's key bytes, or the trading state under the key {@code trading-state}.
     *
     * @param buffer    holding the key.
     * @param offset    of the key.
     * @param length    of the key.
     * @param value     new value.
     * @return a {@link RiskResult} code.
     */
    public int setLimit(final DirectBuffer buffer, final int offset, final int length, final long value)
    {
        if (RiskLimits.keyEquals(RiskLimits.TRADING_STATE, buffer, offset, length))
        {
            return gate.tradingState(value);
        }
        return limits.set(buffer, offset, length, value);
    }

    /**
     * Copy everything the REPL shows into a snapshot (hot thread, on a snapshot command). Allocation-free.
     *
     * @param snapshot destination.
     */
    public void fill(final TradingSnapshot snapshot)
    {
        snapshot.fill(this, orders, positions, gate, session, books, tickToTrade, tickToSocket, fills, rejects);
    }

    /** {@inheritDoc} */
    public long position(final int strategySlot, final int stockLocate)
    {
        return positions.position(strategySlot, stockLocate);
    }

    /** {@inheritDoc} */
    public int openOrders(final int strategySlot)
    {
        return orders.openOrdersOfStrategy(strategySlot);
    }

    /** {@inheritDoc} */
    public OrderState orderState(final int strategySlot, final long userRefNum)
    {
        return orders.strategySlot(userRefNum) == strategySlot ? orders.state(userRefNum) : OrderState.NONE;
    }

    /** {@inheritDoc} */
    public int tradingState()
    {
        return gate.tradingState();
    }

    /**
     * Copy the order counters into shared memory (release stores).
     *
     * @param counters the engine's counters.
     */
    public void publishCounters(final EngineCounters counters)
    {
        counters.get(EngineCounter.ORDER_SESSION_UP).setRelease(session.isLoggedIn() ? 1 : 0);
        counters.get(EngineCounter.ORDER_SESSION_RECONNECTS).setRelease(session.reconnects());
        counters.get(EngineCounter.ORDERS_SENT).setRelease(ordersSent);
        counters.get(EngineCounter.CANCELS_SENT).setRelease(cancelsSent);
        counters.get(EngineCounter.ORDERS_OPEN).setRelease(orders.liveOrders());
        counters.get(EngineCounter.FILLS).setRelease(fillCount);
        counters.get(EngineCounter.RISK_REJECTS).setRelease(gate.rejected());
        counters.get(EngineCounter.TRADING_STATE).setRelease(gate.tradingState());
        counters.get(EngineCounter.OUCH_ERRORS).setRelease(ouchErrors + ouchUnknownOrders);
    }

    /** @return the session (hot thread only). */
    public SoupBinTcpClient session()
    {
        return session;
    }

    /** @return the risk gate (hot thread only). */
    public RiskGate gate()
    {
        return gate;
    }

    /** @return the orders (hot thread only). */
    public Orders orders()
    {
        return orders;
    }

    /** @return the positions (hot thread only). */
    public Positions positions()
    {
        return positions;
    }

    /**
     * @return in-core tick-to-trade: frame handed to the engine to the Enter Order in the session's send buffer
     * (hot thread only; copy it through a snapshot).
     */
    public Histogram tickToTrade()
    {
        return tickToTrade;
    }

    /**
     * @return tick-to-socket: frame handed to the engine to the kernel's TCP write of the Enter Order returned
     * (hot thread only; copy it through a snapshot).
     */
    public Histogram tickToSocket()
    {
        return tickToSocket;
    }

    long ordersSent()
    {
        return ordersSent;
    }

    long venueAccepted()
    {
        return venueAccepted;
    }

    long venueRejected()
    {
        return venueRejected;
    }

    long cancelsSent()
    {
        return cancelsSent;
    }

    long fillCount()
    {
        return fillCount;
    }

    long filledShares()
    {
        return filledShares;
    }

    long logins()
    {
        return logins;
    }

    long loginRejects()
    {
        return loginRejects;
    }

    long endOfSessions()
    {
        return endOfSessions;
    }

    long ouchErrors()
    {
        return ouchErrors;
    }

    long ouchUnknownOrders()
    {
        return ouchUnknownOrders;
    }

    long ouchRejectedByOrders()
    {
        return ouchRejectedByOrders;
    }

    long lostInFlight()
    {
        return lostInFlight;
    }

    long cancelsResent()
    {
        return cancelsResent;
    }

    long canceledOnAccept()
    {
        return canceledOnAccept;
    }

    long lastNextUserRefNum()
    {
        return lastNextUserRefNum;
    }

    long accountQueries()
    {
        return accountQueries;
    }

    long systemEvents()
    {
        return systemEvents;
    }

    long entryRejects(final int code)
    {
        return entryRejects[code];
    }

    long disconnects(final int reason)
    {
        return reason >= 0 && reason < disconnects.length ? disconnects[reason] : 0;
    }

    long unsequencedIn()
    {
        return unsequencedIn;
    }

    long priorityUpdates()
    {
        return priorityUpdates;
    }

    // ---- SoupBinTCP session events ----

    /** {@inheritDoc} */
    public void onLoginAccepted(final String sessionName, final long sequenceNumber)
    {
        logins++;
        reconcilePending = true;
        reconcileBelowUserRefNum = orders.nextUserRefNum();
        accountQueryEncoder.wrap(scratch, 0);
        if (session.sendUnsequenced(scratch, 0, accountQueryEncoder.encodedLength()))
        {
            accountQueries++;
        }
    }

    /** {@inheritDoc} */
    public void onLoginRejected(final byte reasonCode)
    {
        loginRejects++;
    }

    /** {@inheritDoc} */
    public void onSequencedMessage(
        final DirectBuffer buffer, final int offset, final int length, final long sequenceNumber)
    {
        if (OuchDecoder.OK != decoder.decode(buffer, offset, length, this))
        {
            ouchErrors++;
        }
    }

    /** {@inheritDoc} */
    public void onUnsequencedMessage(final DirectBuffer buffer, final int offset, final int length)
    {
        unsequencedIn++;
        if (OuchDecoder.OK != decoder.decode(buffer, offset, length, this))
        {
            ouchErrors++;
        }
    }

    /** {@inheritDoc} */
    public void onEndOfSession()
    {
        endOfSessions++;
    }

    /** {@inheritDoc} */
    public void onDisconnected(final int reason)
    {
        if (reason >= 0 && reason < disconnects.length)
        {
            disconnects[reason]++;
        }
    }

    // ---- OUCH from the venue ----

    /** {@inheritDoc} */
    public void onSystemEvent(final OuchSystemEventDecoder systemEvent)
    {
        systemEvents++;
    }

    /** {@inheritDoc} */
    public void onAccepted(final OuchAcceptedDecoder accepted)
    {
        final long userRefNum = accepted.userRefNum();
        final int result = orders.onAccepted(
            userRefNum, accepted.orderReferenceNumber(), accepted.quantity(), accepted.price(), nowNs);
        countOrderResult(result);
        if (OrderResult.OK == result)
        {
            venueAccepted++;
        }
        if (OrderResult.OK == result && (gate.isHalted() || isOrphaned(userRefNum)) &&
            EntryResult.OK == cancel(-1, userRefNum, nowNs))
        {
            canceledOnAccept++;
        }
    }

    private boolean isOrphaned(final long userRefNum)
    {
        final int slot = orders.strategySlot(userRefNum);
        return slot >= 0 && slot < cancelOnAcceptBelow.length && userRefNum < cancelOnAcceptBelow[slot];
    }

    /** {@inheritDoc} */
    public void onReplaced(final OuchReplacedDecoder replaced)
    {
        countOrderResult(orders.onReplaced(
            replaced.origUserRefNum(),
            replaced.userRefNum(),
            replaced.orderReferenceNumber(),
            replaced.quantity(),
            replaced.price(),
            nowNs));
    }

    /** {@inheritDoc} */
    public void onCanceled(final OuchCanceledDecoder canceled)
    {
        countOrderResult(orders.onCanceled(canceled.userRefNum(), canceled.quantity(), canceled.reason(), nowNs));
    }

    /** {@inheritDoc} */
    public void onAiqCanceled(final OuchAiqCanceledDecoder aiqCanceled)
    {
        countOrderResult(orders.onCanceled(
            aiqCanceled.userRefNum(), aiqCanceled.decrementShares(), aiqCanceled.reason(), nowNs));
    }

    /** {@inheritDoc} */
    public void onExecuted(final OuchExecutedDecoder executed)
    {
        final long userRefNum = executed.userRefNum();
        final int slot = orders.strategySlot(userRefNum);
        final int locate = orders.stockLocate(userRefNum);
        final byte side = orders.side(userRefNum);
        final long shares = executed.quantity();
        final long price = executed.price();
        final int result = orders.onExecuted(userRefNum, shares, price, executed.matchNumber(), nowNs);
        countOrderResult(result);
        if (OrderResult.OK == result || OrderResult.OVERFILL == result)
        {
            fillCount++;
            filledShares += shares;
            fills.add(userRefNum, slot, locate, side, shares, price, executed.matchNumber(), nowNs);
            events.onFill(slot, userRefNum, locate, side, shares, price);
        }
    }

    /** {@inheritDoc} */
    public void onBrokenTrade(final OuchBrokenTradeDecoder brokenTrade)
    {
        countOrderResult(orders.onBrokenTrade(
            brokenTrade.userRefNum(), brokenTrade.matchNumber(), brokenTrade.reason(), nowNs));
    }

    /** {@inheritDoc} */
    public void onRejected(final OuchRejectedDecoder rejected)
    {
        rememberReject(rejected.userRefNum(), rejected.reason());
        final int result = orders.onRejected(rejected.userRefNum(), rejected.reason(), nowNs);
        countOrderResult(result);
        if (OrderResult.OK == result)
        {
            venueRejected++;
        }
    }

    /** {@inheritDoc} */
    public void onCancelPending(final OuchCancelPendingDecoder cancelPending)
    {
        countOrderResult(orders.onCancelPending(cancelPending.userRefNum(), nowNs));
    }

    /** {@inheritDoc} */
    public void onCancelReject(final OuchCancelRejectDecoder cancelReject)
    {
        countOrderResult(orders.onCancelReject(cancelReject.userRefNum(), nowNs));
    }

    /** {@inheritDoc} */
    public void onPriorityUpdate(final OuchPriorityUpdateDecoder priorityUpdate)
    {
        priorityUpdates++;
    }

    /** {@inheritDoc} */
    public void onModified(final OuchModifiedDecoder modified)
    {
        countOrderResult(orders.onModified(modified.userRefNum(), modified.side(), modified.quantity(), nowNs));
    }

    /** {@inheritDoc} */
    public void onRestated(final OuchRestatedDecoder restated)
    {
        countOrderResult(orders.onRestated(restated.userRefNum(), restated.reason(), nowNs));
    }

    /** {@inheritDoc} */
    public void onAccountQueryResponse(final OuchAccountQueryResponseDecoder response)
    {
        final long nextUserRefNum = response.nextUserRefNum();
        lastNextUserRefNum = nextUserRefNum;
        // The venue's port may have seen higher numbers than this engine issued (a restarted engine): go past them.
        orders.advanceUserRefNum(nextUserRefNum);
        if (!reconcilePending)
        {
            return;
        }
        reconcilePending = false;
        collectedCount = 0;
        orders.forEachOpen(pendingCollector);
        for (int i = 0, n = collectedCount; i < n; i++)
        {
            final long userRefNum = collected[i];
            if (OrderState.PENDING_NEW == orders.state(userRefNum))
            {
                // An order sent after the query reaches the venue after it too: it is in flight, not lost.
                if (userRefNum >= nextUserRefNum && userRefNum < reconcileBelowUserRefNum)
                {
                    lostInFlight++;
                    rememberReject(userRefNum, LOST_IN_FLIGHT);
                    orders.onRejected(userRefNum, LOST_IN_FLIGHT, nowNs);
                }
            }
            else if (sendCancel(userRefNum))
            {
                cancelsResent++;
            }
        }
        if (gate.isHalted())
        {
            // A kill while the session was down could send no cancel: finish it now the venue hears us again.
            cancelAll(0, nowNs);
        }
    }

    // ---- order layer events ----

    /** {@inheritDoc} */
    public void onOrderState(final long userRefNum, final int strategySlot, final OrderState from, final OrderState to)
    {
        events.onOrderUpdate(strategySlot, userRefNum, from, to);
    }

    private boolean sendCancel(final long userRefNum)
    {
        cancelEncoder.wrap(scratch, 0).userRefNum(userRefNum).quantity(0);
        if (session.queueUnsequenced(scratch, 0, cancelEncoder.encodedLength()))
        {
            cancelsSent++;
            if (0 != tickNs)
            {
                flushPending = true;
            }
            else
            {
                session.flush();
            }
            return true;
        }
        return false;
    }

    private void flushTick()
    {
        flushPending = false;
        session.flush();
        if (ordersInTick > 0)
        {
            final long latencyNs = nanoClock.nanoTime() - tickNs;
            if (latencyNs >= 0 && latencyNs <= MAX_LATENCY_NS)
            {
                tickToSocket.recordValueWithCount(latencyNs, ordersInTick);
            }
            ordersInTick = 0;
        }
    }

    private void collectCancelable(
        final long userRefNum, final int strategySlot, final int stockLocate, final byte side,
        final long openQuantity, final long price, final OrderState state)
    {
        if ((0 == collectLocate || stockLocate == collectLocate) &&
            (OrderState.ACCEPTED == state || OrderState.PARTIALLY_FILLED == state) &&
            collectedCount < collected.length)
        {
            collected[collectedCount++] = userRefNum;
        }
    }

    private void collectPending(
        final long userRefNum, final int strategySlot, final int stockLocate, final byte side,
        final long openQuantity, final long price, final OrderState state)
    {
        if ((OrderState.PENDING_NEW == state || OrderState.CANCEL_PENDING == state) &&
            collectedCount < collected.length)
        {
            collected[collectedCount++] = userRefNum;
        }
    }

    private void putClOrdId(final int fieldOffset, final long triggerSequence)
    {
        int at = fieldOffset;
        if (triggerSequence > 0)
        {
            scratch.putByte(at++, (byte)'T');
            at += scratch.putLongAscii(at, triggerSequence);
        }
        final int end = fieldOffset + CL_ORD_ID_LENGTH;
        while (at < end)
        {
            scratch.putByte(at++, SPACE);
        }
    }

    private void rememberReject(final long userRefNum, final int reason)
    {
        if (OrderState.PENDING_NEW == orders.state(userRefNum))
        {
            rejects.add(userRefNum, orders.strategySlot(userRefNum), orders.stockLocate(userRefNum),
                orders.side(userRefNum), orders.originalQuantity(userRefNum), orders.price(userRefNum), reason, nowNs);
        }
    }

    private static void record(final Histogram histogram, final long latencyNs)
    {
        if (latencyNs >= 0 && latencyNs <= MAX_LATENCY_NS)
        {
            histogram.recordValue(latencyNs);
        }
    }

    private void countOrderResult(final int result)
    {
        if (OrderResult.UNKNOWN_ORDER == result)
        {
            ouchUnknownOrders++;
        }
        else if (OrderResult.OK != result)
        {
            ouchRejectedByOrders++;
        }
    }

    private int entryReject(final int code)
    {
        entryRejects[code]++;
        return code;
    }
}
