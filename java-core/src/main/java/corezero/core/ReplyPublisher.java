package corezero.core;

import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;
import org.agrona.concurrent.status.AtomicCounter;

import static corezero.core.ReplyDescriptor.COMMAND_TYPE_OFFSET;
import static corezero.core.ReplyDescriptor.CORRELATION_ID_OFFSET;
import static corezero.core.ReplyDescriptor.ENGINE_STATE_OFFSET;
import static corezero.core.ReplyDescriptor.INPUT_SEQUENCE_OFFSET;
import static corezero.core.ReplyDescriptor.LENGTH;
import static corezero.core.ReplyDescriptor.REASON_OFFSET;
import static corezero.core.ReplyDescriptor.REPLY_TYPE_ID;
import static corezero.core.ReplyDescriptor.STATUS_APPLIED;
import static corezero.core.ReplyDescriptor.STATUS_OFFSET;
import static corezero.core.ReplyDescriptor.STATUS_REJECTED;

/**
 * Writes replies into the one-to-one reply ring in place (claim, fill, commit). Hot thread only. When the ring
 * is full the reply is dropped and counted: the agent never waits for core 0.
 */
public final class ReplyPublisher
{
    private final RingBuffer replyRing;
    private final AtomicBuffer buffer;
    private final AtomicCounter repliesDropped;

    /**
     * @param replyRing      ring read by core 0.
     * @param repliesDropped counter of replies that found the ring full.
     */
    public ReplyPublisher(final RingBuffer replyRing, final AtomicCounter repliesDropped)
    {
        this.replyRing = replyRing;
        this.buffer = replyRing.buffer();
        this.repliesDropped = repliesDropped;
    }

    /**
     * Publish one reply.
     *
     * @param correlationId command's correlation id.
     * @param inputSequence input sequence assigned to the command.
     * @param commandType   command type id as received.
     * @param reason        {@link RejectReason} code, NONE when applied.
     * @param engineState   state after the command.
     */
    public void publish(
        final long correlationId,
        final long inputSequence,
        final int commandType,
        final int reason,
        final int engineState)
    {
        final int index = replyRing.tryClaim(REPLY_TYPE_ID, LENGTH);
        if (index < 0)
        {
            repliesDropped.incrementRelease();
            return;
        }
        buffer.putLong(index + CORRELATION_ID_OFFSET, correlationId);
        buffer.putLong(index + INPUT_SEQUENCE_OFFSET, inputSequence);
        buffer.putInt(index + COMMAND_TYPE_OFFSET, commandType);
        buffer.putInt(index + STATUS_OFFSET, reason == RejectReason.NONE ? STATUS_APPLIED : STATUS_REJECTED);
        buffer.putInt(index + REASON_OFFSET, reason);
        buffer.putInt(index + ENGINE_STATE_OFFSET, engineState);
        // commit is a release store of the record length: core 0 sees every field above once it sees the record.
        replyRing.commit(index);
    }
}
