package corezero.bench;

import corezero.sentinel.KernelEntryCounters;
import org.HdrHistogram.Histogram;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;

/**
 * One phase of the feed benchmark: a fresh receiver thread opens one transport on the hot CPU, a fresh sender
 * thread sends to it from the venue namespace, the phase warms up, measures latency, then counts the receiver
 * thread's system calls and context switches for {@link #COUNT_NS} with the traffic unchanged
 * ({@link KernelEntryCounters} on its thread id, opened and read from this thread); then both threads end and the
 * transport is closed.
 * <p>
 * The counting has its own window, after the latency window, because it perturbs what it counts: while any
 * {@code raw_syscalls} tracepoint is enabled the kernel sends every system call of every thread through its slow
 * path (the tracepoint hook), which would add to kernel UDP's {@code recvfrom} per poll, and to the sender's
 * {@code sendto}, and to nothing on the ring paths.
 */
final class FeedLatencyPhase
{
    private static final long READY_TIMEOUT_MS = 10_000;
    private static final long JOIN_TIMEOUT_MS = 10_000;

    /** Length of the system call counting window. */
    static final long COUNT_NS = TimeUnit.SECONDS.toNanos(1);

    private FeedLatencyPhase()
    {
    }

    /**
     * What the benchmark needs to know about its setting.
     *
     * @param sender    the venue's send path, the same for every phase.
     * @param venue     the sender's namespace and veth.
     * @param engineNs  the receiver's namespace.
     * @param endpoint  the engine's veth, address, MAC and feed port.
     * @param senderCpu the sender's CPU (the ops CPU).
     * @param hotCpu    the receiver's CPU.
     * @param fifo      SCHED_FIFO priority of the receiver, or 0.
     */
    record Setting(
        FeedLatencySender.Path sender, FeedLatencySender.Venue venue, String engineNs,
        FeedLatencyTransport.Endpoint endpoint, int senderCpu, int hotCpu, int fifo)
    {
    }

    /**
     * One phase's figures.
     *
     * @param transport       what received.
     * @param round           1-based round, 0 for the throughput phases.
     * @param ratePerSecond   the sender's rate, 0 when unpaced.
     * @param description     the transport's own description.
     * @param policy          the receiver thread's scheduling policy.
     * @param fromSend        send → onFrame, ns.
     * @param fromSchedule    scheduled send → onFrame, ns.
     * @param loopGaps        receiver loop iterations over 1 µs, ns.
     * @param frames          frames received while measuring.
     * @param gaps            sequence numbers missing while measuring.
     * @param reordered       frames behind a later one.
     * @param negative        samples received before they were sent (clamped to 0).
     * @param loops           receiver loop iterations.
     * @param windowNs        the latency window, as this thread timed it.
     * @param countNs         the counting window, as this thread timed it.
     * @param syscalls        receiver thread's system calls in the counting window, or -1 if not counted.
     * @param contextSwitches its context switches, or -1.
     * @param sent            packets the sender sent in the latency window.
     * @param sendsNotSent    ring sends that found the TX ring full (each retried) in the latency window; 0 for UDP.
     * @param sendsAbandoned  packets the ring sender still held, for a full TX ring, when stopped.
     * @param sendKickErrors  TX kicks the kernel refused over the whole phase (ring sender).
     * @param senderDescription the send path as it describes itself.
     * @param ringDrops       the ring's own drop counter over the whole phase, or -1.
     * @param kicks           ring wake-up system calls over the whole phase, or -1.
     * @param gcCount         garbage collections in the window.
     * @param gcMillis        their time.
     * @param problem         why the phase failed, or null.
     */
    record Result(
        FeedLatencyTransport transport, int round, long ratePerSecond, String description, String policy,
        Histogram fromSend, Histogram fromSchedule, Histogram loopGaps, long frames, long gaps, long reordered,
        long negative, long loops, long windowNs, long countNs, long syscalls, long contextSwitches, long sent,
        long sendsNotSent, long sendsAbandoned, long sendKickErrors, String senderDescription, long ringDrops,
        long kicks, long gcCount, long gcMillis, String problem)
    {
        double seconds()
        {
            return windowNs / 1e9;
        }

        double countSeconds()
        {
            return Math.max(1, countNs) / 1e9;
        }
    }

    /**
     * @param setting       where to run.
     * @param transport     what to receive with; {@link FeedLatencyTransport#FLOOR} runs no sender.
     * @param round         to label the result.
     * @param ratePerSecond sender's rate, 0 for unpaced.
     * @param warmupNs      handled and discarded.
     * @param measureNs     recorded.
     * @return the figures; {@link Result#problem()} says if the phase failed.
     * @throws InterruptedException if interrupted.
     */
    static Result run(
        final Setting setting, final FeedLatencyTransport transport, final int round, final long ratePerSecond,
        final long warmupNs, final long measureNs) throws InterruptedException
    {
        final FeedLatencyReceiver receiver = new FeedLatencyReceiver(
            transport, setting.endpoint(), setting.engineNs(), setting.hotCpu(), setting.fifo());
        final Thread receiverThread = new Thread(receiver, "cz-feed-rx-" + transport.name().toLowerCase());
        receiverThread.setDaemon(true);
        receiverThread.start();
        final long readyDeadlineMs = System.currentTimeMillis() + READY_TIMEOUT_MS;
        while (!receiver.ready() && System.currentTimeMillis() < readyDeadlineMs)
        {
            TimeUnit.MILLISECONDS.sleep(1);
        }
        if (!receiver.ready() || null != receiver.failure())
        {
            receiver.phase(FeedLatencyReceiver.STOP);
            receiverThread.join(JOIN_TIMEOUT_MS);
            return failed(transport, round, ratePerSecond, receiver,
                null != receiver.failure() ? "open failed: " + receiver.failure() : "receiver not ready in 10 s");
        }

        String problem = null;
        FeedLatencySender sender = null;
        Thread senderThread = null;
        if (FeedLatencyTransport.FLOOR != transport)
        {
            sender = new FeedLatencySender(setting.sender(), setting.venue(), setting.endpoint(), setting.senderCpu(),
                ratePerSecond);
            senderThread = new Thread(sender, "cz-feed-tx");
            senderThread.setDaemon(true);
            senderThread.start();
        }

        TimeUnit.NANOSECONDS.sleep(warmupNs);
        final long gcCountBefore = gcCount();
        final long gcMillisBefore = gcMillis();
        final long sentBefore = null == sender ? 0 : sender.sent();
        final long notSentBefore = null == sender ? 0 : sender.notSent();
        final long startNs = System.nanoTime();
        receiver.phase(FeedLatencyReceiver.MEASURE);
        TimeUnit.NANOSECONDS.sleep(measureNs);
        receiver.phase(FeedLatencyReceiver.COUNT);
        final long sentAfter = null == sender ? 0 : sender.sent();
        final long notSentAfter = null == sender ? 0 : sender.notSent();
        final long windowNs = System.nanoTime() - startNs;
        final long gcCount = gcCount() - gcCountBefore;
        final long gcMillis = gcMillis() - gcMillisBefore;

        final long[] before = new long[4];
        final long[] after = new long[4];
        long countNs = 0;
        KernelEntryCounters counters = null;
        try
        {
            counters = KernelEntryCounters.open(receiver.tid());
            counters.readAll(before);
            final long countStartNs = System.nanoTime();
            TimeUnit.NANOSECONDS.sleep(COUNT_NS);
            counters.readAll(after);
            countNs = System.nanoTime() - countStartNs;
        }
        catch (final IllegalStateException ex)
        {
            problem = "system calls not counted: " + ex.getMessage();
            if (null != counters)
            {
                counters.close();
                counters = null;
            }
        }
        receiver.phase(FeedLatencyReceiver.STOP);

        if (null != sender)
        {
            sender.stop();
            senderThread.join(JOIN_TIMEOUT_MS);
            if (null != sender.failure())
            {
                problem = "sender failed: " + sender.failure();
            }
        }
        receiverThread.join(JOIN_TIMEOUT_MS);
        if (null != counters)
        {
            counters.close();
        }
        if (receiverThread.isAlive())
        {
            problem = "receiver did not stop";
        }
        else if (null != receiver.failure())
        {
            problem = "receiver failed: " + receiver.failure();
        }
        else if (FeedLatencyTransport.FLOOR != transport && 0 == receiver.frames())
        {
            problem = "no frame received while measuring";
        }

        return new Result(transport, round, ratePerSecond, receiver.description(), receiver.policy(),
            receiver.fromSend(), receiver.fromSchedule(), receiver.loopGaps(), receiver.frames(), receiver.gaps(),
            receiver.reordered(), receiver.negative(), receiver.loops(), windowNs, countNs,
            null == counters ? -1 : after[KernelEntryCounters.SYSCALLS] - before[KernelEntryCounters.SYSCALLS],
            null == counters ? -1 :
                after[KernelEntryCounters.CONTEXT_SWITCHES] - before[KernelEntryCounters.CONTEXT_SWITCHES],
            sentAfter - sentBefore, notSentAfter - notSentBefore, null == sender ? 0 : sender.abandoned(),
            null == sender ? 0 : sender.kickErrors(), null == sender ? "none" : sender.description(),
            receiver.ringDrops(), receiver.kicks(), gcCount, gcMillis, problem);
    }

    private static Result failed(
        final FeedLatencyTransport transport, final int round, final long ratePerSecond,
        final FeedLatencyReceiver receiver, final String problem)
    {
        final Histogram empty = new Histogram(FeedLatencyReceiver.MAX_NS, 3);
        return new Result(transport, round, ratePerSecond, receiver.description(), receiver.policy(), empty, empty,
            empty, 0, 0, 0, 0, 0, 1, 1, -1, -1, 0, 0, 0, 0, "none", -1, -1, 0, 0, problem);
    }

    private static long gcCount()
    {
        long count = 0;
        for (final GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans())
        {
            count += Math.max(0, gc.getCollectionCount());
        }
        return count;
    }

    private static long gcMillis()
    {
        long millis = 0;
        for (final GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans())
        {
            millis += Math.max(0, gc.getCollectionTime());
        }
        return millis;
    }
}
