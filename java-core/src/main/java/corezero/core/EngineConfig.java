package corezero.core;

import corezero.nic.FrameTransport;
import corezero.strategy.Strategy;
import org.agrona.concurrent.NanoClock;

import java.util.ArrayList;
import java.util.List;

import org.agrona.BitUtil;

import java.nio.file.Path;

/**
 * Validated engine settings. Built by the launcher from the EDN configuration (which reports bad keys with
 * their expected form); the constructor re-checks the invariants the Java side depends on.
 */
public final class EngineConfig
{
    /** Default command ring capacity in bytes. */
    public static final int DEFAULT_RING_CAPACITY = 64 * 1024;

    /** Default number of commands applied per duty cycle. */
    public static final int DEFAULT_COMMAND_DRAIN_LIMIT = 16;

    /** Default stall threshold: above the 20-50 us scheduler-tick gaps seen on these VMs. */
    public static final long DEFAULT_STALL_THRESHOLD_NS = 100_000;

    /** Default number of hand-off slots. */
    public static final int DEFAULT_HAND_OFF_SLOTS = 16;

    /** Default capacity of the order pool: open orders across all books. */
    public static final int DEFAULT_MAX_ORDERS = 1 << 20;

    /** Default price levels per side of one book. */
    public static final int DEFAULT_MAX_LEVELS_PER_SIDE = 4096;

    /** Default number of instruments (stock locates) with a book. */
    public static final int DEFAULT_MAX_BOOKS = 256;

    private final int opsCpu;
    private final int hotCpu;
    private final Path runDir;
    private final int commandRingCapacity;
    private final int replyRingCapacity;
    private final int commandDrainLimit;
    private final long stallThresholdNs;
    private final int handOffSlots;
    private final FeedConfig feed;
    private final int maxOrders;
    private final int maxLevelsPerSide;
    private final int maxBooks;
    private final OrderEntryConfig orderEntry;
    private final Strategy[] strategies;
    private final List<Param> params;
    private FrameTransport feedTransport;
    private NanoClock frameClock;
    private boolean kernelSentinel = true;

    /** A strategy parameter set before the hot thread starts. */
    public record Param(int slot, String key, long value)
    {
    }

    /**
     * @param opsCpu              CPU of the OS, the JVM's own threads and the REPL.
     * @param hotCpu              CPU of the trading agent, or -1 to leave it unpinned.
     * @param runDir              run directory: counters file, REPL socket, audit log.
     * @param commandRingCapacity command ring capacity in bytes, a power of two.
     * @param replyRingCapacity   reply ring capacity in bytes, a power of two.
     * @param commandDrainLimit   most commands applied per duty cycle, at least 1.
     * @param stallThresholdNs    duty cycles longer than this count as stalls.
     * @param handOffSlots        number of hand-off slots, at least 1.
     */
    public EngineConfig(
        final int opsCpu,
        final int hotCpu,
        final Path runDir,
        final int commandRingCapacity,
        final int replyRingCapacity,
        final int commandDrainLimit,
        final long stallThresholdNs,
        final int handOffSlots)
    {
        this(opsCpu, hotCpu, runDir, commandRingCapacity, replyRingCapacity, commandDrainLimit, stallThresholdNs,
            handOffSlots, null, DEFAULT_MAX_ORDERS, DEFAULT_MAX_LEVELS_PER_SIDE, DEFAULT_MAX_BOOKS, null,
            new Strategy[ParamTable.SLOT_COUNT], List.of());
    }

    private EngineConfig(
        final int opsCpu,
        final int hotCpu,
        final Path runDir,
        final int commandRingCapacity,
        final int replyRingCapacity,
        final int commandDrainLimit,
        final long stallThresholdNs,
        final int handOffSlots,
        final FeedConfig feed,
        final int maxOrders,
        final int maxLevelsPerSide,
        final int maxBooks,
        final OrderEntryConfig orderEntry,
        final Strategy[] strategies,
        final List<Param> params)
    {
        require(opsCpu >= 0, "ops-core", opsCpu, "a CPU index >= 0");
        require(hotCpu >= -1 && hotCpu != opsCpu, "hot-core", hotCpu, "a CPU index other than the ops core");
        require(runDir != null, "run-dir", runDir, "a directory path");
        require(BitUtil.isPowerOfTwo(commandRingCapacity) && commandRingCapacity >= 1024,
            "command-ring-bytes", commandRingCapacity, "a power of two >= 1024");
        require(BitUtil.isPowerOfTwo(replyRingCapacity) && replyRingCapacity >= 1024,
            "reply-ring-bytes", replyRingCapacity, "a power of two >= 1024");
        require(commandDrainLimit >= 1, "command-drain-limit", commandDrainLimit, "an integer >= 1");
        require(stallThresholdNs > 0, "stall-threshold-us", stallThresholdNs, "a positive duration");
        require(handOffSlots >= 1, "hand-off-slots", handOffSlots, "an integer >= 1");
        require(maxOrders >= 1, "books :max-orders", maxOrders, "an integer >= 1");
        require(maxLevelsPerSide >= 1, "books :max-levels", maxLevelsPerSide, "an integer >= 1");
        require(maxBooks >= 1 && maxBooks <= 65535, "books :max-books", maxBooks, "an integer 1..65535");
        this.opsCpu = opsCpu;
        this.hotCpu = hotCpu;
        this.runDir = runDir;
        this.commandRingCapacity = commandRingCapacity;
        this.replyRingCapacity = replyRingCapacity;
        this.commandDrainLimit = commandDrainLimit;
        this.stallThresholdNs = stallThresholdNs;
        this.handOffSlots = handOffSlots;
        this.feed = feed;
        this.maxOrders = maxOrders;
        this.maxLevelsPerSide = maxLevelsPerSide;
        this.maxBooks = maxBooks;
        this.orderEntry = orderEntry;
        this.strategies = strategies;
        this.params = params;
    }

    /**
     * The same settings with a market-data feed.
     *
     * @param feed the feed, or null for none.
     * @return a new config.
     */
    public EngineConfig withFeed(final FeedConfig feed)
    {
        return carry(new EngineConfig(opsCpu, hotCpu, runDir, commandRingCapacity, replyRingCapacity, commandDrainLimit,
            stallThresholdNs, handOffSlots, feed, maxOrders, maxLevelsPerSide, maxBooks, orderEntry, strategies,
            params));
    }

    /**
     * The same settings with an order path (it needs a feed: orders name instruments by their ITCH symbols).
     *
     * @param orderEntry the order session, pools and limits, or null for none.
     * @return a new config.
     */
    public EngineConfig withOrderEntry(final OrderEntryConfig orderEntry)
    {
        return carry(new EngineConfig(opsCpu, hotCpu, runDir, commandRingCapacity, replyRingCapacity, commandDrainLimit,
            stallThresholdNs, handOffSlots, feed, maxOrders, maxLevelsPerSide, maxBooks, orderEntry, strategies,
            params));
    }

    /**
     * The same settings with a strategy started in a slot when the engine starts.
     *
     * @param slot     0..{@link ParamTable#SLOT_COUNT} - 1.
     * @param strategy the strategy instance (owned by the engine from now on).
     * @return a new config.
     */
    public EngineConfig withStrategy(final int slot, final Strategy strategy)
    {
        require(slot >= 0 && slot < ParamTable.SLOT_COUNT, "strategies :slot", slot,
            "0.." + (ParamTable.SLOT_COUNT - 1));
        final Strategy[] copy = strategies.clone();
        copy[slot] = strategy;
        return carry(new EngineConfig(opsCpu, hotCpu, runDir, commandRingCapacity, replyRingCapacity, commandDrainLimit,
            stallThresholdNs, handOffSlots, feed, maxOrders, maxLevelsPerSide, maxBooks, orderEntry, copy, params));
    }

    /**
     * The same settings with a strategy parameter set before the hot thread starts, so a strategy sees it from
     * its first event.
     *
     * @param slot  strategy slot.
     * @param key   1..32 printable ASCII characters.
     * @param value the value.
     * @return a new config.
     */
    public EngineConfig withParam(final int slot, final String key, final long value)
    {
        require(slot >= 0 && slot < ParamTable.SLOT_COUNT, "strategies :slot", slot,
            "0.." + (ParamTable.SLOT_COUNT - 1));
        require(null != key && !key.isEmpty() && key.length() <= CommandDescriptor.MAX_KEY_LENGTH &&
            key.chars().allMatch(c -> CommandDescriptor.isKeyByte((byte)c) && c < 0x80),
            "strategies :params key", key, "1.." + CommandDescriptor.MAX_KEY_LENGTH + " printable ASCII characters");
        final List<Param> copy = new ArrayList<>(params);
        copy.add(new Param(slot, key, value));
        return carry(new EngineConfig(opsCpu, hotCpu, runDir, commandRingCapacity, replyRingCapacity, commandDrainLimit,
            stallThresholdNs, handOffSlots, feed, maxOrders, maxLevelsPerSide, maxBooks, orderEntry, strategies,
            List.copyOf(copy)));
    }

    /**
     * The same settings with a feed transport the caller built and owns until the engine closes it (a transport
     * this module does not open from configuration, a test's or a benchmark's): it replaces the one the
     * {@link #feed()} settings would open, which still give the recovery settings and the re-request address.
     *
     * @param transport  the live feed's frames; closed by the engine.
     * @param frameClock stamps each frame as it is handed over (the start of tick-to-trade); null for the engine's
     *                   own clock.
     * @return a new config.
     */
    public EngineConfig withFeedTransport(final FrameTransport transport, final NanoClock frameClock)
    {
        require(null != feed, "feed", null, "a :feed to go with a feed transport");
        final EngineConfig copy = new EngineConfig(opsCpu, hotCpu, runDir, commandRingCapacity, replyRingCapacity,
            commandDrainLimit, stallThresholdNs, handOffSlots, feed, maxOrders, maxLevelsPerSide, maxBooks, orderEntry,
            strategies, params);
        copy.feedTransport = transport;
        copy.frameClock = frameClock;
        copy.kernelSentinel = kernelSentinel;
        return copy;
    }

    /**
     * The same settings with the kernel sentinel on or off. On by default: perf events count the hot thread's
     * system calls, context switches, page faults and migrations. While its raw_syscalls tracepoint is registered the
     * kernel routes every system call on the machine through the tracing path (about 25 ns each, measured here),
     * which an engine whose order path is kernel TCP may not want.
     *
     * @param kernelSentinel whether to arm it.
     * @return a new config.
     */
    public EngineConfig withKernelSentinel(final boolean kernelSentinel)
    {
        final EngineConfig copy = carry(new EngineConfig(opsCpu, hotCpu, runDir, commandRingCapacity,
            replyRingCapacity, commandDrainLimit, stallThresholdNs, handOffSlots, feed, maxOrders, maxLevelsPerSide,
            maxBooks, orderEntry, strategies, params));
        copy.kernelSentinel = kernelSentinel;
        return copy;
    }

    /**
     * The same settings with other book capacities.
     *
     * @param maxOrders        open orders across all books.
     * @param maxLevelsPerSide price levels per side of one book.
     * @param maxBooks         instruments with a book.
     * @return a new config.
     */
    public EngineConfig withBooks(final int maxOrders, final int maxLevelsPerSide, final int maxBooks)
    {
        return carry(new EngineConfig(opsCpu, hotCpu, runDir, commandRingCapacity, replyRingCapacity, commandDrainLimit,
            stallThresholdNs, handOffSlots, feed, maxOrders, maxLevelsPerSide, maxBooks, orderEntry, strategies,
            params));
    }

    /**
     * Defaults for everything but the CPUs and the run directory.
     *
     * @param opsCpu ops CPU.
     * @param hotCpu hot CPU or -1.
     * @param runDir run directory.
     * @return the config.
     */
    public static EngineConfig defaults(final int opsCpu, final int hotCpu, final Path runDir)
    {
        return new EngineConfig(
            opsCpu, hotCpu, runDir, DEFAULT_RING_CAPACITY, DEFAULT_RING_CAPACITY, DEFAULT_COMMAND_DRAIN_LIMIT,
            DEFAULT_STALL_THRESHOLD_NS, DEFAULT_HAND_OFF_SLOTS);
    }

    private static void require(final boolean ok, final String key, final Object value, final String expected)
    {
        if (!ok)
        {
            throw new IllegalArgumentException("config :" + key + " is " + value + ", expected " + expected);
        }
    }

    /** @return ops CPU. */
    public int opsCpu()
    {
        return opsCpu;
    }

    /** @return hot CPU, -1 when unpinned. */
    public int hotCpu()
    {
        return hotCpu;
    }

    /** @return run directory. */
    public Path runDir()
    {
        return runDir;
    }

    /** @return command ring capacity, bytes. */
    public int commandRingCapacity()
    {
        return commandRingCapacity;
    }

    /** @return reply ring capacity, bytes. */
    public int replyRingCapacity()
    {
        return replyRingCapacity;
    }

    /** @return commands applied per duty cycle at most. */
    public int commandDrainLimit()
    {
        return commandDrainLimit;
    }

    /** @return stall threshold, ns. */
    public long stallThresholdNs()
    {
        return stallThresholdNs;
    }

    /** @return number of hand-off slots. */
    public int handOffSlots()
    {
        return handOffSlots;
    }

    /** @return the market-data feed, or null when the engine has none. */
    public FeedConfig feed()
    {
        return feed;
    }

    /** @return open orders across all books. */
    public int maxOrders()
    {
        return maxOrders;
    }

    /** @return price levels per side of one book. */
    public int maxLevelsPerSide()
    {
        return maxLevelsPerSide;
    }

    /** @return instruments with a book. */
    public int maxBooks()
    {
        return maxBooks;
    }

    /** @return the order path's settings, or null. */
    public OrderEntryConfig orderEntry()
    {
        return orderEntry;
    }

    /**
     * @param slot a strategy slot.
     * @return the strategy to start there, or null.
     */
    public Strategy strategy(final int slot)
    {
        return strategies[slot];
    }

    private EngineConfig carry(final EngineConfig next)
    {
        next.feedTransport = feedTransport;
        next.frameClock = frameClock;
        next.kernelSentinel = kernelSentinel;
        return next;
    }

    /** @return whether the kernel sentinel is armed on the hot thread. */
    public boolean kernelSentinel()
    {
        return kernelSentinel;
    }

    /** @return a feed transport built by the caller, or null to open the one the feed settings name. */
    public FrameTransport feedTransport()
    {
        return feedTransport;
    }

    /** @return the clock that stamps feed frames, or null for the engine's own. */
    public NanoClock frameClock()
    {
        return frameClock;
    }

    /** @return strategy parameters set before the hot thread starts, in order. */
    public List<Param> params()
    {
        return params;
    }
}
