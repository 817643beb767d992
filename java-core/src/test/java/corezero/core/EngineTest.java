package corezero.core;

import corezero.sys.CpuPinning;
import corezero.telemetry.CounterStat;
import corezero.telemetry.CountersFile;
import corezero.telemetry.CountersFileDescriptor;
import corezero.telemetry.EngineCounter;
import org.agrona.concurrent.SystemEpochClock;
import org.agrona.concurrent.SystemNanoClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real engine: hot thread spinning pinned on the last online CPU, commands through the REPL-facing client,
 * counters read through the file as another process would. Each test closes its engine (its busy-spin thread).
 */
class EngineTest
{
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @TempDir
    Path tempDir;

    private Engine engine;

    @AfterEach
    void close()
    {
        if (engine != null)
        {
            engine.close();
        }
    }

    private static int hotCpu()
    {
        return CpuPinning.onlineCpus().length() - 1;
    }

    private Engine launch()
    {
        engine = Engine.launch(
            EngineConfig.defaults(0, hotCpu() == 0 ? -1 : hotCpu(), tempDir.resolve("run")),
            new SystemNanoClock(), SystemEpochClock.INSTANCE);
        return engine;
    }

    @Test
    void hotThreadIsPinnedAndSpinning() throws Exception
    {
        final int cpu = hotCpu();
        if (cpu == 0)
        {
            assertFalse("true".equals(System.getenv("CI")), "CI machines have at least two CPUs");
            System.out.println("EngineTest: single-CPU host, pinning not tested");
            return;
        }
        launch();
        assertEquals(cpu, engine.counter(EngineCounter.HOT_CPU));
        assertEquals(EngineState.RUNNING, engine.engineState());
        assertEquals(Engine.HOT_ROLE_NAME, engine.hotThread().getName());
        assertEquals(String.valueOf(cpu), ProcThreads.cpusAllowed(Engine.HOT_ROLE_NAME));

        final long cycles = engine.counter(EngineCounter.DUTY_CYCLES);
        TimeUnit.MILLISECONDS.sleep(50);
        assertTrue(engine.counter(EngineCounter.DUTY_CYCLES) > cycles + 1000, "a busy-spin agent cycles fast");
    }

    @Test
    void commandsTakeEffectAndCountersShowThem() throws Exception
    {
        launch();
        final CommandClient client = engine.commands();

        final CommandReply paused = client.pause(TIMEOUT);
        assertEquals(EngineState.PAUSED, paused.engineState());
        final long activeAtPause = engine.counter(EngineCounter.ACTIVE_CYCLES);
        final long dutyAtPause = engine.counter(EngineCounter.DUTY_CYCLES);
        TimeUnit.MILLISECONDS.sleep(20);
        assertEquals(activeAtPause, engine.counter(EngineCounter.ACTIVE_CYCLES));
        assertTrue(engine.counter(EngineCounter.DUTY_CYCLES) > dutyAtPause);

        final CommandReply resumed = client.resume(TIMEOUT);
        assertEquals(paused.inputSequence() + 1, resumed.inputSequence());
        TimeUnit.MILLISECONDS.sleep(20);
        assertTrue(engine.counter(EngineCounter.ACTIVE_CYCLES) > activeAtPause);

        client.setParam(2, "spread-ticks", 4, TIMEOUT);
        final EngineSnapshot snapshot = client.snapshot(TIMEOUT);
        assertEquals("spread-ticks", snapshot.paramKey(0));
        assertEquals(4, snapshot.paramValue(0));
        assertEquals(resumed.inputSequence() + 2, snapshot.inputSequence());

        final CommandException rejected =
            assertThrows(CommandException.class, () -> client.setParam(42, "x", 1, TIMEOUT));
        assertEquals(CommandException.Kind.REJECTED, rejected.kind());
        assertTrue(rejected.getMessage().contains("slot out of range"), rejected.getMessage());

        final CommandReply unknown = client.offerRaw(77, new byte[8], TIMEOUT);
        assertFalse(unknown.isApplied());
        assertEquals(RejectReason.UNKNOWN_COMMAND, unknown.reason());
        assertEquals(EngineState.RUNNING, engine.engineState());
        assertEquals(4, engine.counter(EngineCounter.COMMANDS_APPLIED));
        assertEquals(2, engine.counter(EngineCounter.COMMANDS_REJECTED));
    }

    @Test
    void countersAreReadableFromTheFileAsAnotherProcessWould() throws IOException
    {
        launch();
        final Path runDir = tempDir.resolve("run");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(runDir)));
        final CountersFile file = CountersFile.open(runDir.resolve(CountersFileDescriptor.FILE_NAME));
        assertEquals(ProcessHandle.current().pid(), file.pid());
        final String report = CounterStat.render(file, file.newReader());
        assertTrue(report.contains("duty-cycles"), report);
        assertTrue(report.contains("(running)"), report);
        assertTrue(report.contains("stall-threshold-ns"), report);
    }

    @Test
    void shutdownCommandStopsTheAgentAndLaterCommandsTimeOut()
    {
        launch();
        engine.commands().shutdown(TIMEOUT);
        assertTrue(engine.isStopRequested());
        engine.close();
        assertEquals(EngineState.STOPPED, engine.engineState());
        assertFalse(engine.hotThread().isAlive());

        final long start = System.nanoTime();
        final CommandException timeout =
            assertThrows(CommandException.class, () -> engine.commands().pause(Duration.ofMillis(200)));
        assertEquals(CommandException.Kind.TIMEOUT, timeout.kind());
        assertTrue(timeout.getMessage().contains("did not take effect within 200 ms"), timeout.getMessage());
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5));
        engine.close();
    }

    @Test
    void pinningToAnOfflineCpuRefusesToStartWithTheReason()
    {
        final IllegalStateException ex = assertThrows(IllegalStateException.class, () -> Engine.launch(
            EngineConfig.defaults(0, 4096, tempDir.resolve("bad")), new SystemNanoClock(), SystemEpochClock.INSTANCE));
        assertTrue(ex.getMessage().contains("cpu 4096 is not online"), ex.getMessage());
        assertNotNull(ex.getMessage());
    }
}
