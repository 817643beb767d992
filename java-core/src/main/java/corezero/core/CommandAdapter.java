package corezero.core;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.status.AtomicCounter;

import static corezero.core.CommandDescriptor.BASE_LENGTH;
import static corezero.core.CommandDescriptor.CORRELATION_ID_OFFSET;
import static corezero.core.CommandDescriptor.HAND_OFF_INDEX_OFFSET;
import static corezero.core.CommandDescriptor.KEY_LENGTH_OFFSET;
import static corezero.core.CommandDescriptor.KEY_OFFSET;
import static corezero.core.CommandDescriptor.MAX_KEY_LENGTH;
import static corezero.core.CommandDescriptor.SLOT_OFFSET;
import static corezero.core.CommandDescriptor.SNAPSHOT_LENGTH;
import static corezero.core.CommandDescriptor.VALUE_OFFSET;

/**
 * Hot-thread side of the command channel: decodes each record drained from the command ring, checks it against
 * {@link CommandDescriptor}, hands it to the {@link CommandListener} and answers through the
 * {@link ReplyPublisher}. Every record gets exactly one reply; malformed and unknown records are rejected and
 * counted, never thrown.
 */
public final class CommandAdapter implements MessageHandler
{
    /** Correlation id in the reply to a record too short to carry one. */
    public static final long NULL_CORRELATION_ID = -1;

    private final CommandListener listener;
    private final ReplyPublisher replies;
    private final AtomicCounter applied;
    private final AtomicCounter rejected;
    private final AtomicCounter inputSequenceCounter;

    /**
     * @param listener             applies commands.
     * @param replies              publishes replies.
     * @param applied              counter of applied commands.
     * @param rejected             counter of rejected commands.
     * @param inputSequenceCounter counter showing the last input sequence.
     */
    public CommandAdapter(
        final CommandListener listener,
        final ReplyPublisher replies,
        final AtomicCounter applied,
        final AtomicCounter rejected,
        final AtomicCounter inputSequenceCounter)
    {
        this.listener = listener;
        this.replies = replies;
        this.applied = applied;
        this.rejected = rejected;
        this.inputSequenceCounter = inputSequenceCounter;
    }

    /** {@inheritDoc} */
    public void onMessage(final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
    {
        final long inputSequence = listener.nextInputSequence();
        inputSequenceCounter.setRelease(inputSequence);
        if (length < BASE_LENGTH)
        {
            reply(NULL_CORRELATION_ID, inputSequence, msgTypeId, RejectReason.MALFORMED);
            return;
        }

        final long correlationId = buffer.getLong(index + CORRELATION_ID_OFFSET);
        final int reason;
        switch (msgTypeId)
        {
            case CommandType.PAUSE:
                reason = length == BASE_LENGTH ? listener.onPause() : RejectReason.MALFORMED;
                break;

            case CommandType.RESUME:
                reason = length == BASE_LENGTH ? listener.onResume() : RejectReason.MALFORMED;
                break;

            case CommandType.SHUTDOWN:
                reason = length == BASE_LENGTH ? listener.onShutdown() : RejectReason.MALFORMED;
                break;

            case CommandType.SET_PARAM:
            case CommandType.SET_LIMIT:
            case CommandType.FLATTEN:
                reason = onKeyed(msgTypeId, buffer, index, length);
                break;

            case CommandType.STRATEGY:
                reason = length == SNAPSHOT_LENGTH ?
                    listener.onStrategyChange(buffer.getInt(index + HAND_OFF_INDEX_OFFSET)) : RejectReason.MALFORMED;
                break;

            case CommandType.KILL:
                reason = length == BASE_LENGTH ? listener.onKill() : RejectReason.MALFORMED;
                break;

            case CommandType.UNKILL:
                reason = length == BASE_LENGTH ? listener.onUnkill() : RejectReason.MALFORMED;
                break;

            case CommandType.CANCEL_ALL:
                reason = length == BASE_LENGTH ? listener.onCancelAll() : RejectReason.MALFORMED;
                break;

            case CommandType.SNAPSHOT:
                reason = length == SNAPSHOT_LENGTH ?
                    listener.onSnapshot(buffer.getInt(index + HAND_OFF_INDEX_OFFSET)) : RejectReason.MALFORMED;
                break;

            default:
                reason = RejectReason.UNKNOWN_COMMAND;
                break;
        }
        reply(correlationId, inputSequence, msgTypeId, reason);
    }

    private int onKeyed(final int msgTypeId, final DirectBuffer buffer, final int index, final int length)
    {
        if (length < KEY_OFFSET)
        {
            return RejectReason.MALFORMED;
        }
        final int keyLength = buffer.getInt(index + KEY_LENGTH_OFFSET);
        if (keyLength < 0 || length != KEY_OFFSET + keyLength)
        {
            return RejectReason.MALFORMED;
        }
        if (keyLength == 0 || keyLength > MAX_KEY_LENGTH || !isKey(buffer, index + KEY_OFFSET, keyLength))
        {
            return RejectReason.BAD_KEY;
        }
        switch (msgTypeId)
        {
            case CommandType.SET_LIMIT:
                return listener.onSetLimit(buffer, index + KEY_OFFSET, keyLength, buffer.getLong(index + VALUE_OFFSET));
            case CommandType.FLATTEN:
                return listener.onFlatten(buffer, index + KEY_OFFSET, keyLength);
            default:
                return listener.onSetParam(
                    buffer.getInt(index + SLOT_OFFSET),
                    buffer,
                    index + KEY_OFFSET,
                    keyLength,
                    buffer.getLong(index + VALUE_OFFSET));
        }
    }

    private static boolean isKey(final DirectBuffer buffer, final int offset, final int length)
    {
        for (int i = 0; i < length; i++)
        {
            if (!CommandDescriptor.isKeyByte(buffer.getByte(offset + i)))
            {
                return false;
            }
        }
        return true;
    }

    private void reply(final long correlationId, final long inputSequence, final int commandType, final int reason)
    {
        if (reason == RejectReason.NONE)
        {
            applied.incrementRelease();
        }
        else
        {
            rejected.incrementRelease();
        }
        replies.publish(correlationId, inputSequence, commandType, reason, listener.engineState());
    }
}
