package corezero.telemetry;

/**
 * The engine's counters: each has a stable type id (how readers find it), a short name (the REPL's keyword)
 * and a label (what {@code bin/corezero stat} prints).
 */
public enum EngineCounter
{
    /** Duty cycles completed by the hot thread, paused or not. */
    DUTY_CYCLES(1, "duty-cycles", "duty cycles"),
    /** Duty cycles that processed inputs; frozen while paused. */
    ACTIVE_CYCLES(2, "active-cycles", "active duty cycles (not paused)"),
    /** Commands that took effect. */
    COMMANDS_APPLIED(3, "commands-applied", "commands applied"),
    /** Commands refused: unknown, malformed, out of range. */
    COMMANDS_REJECTED(4, "commands-rejected", "commands rejected"),
    /** Longest duty cycle seen, ns. */
    MAX_DUTY_CYCLE_NS(5, "max-duty-cycle-ns", "max duty cycle ns"),
    /** Duty cycles longer than the stall threshold. */
    STALLS(6, "stalls", "duty-cycle stalls above threshold"),
    /** {@link corezero.core.EngineState} code. */
    ENGINE_STATE(7, "engine-state", "engine state (0 starting 1 running 2 paused 3 stopping 4 stopped)"),
    /** Sequence number of the last input (commands now, market data later). */
    INPUT_SEQUENCE(8, "input-sequence", "input sequence"),
    /** CPU the hot thread is pinned to; -1 until pinned or when pinning failed. */
    HOT_CPU(9, "hot-cpu", "hot thread cpu"),
    /** Replies the agent could not write because the reply ring was full. */
    REPLIES_DROPPED(10, "replies-dropped", "replies dropped (reply ring full)"),
    /** Errors caught by the agent runner. */
    AGENT_ERRORS(11, "agent-errors", "agent errors"),
    /** Stall threshold in force, ns. */
    STALL_THRESHOLD_NS(12, "stall-threshold-ns", "stall threshold ns"),

    /** MoldUDP64 packets taken in (live and retransmitted). */
    FEED_PACKETS(20, "feed-packets", "feed: MoldUDP64 packets"),
    /** ITCH messages delivered in sequence. */
    FEED_MESSAGES(21, "feed-messages", "feed: ITCH messages in sequence"),
    /** Heartbeat packets. */
    FEED_HEARTBEATS(22, "feed-heartbeats", "feed: heartbeats"),
    /** The next sequence number the feed expects. */
    FEED_NEXT_SEQUENCE(23, "feed-next-sequence", "feed: next expected sequence"),
    /** Gaps detected. */
    FEED_GAPS(24, "feed-gaps", "feed: gaps detected"),
    /** Gaps filled by retransmission. */
    FEED_GAPS_RECOVERED(25, "feed-gaps-recovered", "feed: gaps recovered"),
    /** Gaps given up. */
    FEED_GAPS_UNRECOVERABLE(26, "feed-gaps-unrecoverable", "feed: gaps unrecoverable"),
    /** Retransmission requests sent. */
    FEED_RETRANSMIT_REQUESTS(27, "feed-retransmit-requests", "feed: retransmission requests"),
    /** Duplicate packets dropped. */
    FEED_DUPLICATES(28, "feed-duplicates", "feed: duplicate packets dropped"),
    /** Packets older than the expected sequence dropped. */
    FEED_OLD_PACKETS(29, "feed-old-packets", "feed: old packets dropped"),
    /** Packets shorter than their header or blocks. */
    FEED_TRUNCATED(30, "feed-truncated", "feed: truncated packets"),
    /** Message blocks whose length runs past the packet. */
    FEED_BAD_BLOCKS(31, "feed-bad-blocks", "feed: bad block lengths"),
    /** Packets of another session. */
    FEED_SESSION_MISMATCHES(32, "feed-session-mismatches", "feed: session mismatches"),
    /** Packets that did not fit the recovery buffer. */
    FEED_RECOVERY_OVERFLOWS(33, "feed-recovery-overflows", "feed: recovery buffer overflows"),
    /** 1 while books are stale (a gap is open), else 0. */
    FEED_STALE(34, "feed-stale", "feed: books stale (1) or live (0)"),
    /** End-of-session packets seen. */
    FEED_END_OF_SESSION(35, "feed-end-of-session", "feed: end-of-session packets"),
    /** ITCH messages of a type the spec does not define. */
    ITCH_UNKNOWN_TYPES(36, "itch-unknown-types", "itch: unknown message types"),
    /** ITCH messages whose length disagrees with their type. */
    ITCH_BAD_LENGTHS(37, "itch-bad-lengths", "itch: lengths that disagree with the type"),
    /** Orders open across all books. */
    BOOK_OPEN_ORDERS(38, "book-open-orders", "books: open orders"),
    /** Executions, cancels, deletes or replaces of an order the books do not hold. */
    BOOK_UNKNOWN_ORDERS(39, "book-unknown-orders", "books: unknown order references"),
    /** Adds of an order reference already open. */
    BOOK_DUPLICATE_ORDERS(40, "book-duplicate-orders", "books: duplicate order references"),
    /** Executions larger than the order. */
    BOOK_EXECUTIONS_EXCEEDING(41, "book-executions-exceeding", "books: executions larger than the order"),
    /** Cancels larger than the order. */
    BOOK_CANCELS_EXCEEDING(42, "book-cancels-exceeding", "books: cancels larger than the order"),
    /** Adds refused because the order pool is full. */
    BOOK_POOL_EXHAUSTED(43, "book-pool-exhausted", "books: order pool exhausted"),
    /** Adds refused because a side has no free price level. */
    BOOK_LEVELS_EXHAUSTED(44, "book-levels-exhausted", "books: price levels exhausted"),
    /** Bad side, bad locate or locate mismatch. */
    BOOK_OTHER_REJECTS(45, "book-other-rejects", "books: bad side, locate or locate mismatch"),

    /** 1 while the OUCH session is logged in. */
    ORDER_SESSION_UP(60, "order-session-up", "orders: OUCH session logged in (1) or not (0)"),
    /** Reconnect attempts of the OUCH session. */
    ORDER_SESSION_RECONNECTS(61, "order-session-reconnects", "orders: session reconnect attempts"),
    /** Enter Orders sent. */
    ORDERS_SENT(62, "orders-sent", "orders: Enter Orders sent"),
    /** Cancel Orders sent. */
    CANCELS_SENT(63, "cancels-sent", "orders: Cancel Orders sent"),
    /** Live orders. */
    ORDERS_OPEN(64, "orders-open", "orders: live orders"),
    /** Executions received. */
    FILLS(65, "fills", "orders: executions"),
    /** Orders the risk gate refused. */
    RISK_REJECTS(66, "risk-rejects", "risk: orders refused"),
    /** Trading state: 0 ACTIVE, 1 REDUCING, 2 HALTED. */
    TRADING_STATE(67, "trading-state", "risk: trading state (0 active 1 reducing 2 halted)"),
    /** OUCH messages that did not decode or named unknown orders. */
    OUCH_ERRORS(68, "ouch-errors", "orders: OUCH messages malformed or for unknown orders"),
    /** Faults caught at strategy slot boundaries. */
    STRATEGY_FAULTS(69, "strategy-faults", "strategies: faults caught (slot quarantined)"),
    /** Frames a native feed transport took from its ring (AF_XDP or TPACKET_V2), malformed ones included. */
    NIC_FRAMES(70, "nic-frames", "nic: frames taken from the ring"),
    /** Raw frames refused by the Ethernet/IPv4/UDP checks (short, bad checksums, fragments, wrong address). */
    NIC_MALFORMED(71, "nic-malformed", "nic: malformed frames counted and ignored"),
    /** Frames the kernel dropped for the ring's socket (full RX ring, empty fill ring), from its statistics. */
    NIC_RING_DROPS(72, "nic-ring-drops", "nic: frames the kernel dropped for the ring (its socket statistics)"),
    /** Wakeup kicks made by the hot thread (a system call each: TX, or RX under need_wakeup). */
    NIC_KICKS(73, "nic-kicks", "nic: wakeup kicks (syscalls) by the hot thread"),
    /** Frames sent through the TX ring (MoldUDP64 re-requests). */
    NIC_FRAMES_SENT(74, "nic-frames-sent", "nic: frames sent through the TX ring"),
    /** System calls made by the hot thread since the kernel sentinel was armed. */
    HOT_SYSCALLS(80, "hot-syscalls", "sentinel: hot thread system calls"),
    /** Context switches of the hot thread since the sentinel was armed. */
    HOT_CONTEXT_SWITCHES(81, "hot-context-switches", "sentinel: hot thread context switches"),
    /** Page faults of the hot thread since the sentinel was armed. */
    HOT_PAGE_FAULTS(82, "hot-page-faults", "sentinel: hot thread page faults"),
    /** CPU migrations of the hot thread since the sentinel was armed. */
    HOT_MIGRATIONS(83, "hot-migrations", "sentinel: hot thread CPU migrations"),
    /** 1 when the kernel sentinel counts the hot thread, 0 when it could not be armed. */
    SENTINEL_ARMED(84, "sentinel-armed", "sentinel: kernel counters armed (1) or unavailable (0)");

    private final int typeId;
    private final String shortName;
    private final String label;

    EngineCounter(final int typeId, final String shortName, final String label)
    {
        this.typeId = typeId;
        this.shortName = shortName;
        this.label = label;
    }

    /** @return type id stored in the counter's metadata. */
    public int typeId()
    {
        return typeId;
    }

    /** @return short kebab-case name. */
    public String shortName()
    {
        return shortName;
    }

    /** @return label stored in the counter's metadata. */
    public String label()
    {
        return label;
    }

    /**
     * Find by type id.
     *
     * @param typeId type id.
     * @return the counter or null when not an engine counter.
     */
    public static EngineCounter forTypeId(final int typeId)
    {
        for (final EngineCounter counter : values())
        {
            if (counter.typeId == typeId)
            {
                return counter;
            }
        }
        return null;
    }
}
