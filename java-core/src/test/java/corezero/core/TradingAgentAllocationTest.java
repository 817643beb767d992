package corezero.core;

import corezero.telemetry.EngineCounter;
import org.agrona.concurrent.MessageHandler;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The duty cycle allocates nothing after warm-up: measured with the agent thread's own allocation counter
 * (ThreadMXBean) over two million iterations, while a second thread, playing core 0, keeps offering commands of
 * every kind (pause, resume, set-param, unknown) and draining the replies.
 */
class TradingAgentAllocationTest
{
    private static final int WARM_UP_ITERATIONS = 3_000_000;
    private static final int MEASURED_ITERATIONS = 3_000_000;
    private static final MessageHandler IGNORE_REPLY = (type, buffer, index, length) -> { };

    @Test
    void dutyCycleAllocatesZeroBytesPerIterationAfterWarmUp() throws InterruptedException
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported());
        threads.setThreadAllocatedMemoryEnabled(true);

        final AgentFixture fixture = AgentFixture.withSystemClocks();
        final AtomicLong allocatedBytes = new AtomicLong(-1);
        final AtomicLong appliedWhileMeasured = new AtomicLong();
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        final AtomicBoolean agentDone = new AtomicBoolean();

        final Thread agentThread = new Thread(() ->
        {
            try
            {
                step(fixture, WARM_UP_ITERATIONS);
                final long appliedBefore = fixture.counter(EngineCounter.COMMANDS_APPLIED) +
                    fixture.counter(EngineCounter.COMMANDS_REJECTED);
                final long before = threads.getCurrentThreadAllocatedBytes();
                step(fixture, MEASURED_ITERATIONS);
                final long after = threads.getCurrentThreadAllocatedBytes();
                allocatedBytes.set(after - before);
                appliedWhileMeasured.set(fixture.counter(EngineCounter.COMMANDS_APPLIED) +
                    fixture.counter(EngineCounter.COMMANDS_REJECTED) - appliedBefore);
            }
            catch (final Throwable t)
            {
                failure.set(t);
            }
            finally
            {
                agentDone.set(true);
            }
        }, "allocation-test-agent");

        final Thread opsThread = new Thread(() ->
        {
            int n = 0;
            while (!agentDone.get())
            {
                offerCommand(fixture.proxy, n++);
                fixture.replyRing.read(IGNORE_REPLY, Integer.MAX_VALUE);
                LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(50));
            }
        }, "allocation-test-ops");

        opsThread.start();
        agentThread.start();
        agentThread.join();
        opsThread.join();

        assertNull(failure.get());
        assertEquals(WARM_UP_ITERATIONS + MEASURED_ITERATIONS, fixture.counter(EngineCounter.DUTY_CYCLES));
        assertTrue(appliedWhileMeasured.get() > 100,
            "commands must flow while measuring; handled: " + appliedWhileMeasured.get());
        assertEquals(0L, allocatedBytes.get(), "bytes allocated by the agent thread over " +
            MEASURED_ITERATIONS + " duty cycles (" + appliedWhileMeasured.get() + " commands)");
    }

    private static void step(final AgentFixture fixture, final int iterations)
    {
        final TradingAgent agent = fixture.agent;
        for (int i = 0; i < iterations; i++)
        {
            agent.doWork();
        }
    }

    private static void offerCommand(final CommandProxy proxy, final int n)
    {
        final long id = proxy.nextCorrelationId();
        switch (n % 4)
        {
            case 0:
                proxy.offer(CommandType.PAUSE, id);
                break;
            case 1:
                proxy.offer(CommandType.RESUME, id);
                break;
            case 2:
                proxy.setParam(id, n % ParamTable.SLOT_COUNT, "key-" + (n % 5), n);
                break;
            default:
                proxy.offer(99, id);
                break;
        }
    }
}
