package corezero.bench;

import corezero.core.ReplyDescriptor;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.MessageHandler;

/**
 * Drains the reply ring without allocating: keeps the fields of the last reply read, so a benchmark can check
 * that its command came back applied. Stands in for {@link corezero.core.ReplyPoller}, whose futures and
 * decoded reply objects are control-path allocations measured separately.
 */
final class ReplySink implements MessageHandler
{
    long correlationId = Long.MIN_VALUE;
    long inputSequence;
    int status;
    int engineState;

    /** {@inheritDoc} */
    public void onMessage(final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
    {
        correlationId = buffer.getLong(index + ReplyDescriptor.CORRELATION_ID_OFFSET);
        inputSequence = buffer.getLong(index + ReplyDescriptor.INPUT_SEQUENCE_OFFSET);
        status = buffer.getInt(index + ReplyDescriptor.STATUS_OFFSET);
        engineState = buffer.getInt(index + ReplyDescriptor.ENGINE_STATE_OFFSET);
    }

    /**
     * Fail loudly if the last reply is not the applied answer to this command: a benchmark that measured a
     * rejected or lost command would report a number for the wrong path.
     *
     * @param expectedCorrelationId the command's correlation id.
     */
    void checkApplied(final long expectedCorrelationId)
    {
        if (correlationId != expectedCorrelationId || status != ReplyDescriptor.STATUS_APPLIED)
        {
            throw new IllegalStateException(
                "expected applied reply #" + expectedCorrelationId + ", last reply #" + correlationId +
                " status " + status);
        }
    }
}
