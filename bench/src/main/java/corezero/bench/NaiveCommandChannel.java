package corezero.bench;

import corezero.core.CommandDescriptor;
import corezero.core.CommandReply;
import corezero.core.CommandType;
import corezero.core.EngineConfig;
import corezero.core.EngineState;
import corezero.core.ParamTable;
import corezero.core.RejectReason;
import corezero.core.ReplyDescriptor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The command channel done the obvious way, as the peer of the ring channel: core 0 puts a command object into a
 * {@code java.util.concurrent} queue, the agent polls it, applies it to plain fields and a {@code HashMap} per
 * strategy slot, and puts a {@link CommandReply} into a second queue of the same kind. The semantics match the
 * ring channel (an input sequence per command, slot and table-full checks, one reply per command); the costs are
 * the obvious ones: objects per command and reply, boxed values, and whatever the queue does per element.
 * <p>
 * It has no duty cycle around it: no clock reads and no counters, which the ring channel's round trip pays
 * inside {@code TradingAgent.doWork()}. The comparison therefore flatters this peer.
 */
final class NaiveCommandChannel
{
    /** Queue holding at most this many commands or replies, when the queue kind is bounded. */
    static final int BOUNDED_CAPACITY = 1024;

    private final Queue<Command> commands;
    private final Queue<CommandReply> replies;
    private final AtomicLong correlationIds = new AtomicLong();
    private final List<Map<String, Long>> params = new ArrayList<>(ParamTable.SLOT_COUNT);
    private int engineState = EngineState.RUNNING;
    private long inputSequence;

    /**
     * @param queueKind "ArrayBlockingQueue" or "ConcurrentLinkedQueue", used for both directions.
     */
    NaiveCommandChannel(final String queueKind)
    {
        commands = newQueue(queueKind);
        replies = newQueue(queueKind);
        for (int slot = 0; slot < ParamTable.SLOT_COUNT; slot++)
        {
            params.add(new HashMap<>());
        }
    }

    /** @return a fresh correlation id (an atomic increment, as the ring's own correlation counter is). */
    long nextCorrelationId()
    {
        return correlationIds.incrementAndGet();
    }

    /**
     * Core 0: offer PAUSE, RESUME or SHUTDOWN.
     *
     * @param commandType   command type id.
     * @param correlationId correlation id.
     * @return true if queued.
     */
    boolean offer(final int commandType, final long correlationId)
    {
        return commands.offer(new Command(commandType, correlationId, 0, "", 0));
    }

    /**
     * Core 0: offer SET_PARAM.
     *
     * @param correlationId correlation id.
     * @param slot          strategy slot.
     * @param key           parameter key.
     * @param value         value.
     * @return true if queued.
     */
    boolean offerSetParam(final long correlationId, final int slot, final String key, final long value)
    {
        return commands.offer(new Command(CommandType.SET_PARAM, correlationId, slot, key, value));
    }

    /**
     * Agent: apply up to the engine's drain limit of queued commands, replying to each.
     *
     * @return number of commands applied or rejected.
     */
    int doWork()
    {
        int workCount = 0;
        Command command;
        while (workCount < EngineConfig.DEFAULT_COMMAND_DRAIN_LIMIT && (command = commands.poll()) != null)
        {
            final int reason = apply(command);
            replies.offer(new CommandReply(
                command.correlationId,
                inputSequence,
                command.type,
                reason == RejectReason.NONE ? ReplyDescriptor.STATUS_APPLIED : ReplyDescriptor.STATUS_REJECTED,
                reason,
                engineState));
            workCount++;
        }
        return workCount;
    }

    /**
     * Core 0: take the next reply.
     *
     * @return the reply or null when there is none.
     */
    CommandReply pollReply()
    {
        return replies.poll();
    }

    private int apply(final Command command)
    {
        ++inputSequence;
        switch (command.type)
        {
            case CommandType.PAUSE:
                engineState = EngineState.PAUSED;
                return RejectReason.NONE;

            case CommandType.RESUME:
                engineState = EngineState.RUNNING;
                return RejectReason.NONE;

            case CommandType.SHUTDOWN:
                engineState = EngineState.STOPPING;
                return RejectReason.NONE;

            case CommandType.SET_PARAM:
                return setParam(command.slot, command.key, command.value);

            default:
                return RejectReason.UNKNOWN_COMMAND;
        }
    }

    private int setParam(final int slot, final String key, final long value)
    {
        if (key.isEmpty() || key.length() > CommandDescriptor.MAX_KEY_LENGTH)
        {
            return RejectReason.BAD_KEY;
        }
        if (slot < 0 || slot >= ParamTable.SLOT_COUNT)
        {
            return RejectReason.SLOT_OUT_OF_RANGE;
        }
        final Map<String, Long> slotParams = params.get(slot);
        if (!slotParams.containsKey(key) && slotParams.size() == ParamTable.PARAMS_PER_SLOT)
        {
            return RejectReason.PARAM_TABLE_FULL;
        }
        slotParams.put(key, value);
        return RejectReason.NONE;
    }

    private static <E> Queue<E> newQueue(final String queueKind)
    {
        switch (queueKind)
        {
            case "ArrayBlockingQueue":
                return new ArrayBlockingQueue<>(BOUNDED_CAPACITY);

            case "ConcurrentLinkedQueue":
                return new ConcurrentLinkedQueue<>();

            default:
                throw new IllegalArgumentException("unknown queue kind: " + queueKind);
        }
    }

    /** A command as an object: what the ring channel encodes in place instead. */
    static final class Command
    {
        final int type;
        final long correlationId;
        final int slot;
        final String key;
        final long value;

        Command(final int type, final long correlationId, final int slot, final String key, final long value)
        {
            this.type = type;
            this.correlationId = correlationId;
            this.slot = slot;
            this.key = key;
            this.value = value;
        }
    }
}
