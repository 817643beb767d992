package corezero.core;

import corezero.telemetry.EngineCounter;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The command channel end to end in one thread: proxy → command ring → adapter → agent → reply ring → poller.
 * The agent is stepped by hand so every outcome is deterministic.
 */
class CommandChannelTest
{
    private final AgentFixture fixture = new AgentFixture();

    private CommandReply send(final int commandType)
    {
        final long id = fixture.proxy.nextCorrelationId();
        final CompletableFuture<CommandReply> future = fixture.replyPoller.expect(id);
        assertTrue(fixture.proxy.offer(commandType, id));
        fixture.step(1);
        fixture.replyPoller.doWork();
        assertTrue(future.isDone(), "no reply for " + CommandType.name(commandType));
        return future.join();
    }

    private CommandReply sendRaw(final int msgTypeId, final byte[] body)
    {
        final long id = fixture.proxy.nextCorrelationId();
        for (int i = 0; i < Math.min(8, body.length); i++)
        {
            body[i] = (byte)(id >>> (8 * i));
        }
        final CompletableFuture<CommandReply> future = fixture.replyPoller.expect(id);
        assertTrue(fixture.proxy.offerRaw(msgTypeId, body));
        fixture.step(1);
        fixture.replyPoller.doWork();
        assertTrue(future.isDone(), "no reply for raw type " + msgTypeId);
        return future.join();
    }

    @Test
    void pauseFreezesActiveCyclesAndResumeRestartsThem()
    {
        fixture.step(10);
        assertEquals(10, fixture.counter(EngineCounter.ACTIVE_CYCLES));

        final CommandReply paused = send(CommandType.PAUSE);
        assertTrue(paused.isApplied());
        assertEquals(1, paused.inputSequence());
        assertEquals(EngineState.PAUSED, paused.engineState());
        final long activeAtPause = fixture.counter(EngineCounter.ACTIVE_CYCLES);

        fixture.step(100);
        assertEquals(activeAtPause, fixture.counter(EngineCounter.ACTIVE_CYCLES));
        assertEquals(111, fixture.counter(EngineCounter.DUTY_CYCLES));
        assertEquals(EngineState.PAUSED, fixture.counter(EngineCounter.ENGINE_STATE));

        final CommandReply resumed = send(CommandType.RESUME);
        assertTrue(resumed.isApplied());
        assertEquals(2, resumed.inputSequence());
        fixture.step(5);
        assertEquals(activeAtPause + 6, fixture.counter(EngineCounter.ACTIVE_CYCLES));
        assertEquals(2, fixture.counter(EngineCounter.COMMANDS_APPLIED));
        assertEquals(2, fixture.counter(EngineCounter.INPUT_SEQUENCE));
    }

    @Test
    void setParamStoresAndOverwritesByKey()
    {
        final long id = fixture.proxy.nextCorrelationId();
        final CompletableFuture<CommandReply> first = fixture.replyPoller.expect(id);
        assertTrue(fixture.proxy.setParam(id, 3, "max-qty", 500));
        final long id2 = fixture.proxy.nextCorrelationId();
        final CompletableFuture<CommandReply> second = fixture.replyPoller.expect(id2);
        assertTrue(fixture.proxy.setParam(id2, 3, "max-qty", 700));
        fixture.step(1);
        fixture.replyPoller.doWork();

        assertTrue(first.join().isApplied());
        assertTrue(second.join().isApplied());
        assertEquals(second.join().inputSequence(), first.join().inputSequence() + 1);
        final ParamTable params = fixture.agent.params();
        assertEquals(1, params.count(3));
        assertEquals("max-qty", params.key(3, 0));
        assertEquals(700, params.value(3, 0));
    }

    @Test
    void setParamOutOfRangeSlotIsRejected()
    {
        final long id = fixture.proxy.nextCorrelationId();
        final CompletableFuture<CommandReply> future = fixture.replyPoller.expect(id);
        assertTrue(fixture.proxy.setParam(id, ParamTable.SLOT_COUNT, "k", 1));
        fixture.step(1);
        fixture.replyPoller.doWork();
        final CommandReply reply = future.join();
        assertFalse(reply.isApplied());
        assertEquals(RejectReason.SLOT_OUT_OF_RANGE, reply.reason());
        assertEquals(1, fixture.counter(EngineCounter.COMMANDS_REJECTED));
        assertEquals(0, fixture.counter(EngineCounter.COMMANDS_APPLIED));
    }

    @Test
    void badKeysAreRejectedNotThrown()
    {
        assertEquals(RejectReason.BAD_KEY, sendRaw(CommandType.SET_PARAM, setParamBody(0, "has space", 1)).reason());
        assertEquals(RejectReason.BAD_KEY, sendRaw(CommandType.SET_PARAM, setParamBody(0, "", 1)).reason());
        assertEquals(RejectReason.BAD_KEY, sendRaw(CommandType.SET_PARAM, setParamBody(0, "k".repeat(33), 1)).reason());
        assertEquals(3, fixture.counter(EngineCounter.COMMANDS_REJECTED));
        assertEquals(0, fixture.agent.params().count(0));
    }

    @Test
    void malformedLengthsAreRejected()
    {
        // A pause with a trailing byte, a set-param whose key length disagrees with the record, a short snapshot.
        assertEquals(RejectReason.MALFORMED, sendRaw(CommandType.PAUSE, new byte[9]).reason());
        final byte[] lying = setParamBody(0, "abc", 1);
        lying[CommandDescriptor.KEY_LENGTH_OFFSET] = 5;
        assertEquals(RejectReason.MALFORMED, sendRaw(CommandType.SET_PARAM, lying).reason());
        assertEquals(RejectReason.MALFORMED, sendRaw(CommandType.SET_PARAM, new byte[12]).reason());
        assertEquals(RejectReason.MALFORMED, sendRaw(CommandType.SNAPSHOT, new byte[10]).reason());
        assertEquals(EngineState.RUNNING, fixture.agent.engineState());
    }

    @Test
    void unknownCommandIsRejectedAndEngineKeepsRunning()
    {
        final CommandReply reply = sendRaw(99, new byte[8]);
        assertFalse(reply.isApplied());
        assertEquals(RejectReason.UNKNOWN_COMMAND, reply.reason());
        assertEquals(99, reply.commandType());
        fixture.step(3);
        assertEquals(EngineState.RUNNING, fixture.counter(EngineCounter.ENGINE_STATE));
    }

    @Test
    void recordTooShortForACorrelationIdGetsANullCorrelationReply()
    {
        final List<CommandReply> orphans = new ArrayList<>();
        assertTrue(fixture.proxy.offerRaw(CommandType.PAUSE, new byte[3]));
        fixture.step(1);
        fixture.replyRing.read((type, buffer, index, length) -> orphans.add(new CommandReply(
            buffer.getLong(index + ReplyDescriptor.CORRELATION_ID_OFFSET),
            buffer.getLong(index + ReplyDescriptor.INPUT_SEQUENCE_OFFSET),
            buffer.getInt(index + ReplyDescriptor.COMMAND_TYPE_OFFSET),
            buffer.getInt(index + ReplyDescriptor.STATUS_OFFSET),
            buffer.getInt(index + ReplyDescriptor.REASON_OFFSET),
            buffer.getInt(index + ReplyDescriptor.ENGINE_STATE_OFFSET))));
        assertEquals(1, orphans.size());
        assertEquals(CommandAdapter.NULL_CORRELATION_ID, orphans.get(0).correlationId());
        assertEquals(RejectReason.MALFORMED, orphans.get(0).reason());
    }

    @Test
    void snapshotCopiesStateAndParams()
    {
        fixture.epochClock.update(1_580_000_000_000L);
        final long id = fixture.proxy.nextCorrelationId();
        fixture.replyPoller.expect(id);
        assertTrue(fixture.proxy.setParam(id, 1, "edge-ticks", 25));
        fixture.step(7);

        final EngineSnapshot snapshot = new EngineSnapshot();
        final int slot = fixture.handOffSlots.offer(snapshot);
        final long snapId = fixture.proxy.nextCorrelationId();
        final CompletableFuture<CommandReply> future = fixture.replyPoller.expect(snapId);
        assertTrue(fixture.proxy.snapshot(snapId, slot));
        fixture.step(1);
        fixture.replyPoller.doWork();

        assertTrue(future.join().isApplied());
        assertEquals(2, snapshot.inputSequence());
        assertEquals(EngineState.RUNNING, snapshot.engineState());
        assertEquals(7, snapshot.dutyCycles());
        assertEquals(1_580_000_000_000L, snapshot.epochTimeMs());
        assertEquals(1, snapshot.paramCount());
        assertEquals(1, snapshot.paramSlot(0));
        assertEquals("edge-ticks", snapshot.paramKey(0));
        assertEquals(25, snapshot.paramValue(0));
        assertEquals(null, fixture.handOffSlots.take(slot), "agent must take the object out of its slot");
    }

    @Test
    void snapshotOfEmptyOrWrongHandOffSlotIsRejected()
    {
        final long id = fixture.proxy.nextCorrelationId();
        final CompletableFuture<CommandReply> empty = fixture.replyPoller.expect(id);
        assertTrue(fixture.proxy.snapshot(id, 2));
        final long outOfRange = fixture.proxy.nextCorrelationId();
        final CompletableFuture<CommandReply> range = fixture.replyPoller.expect(outOfRange);
        assertTrue(fixture.proxy.snapshot(outOfRange, 1000));
        final int slot = fixture.handOffSlots.offer("not a snapshot");
        final long wrong = fixture.proxy.nextCorrelationId();
        final CompletableFuture<CommandReply> wrongType = fixture.replyPoller.expect(wrong);
        assertTrue(fixture.proxy.snapshot(wrong, slot));
        fixture.step(1);
        fixture.replyPoller.doWork();

        assertEquals(RejectReason.HAND_OFF_EMPTY, empty.join().reason());
        assertEquals(RejectReason.HAND_OFF_EMPTY, range.join().reason());
        assertEquals(RejectReason.HAND_OFF_WRONG_TYPE, wrongType.join().reason());
    }

    @Test
    void drainIsBoundedPerDutyCycle()
    {
        final AgentFixture bounded = new AgentFixture(64 * 1024, 64 * 1024, 4);
        for (int i = 0; i < 10; i++)
        {
            assertTrue(bounded.proxy.offer(CommandType.RESUME, bounded.proxy.nextCorrelationId()));
        }
        bounded.step(1);
        assertEquals(4, bounded.counter(EngineCounter.COMMANDS_APPLIED));
        bounded.step(1);
        assertEquals(8, bounded.counter(EngineCounter.COMMANDS_APPLIED));
        bounded.step(1);
        assertEquals(10, bounded.counter(EngineCounter.COMMANDS_APPLIED));
    }

    @Test
    void shutdownStopsAcceptingCommands()
    {
        assertTrue(send(CommandType.SHUTDOWN).isApplied());
        assertEquals(EngineState.STOPPING, fixture.counter(EngineCounter.ENGINE_STATE));
        final CommandReply late = send(CommandType.PAUSE);
        assertFalse(late.isApplied());
        assertEquals(RejectReason.SHUTTING_DOWN, late.reason());
    }

    @Test
    void fullReplyRingDropsAndCountsInsteadOfBlocking()
    {
        final AgentFixture tiny = new AgentFixture(64 * 1024, 1024, 1000);
        final int commands = 200;
        for (int i = 0; i < commands; i++)
        {
            assertTrue(tiny.proxy.offer(CommandType.RESUME, tiny.proxy.nextCorrelationId()));
        }
        tiny.step(1);
        final long dropped = tiny.counter(EngineCounter.REPLIES_DROPPED);
        assertEquals(commands, tiny.counter(EngineCounter.COMMANDS_APPLIED));
        assertTrue(dropped > 0, "a 1 KiB reply ring cannot hold 200 replies");
        assertEquals(commands - dropped, tiny.replyRing.read((t, b, i, l) -> { }, Integer.MAX_VALUE));
    }

    private static byte[] setParamBody(final int slot, final String key, final long value)
    {
        final byte[] keyBytes = key.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        final org.agrona.concurrent.UnsafeBuffer buffer =
            new org.agrona.concurrent.UnsafeBuffer(new byte[CommandDescriptor.setParamLength(keyBytes.length)]);
        buffer.putInt(CommandDescriptor.SLOT_OFFSET, slot);
        buffer.putLong(CommandDescriptor.VALUE_OFFSET, value);
        buffer.putInt(CommandDescriptor.KEY_LENGTH_OFFSET, keyBytes.length);
        buffer.putBytes(CommandDescriptor.KEY_OFFSET, keyBytes);
        return buffer.byteArray();
    }
}
