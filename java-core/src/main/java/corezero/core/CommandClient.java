package corezero.core;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What the REPL calls: offers a command, waits for the agent's reply with a timeout, and turns a timeout, a full
 * ring or a rejection into a {@link CommandException} whose message says what to check. Core 0 only; any
 * number of REPL sessions may call it at once.
 */
public final class CommandClient
{
    private final CommandProxy proxy;
    private final ReplyPoller replies;
    private final HandOffSlots<Object> handOffSlots;

    /**
     * @param proxy        command encoder.
     * @param replies      reply dispatcher.
     * @param handOffSlots object slots shared with the agent.
     */
    public CommandClient(final CommandProxy proxy, final ReplyPoller replies, final HandOffSlots<Object> handOffSlots)
    {
        this.proxy = proxy;
        this.replies = replies;
        this.handOffSlots = handOffSlots;
    }

    /**
     * @param timeout how long to wait.
     * @return the reply.
     */
    public CommandReply pause(final Duration timeout)
    {
        return simple(CommandType.PAUSE, timeout);
    }

    /**
     * @param timeout how long to wait.
     * @return the reply.
     */
    public CommandReply resume(final Duration timeout)
    {
        return simple(CommandType.RESUME, timeout);
    }

    /**
     * @param timeout how long to wait.
     * @return the reply.
     */
    public CommandReply shutdown(final Duration timeout)
    {
        return simple(CommandType.SHUTDOWN, timeout);
    }

    /**
     * @param slot    strategy slot.
     * @param key     parameter key.
     * @param value   value.
     * @param timeout how long to wait.
     * @return the reply.
     */
    public CommandReply setParam(final int slot, final String key, final long value, final Duration timeout)
    {
        final long correlationId = proxy.nextCorrelationId();
        final CompletableFuture<CommandReply> future = replies.expect(correlationId);
        final boolean offered;
        try
        {
            offered = proxy.setParam(correlationId, slot, key, value);
        }
        catch (final IllegalArgumentException ex)
        {
            replies.forget(correlationId);
            throw ex;
        }
        return await(CommandType.SET_PARAM, correlationId, offered, future, timeout);
    }

    /**
     * Set a risk limit, or the trading state (key "trading-state": 0 ACTIVE, 1 REDUCING, 2 HALTED).
     *
     * @param key     limit key.
     * @param value   value.
     * @param timeout how long to wait.
     * @return the reply.
     */
    public CommandReply setLimit(final String key, final long value, final Duration timeout)
    {
        final long correlationId = proxy.nextCorrelationId();
        final CompletableFuture<CommandReply> future = replies.expect(correlationId);
        final boolean offered;
        try
        {
            offered = proxy.setLimit(correlationId, key, value);
        }
        catch (final IllegalArgumentException ex)
        {
            replies.forget(correlationId);
            throw ex;
        }
        return await(CommandType.SET_LIMIT, correlationId, offered, future, timeout);
    }

    /**
     * Cancel an instrument's open orders and close its position with immediate-or-cancel orders.
     *
     * @param symbol  e.g. "AAPL".
     * @param timeout how long to wait.
     * @return the reply.
     */
    public CommandReply flatten(final String symbol, final Duration timeout)
    {
        final long correlationId = proxy.nextCorrelationId();
        final CompletableFuture<CommandReply> future = replies.expect(correlationId);
        final boolean offered;
        try
        {
            offered = proxy.flatten(correlationId, symbol);
        }
        catch (final IllegalArgumentException ex)
        {
            replies.forget(correlationId);
            throw ex;
        }
        return await(CommandType.FLATTEN, correlationId, offered, future, timeout);
    }

    /**
     * @param timeout how long to wait.
     * @return the reply: the kill switch is on and cancels for every open order are on their way.
     */
    public CommandReply kill(final Duration timeout)
    {
        return simple(CommandType.KILL, timeout);
    }

    /**
     * @param timeout how long to wait.
     * @return the reply: trading is ACTIVE again.
     */
    public CommandReply unkill(final Duration timeout)
    {
        return simple(CommandType.UNKILL, timeout);
    }

    /**
     * @param timeout how long to wait.
     * @return the reply: cancels for every open order are on their way.
     */
    public CommandReply cancelAll(final Duration timeout)
    {
        return simple(CommandType.CANCEL_ALL, timeout);
    }

    /**
     * Ask the agent for a copy of its state.
     *
     * @param timeout how long to wait.
     * @return the filled snapshot.
     */
    public EngineSnapshot snapshot(final Duration timeout)
    {
        return fill(new EngineSnapshot(), timeout);
    }

    /**
     * Hand an object to the hot thread to be filled at a command boundary (an {@link EngineSnapshot}, a
     * {@link corezero.book.BookSnapshot}) and wait until it has been.
     *
     * @param target  the object to fill.
     * @param timeout how long to wait.
     * @param <T>     its type.
     * @return {@code target}, filled.
     */
    public <T> T fill(final T target, final Duration timeout)
    {
        return handOff(CommandType.SNAPSHOT, target, timeout);
    }

    /**
     * Hand a strategy change to the hot thread and wait until it has been applied at an event boundary.
     *
     * @param change  the change; its outcome, previous version and input sequence are filled in.
     * @param timeout how long to wait.
     * @return {@code change}, applied (read {@link corezero.strategy.StrategyChange#outcome()}).
     */
    public corezero.strategy.StrategyChange changeStrategy(
        final corezero.strategy.StrategyChange change, final Duration timeout)
    {
        return handOff(CommandType.STRATEGY, change, timeout);
    }

    private <T> T handOff(final int commandType, final T target, final Duration timeout)
    {
        final int handOffIndex = handOffSlots.offer(target);
        if (handOffIndex == HandOffSlots.NO_SLOT)
        {
            throw new CommandException(
                CommandException.Kind.BACK_PRESSURE,
                "snapshot not sent: all " + handOffSlots.capacity() + " hand-off slots are busy " +
                "(earlier requests the hot thread has not answered)",
                null);
        }
        final long correlationId = proxy.nextCorrelationId();
        final CompletableFuture<CommandReply> future = replies.expect(correlationId);
        try
        {
            await(commandType, correlationId, proxy.handOff(commandType, correlationId, handOffIndex), future, timeout);
            return target;
        }
        catch (final CommandException ex)
        {
            // If the agent never took the object, take it back so the slot is free again.
            handOffSlots.reclaim(handOffIndex, target);
            throw ex;
        }
    }

    /**
     * Offer raw bytes and wait for the reply: for probing the agent with malformed or unknown commands.
     *
     * @param msgTypeId type id.
     * @param body      record body; its first 8 bytes should be the correlation id to get the reply matched.
     * @param timeout   how long to wait.
     * @return the reply, applied or not (never throws for a rejection).
     */
    public CommandReply offerRaw(final int msgTypeId, final byte[] body, final Duration timeout)
    {
        final long correlationId = proxy.nextCorrelationId();
        final byte[] withId = body.clone();
        for (int i = 0; i < Math.min(8, withId.length); i++)
        {
            withId[i] = (byte)(correlationId >>> (8 * i));
        }
        final CompletableFuture<CommandReply> future = replies.expect(correlationId);
        if (!proxy.offerRaw(msgTypeId, withId))
        {
            replies.forget(correlationId);
            throw backPressure(msgTypeId);
        }
        return waitFor(msgTypeId, correlationId, future, timeout);
    }

    /** @return the proxy, for callers that manage correlation themselves. */
    public CommandProxy proxy()
    {
        return proxy;
    }

    private CommandReply simple(final int commandType, final Duration timeout)
    {
        final long correlationId = proxy.nextCorrelationId();
        final CompletableFuture<CommandReply> future = replies.expect(correlationId);
        return await(commandType, correlationId, proxy.offer(commandType, correlationId), future, timeout);
    }

    private CommandReply await(
        final int commandType,
        final long correlationId,
        final boolean offered,
        final CompletableFuture<CommandReply> future,
        final Duration timeout)
    {
        if (!offered)
        {
            replies.forget(correlationId);
            throw backPressure(commandType);
        }
        final CommandReply reply = waitFor(commandType, correlationId, future, timeout);
        if (!reply.isApplied())
        {
            throw new CommandException(
                CommandException.Kind.REJECTED,
                CommandType.name(commandType) + " rejected by the hot thread: " +
                RejectReason.describe(reply.reason()) + " (input " + reply.inputSequence() + ")",
                reply);
        }
        return reply;
    }

    private CommandReply waitFor(
        final int commandType,
        final long correlationId,
        final CompletableFuture<CommandReply> future,
        final Duration timeout)
    {
        try
        {
            return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        }
        catch (final TimeoutException ex)
        {
            replies.forget(correlationId);
            throw new CommandException(
                CommandException.Kind.TIMEOUT,
                CommandType.name(commandType) + " #" + correlationId + " did not take effect within " +
                timeout.toMillis() + " ms: the hot thread did not reply (stopped or stalled? check the " +
                "duty-cycles and stalls counters)",
                null);
        }
        catch (final InterruptedException ex)
        {
            replies.forget(correlationId);
            Thread.currentThread().interrupt();
            throw new CommandException(
                CommandException.Kind.TIMEOUT, CommandType.name(commandType) + " interrupted while waiting", null);
        }
        catch (final ExecutionException ex)
        {
            throw new IllegalStateException(ex.getCause());
        }
    }

    private static CommandException backPressure(final int commandType)
    {
        return new CommandException(
            CommandException.Kind.BACK_PRESSURE,
            CommandType.name(commandType) + " not sent: the command ring is full (the hot thread is not draining)",
            null);
    }
}
