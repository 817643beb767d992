package corezero.bench;

import corezero.itch.MoldUdp64Descriptor;
import corezero.nic.FrameHandler;
import corezero.nic.FrameTransport;
import corezero.nic.RingTransport;
import corezero.sys.CpuPinning;
import corezero.sys.NativeSys;
import corezero.sys.NetworkNamespace;
import org.HdrHistogram.Histogram;
import org.agrona.DirectBuffer;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The engine side of the feed benchmark: one thread, pinned to the hot CPU, that opens one transport in the
 * engine's namespace and busy-polls it until told to stop. For every frame it reads the clock first, then records
 * {@code now - send time} and {@code now - scheduled time} (see {@link FeedLatencyDescriptor}) into HdrHistograms
 * and checks the MoldUDP64 sequence number; it also records its own loop's gaps over 1 µs (start of one poll to
 * the start of the next). Nothing on this path allocates: the histograms are sized up front (values are clamped
 * to 10 s) and reset in place when measurement starts.
 * <p>
 * The controlling thread moves it through {@link #WARMUP} (frames handled, nothing kept), {@link #MEASURE},
 * {@link #COUNT} (frames handled, nothing kept) and {@link #STOP}, in that order; the results are read after
 * {@link Thread#join}.
 */
final class FeedLatencyReceiver implements Runnable, FrameHandler
{
    /** Frames are handled and discarded. */
    static final int WARMUP = 0;
    /** Frames are recorded. */
    static final int MEASURE = 1;
    /** Frames are handled, nothing more is recorded (the system calls are being counted). */
    static final int COUNT = 2;
    /** The loop ends and the transport is closed. */
    static final int STOP = 3;

    /** Largest value recorded; longer ones are recorded as this. */
    static final long MAX_NS = TimeUnit.SECONDS.toNanos(10);
    /** A loop iteration longer than this is a hiccup. */
    static final long HICCUP_NS = 1_000;

    private static final int POLL_LIMIT = 16;

    private final FeedLatencyTransport transport;
    private final FeedLatencyTransport.Endpoint endpoint;
    private final String engineNs;
    private final int cpu;
    private final int fifoPriority;
    private final Histogram fromSend = new Histogram(MAX_NS, 3);
    private final Histogram fromSchedule = new Histogram(MAX_NS, 3);
    private final Histogram loopGaps = new Histogram(MAX_NS, 3);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    private volatile int phase = WARMUP;
    private volatile boolean ready;
    private volatile int tid;
    private volatile String description = "";
    private volatile String policy = "";

    // Receiver thread only. Recording from the start, so that the warm-up runs (and the JIT compiles) exactly the
    // code that is measured; the histograms are reset when measurement starts, and recording stops after it.
    private boolean recording = true;
    private boolean measuring;
    private long expectedSequence = 1;
    private long frames;
    private long gaps;
    private long reordered;
    private long negative;

    // Written by the receiver thread before it ends; read after join.
    private long measuredFrames;
    private long measuredGaps;
    private long measuredReordered;
    private long measuredNegative;
    private long loops;
    private long measureNs;
    private long ringDrops = -1;
    private long kicks = -1;

    /**
     * @param transport    what to receive with.
     * @param endpoint     where.
     * @param engineNs     the namespace to open it in.
     * @param cpu          the hot CPU.
     * @param fifoPriority SCHED_FIFO priority, or 0 to stay SCHED_OTHER.
     */
    FeedLatencyReceiver(
        final FeedLatencyTransport transport, final FeedLatencyTransport.Endpoint endpoint, final String engineNs,
        final int cpu, final int fifoPriority)
    {
        this.transport = transport;
        this.endpoint = endpoint;
        this.engineNs = engineNs;
        this.cpu = cpu;
        this.fifoPriority = fifoPriority;
    }

    /** {@inheritDoc} */
    public void run()
    {
        FrameTransport open = null;
        try
        {
            CpuPinning.pinCurrentThread(cpu);
            policy = schedule();
            tid = NativeSys.gettid();
            open = NetworkNamespace.call(engineNs, () -> transport.open(endpoint));
            description = open.description();
            ready = true;
            loop(open);
            if (open instanceof RingTransport)
            {
                ringDrops = ((RingTransport)open).ringDrops();
                kicks = ((RingTransport)open).kicks();
            }
        }
        catch (final Throwable ex)
        {
            failure.compareAndSet(null, ex);
        }
        finally
        {
            ready = true;
            if (null != open)
            {
                open.close();
            }
        }
    }

    private String schedule()
    {
        if (fifoPriority <= 0)
        {
            return "SCHED_OTHER";
        }
        final int errno = NativeSys.setSchedFifo(fifoPriority);
        return 0 == errno ? "SCHED_FIFO " + fifoPriority : "SCHED_OTHER (SCHED_FIFO refused, errno " + errno + ")";
    }

    private void loop(final FrameTransport open)
    {
        int seen = WARMUP;
        long measureStartNs = 0;
        long framesBefore = 0;
        long gapsBefore = 0;
        long reorderedBefore = 0;
        long negativeBefore = 0;
        long loopCount = 0;
        long previousNs = System.nanoTime();
        while (true)
        {
            final int phase = this.phase;
            if (phase != seen)
            {
                seen = phase;
                if (MEASURE == phase)
                {
                    fromSend.reset();
                    fromSchedule.reset();
                    loopGaps.reset();
                    framesBefore = frames;
                    gapsBefore = gaps;
                    reorderedBefore = reordered;
                    negativeBefore = negative;
                    loopCount = 0;
                    measuring = true;
                    measureStartNs = System.nanoTime();
                    previousNs = measureStartNs;
                    continue;
                }
                if (measuring)
                {
                    measuring = false;
                    recording = false;
                    measureNs = System.nanoTime() - measureStartNs;
                    measuredFrames = frames - framesBefore;
                    measuredGaps = gaps - gapsBefore;
                    measuredReordered = reordered - reorderedBefore;
                    measuredNegative = negative - negativeBefore;
                    loops = loopCount;
                }
                if (STOP == phase)
                {
                    break;
                }
            }

            final long nowNs = System.nanoTime();
            final long gapNs = nowNs - previousNs;
            previousNs = nowNs;
            if (gapNs > HICCUP_NS && recording)
            {
                loopGaps.recordValue(Math.min(gapNs, MAX_NS));
            }
            loopCount++;
            open.poll(this, POLL_LIMIT);
        }
    }

    /** {@inheritDoc} */
    public void onFrame(final DirectBuffer buffer, final int offset, final int length)
    {
        final long nowNs = System.nanoTime();
        if (length < FeedLatencyDescriptor.PACKET_LENGTH)
        {
            return;
        }
        frames++;
        final long sequence = MoldUdp64Descriptor.sequenceNumber(buffer, offset);
        if (sequence > expectedSequence)
        {
            gaps += sequence - expectedSequence;
        }
        else if (sequence < expectedSequence)
        {
            reordered++;
        }
        expectedSequence = Math.max(expectedSequence, sequence + 1);

        if (recording)
        {
            final long sentNs = FeedLatencyDescriptor.sentNs(buffer, offset);
            final long latencyNs = nowNs - sentNs;
            if (latencyNs < 0)
            {
                negative++;
            }
            fromSend.recordValue(Math.max(0, Math.min(latencyNs, MAX_NS)));
            final long scheduledNs = FeedLatencyDescriptor.scheduledNs(buffer, offset, sentNs);
            fromSchedule.recordValue(Math.max(0, Math.min(nowNs - scheduledNs, MAX_NS)));
        }
    }

    /** @param phase {@link #MEASURE}, {@link #COUNT} or {@link #STOP}; from the controlling thread. */
    void phase(final int phase)
    {
        this.phase = phase;
    }

    /** @return true once the transport is open (or opening failed: see {@link #failure()}). */
    boolean ready()
    {
        return ready;
    }

    /** @return the receiver thread's Linux thread id, once {@link #ready()}. */
    int tid()
    {
        return tid;
    }

    /** @return what went wrong, or null. */
    Throwable failure()
    {
        return failure.get();
    }

    /** @return the transport's own description, once ready. */
    String description()
    {
        return description;
    }

    /** @return the scheduling policy the thread runs under. */
    String policy()
    {
        return policy;
    }

    /** @return send → onFrame, ns, over the measurement; after join. */
    Histogram fromSend()
    {
        return fromSend;
    }

    /** @return scheduled send → onFrame, ns; after join. */
    Histogram fromSchedule()
    {
        return fromSchedule;
    }

    /** @return loop iterations over {@link #HICCUP_NS}, ns; after join. */
    Histogram loopGaps()
    {
        return loopGaps;
    }

    /** @return frames handled while measuring; after join. */
    long frames()
    {
        return measuredFrames;
    }

    /** @return sequence numbers skipped while measuring (lost packets); after join. */
    long gaps()
    {
        return measuredGaps;
    }

    /** @return packets that arrived behind a later one while measuring; after join. */
    long reordered()
    {
        return measuredReordered;
    }

    /** @return samples whose receive time was before their send time (clamped to 0); after join. */
    long negative()
    {
        return measuredNegative;
    }

    /** @return loop iterations while measuring; after join. */
    long loops()
    {
        return loops;
    }

    /** @return length of the measurement as the receiver saw it, ns; after join. */
    long measureNs()
    {
        return measureNs;
    }

    /** @return the ring's drop counter (TPACKET_V2: frames marked losing; AF_XDP: fill ring empty), or -1. */
    long ringDrops()
    {
        return ringDrops;
    }

    /** @return wake-up kicks (each a system call) of a ring transport, or -1. */
    long kicks()
    {
        return kicks;
    }
}
