package corezero.core;

import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.ringbuffer.RingBuffer;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import static corezero.core.ReplyDescriptor.COMMAND_TYPE_OFFSET;
import static corezero.core.ReplyDescriptor.CORRELATION_ID_OFFSET;
import static corezero.core.ReplyDescriptor.ENGINE_STATE_OFFSET;
import static corezero.core.ReplyDescriptor.INPUT_SEQUENCE_OFFSET;
import static corezero.core.ReplyDescriptor.LENGTH;
import static corezero.core.ReplyDescriptor.REASON_OFFSET;
import static corezero.core.ReplyDescriptor.REPLY_TYPE_ID;
import static corezero.core.ReplyDescriptor.STATUS_OFFSET;

/**
 * Core-0 agent that drains the reply ring (its single consumer) and completes the future waiting for each
 * correlation id. Replies nobody waits for any more (the caller timed out) are counted as orphans.
 */
public final class ReplyPoller implements Agent, MessageHandler
{
    private final RingBuffer replyRing;
    private final Map<Long, CompletableFuture<CommandReply>> pending = new ConcurrentHashMap<>();
    private final AtomicLong orphanReplies = new AtomicLong();

    /**
     * @param replyRing ring written by the agent.
     */
    public ReplyPoller(final RingBuffer replyRing)
    {
        this.replyRing = replyRing;
    }

    /** {@inheritDoc} */
    public String roleName()
    {
        return "cz-replies";
    }

    /** {@inheritDoc} */
    public int doWork()
    {
        return replyRing.read(this);
    }

    /**
     * Register interest in a reply before the command is offered, so a fast reply is never missed.
     *
     * @param correlationId id of the command about to be offered.
     * @return future completed with the reply.
     */
    public CompletableFuture<CommandReply> expect(final long correlationId)
    {
        final CompletableFuture<CommandReply> future = new CompletableFuture<>();
        pending.put(correlationId, future);
        return future;
    }

    /**
     * Stop waiting for a reply (timeout or failed offer).
     *
     * @param correlationId id.
     */
    public void forget(final long correlationId)
    {
        pending.remove(correlationId);
    }

    /** @return replies that arrived after their caller stopped waiting. */
    public long orphanReplies()
    {
        return orphanReplies.get();
    }

    /** {@inheritDoc} */
    public void onMessage(final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
    {
        if (msgTypeId != REPLY_TYPE_ID || length != LENGTH)
        {
            orphanReplies.incrementAndGet();
            return;
        }
        final CommandReply reply = new CommandReply(
            buffer.getLong(index + CORRELATION_ID_OFFSET),
            buffer.getLong(index + INPUT_SEQUENCE_OFFSET),
            buffer.getInt(index + COMMAND_TYPE_OFFSET),
            buffer.getInt(index + STATUS_OFFSET),
            buffer.getInt(index + REASON_OFFSET),
            buffer.getInt(index + ENGINE_STATE_OFFSET));
        final CompletableFuture<CommandReply> future = pending.remove(reply.correlationId());
        if (future == null)
        {
            orphanReplies.incrementAndGet();
        }
        else
        {
            future.complete(reply);
        }
    }
}
