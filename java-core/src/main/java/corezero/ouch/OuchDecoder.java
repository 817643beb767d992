package corezero.ouch;

import org.agrona.DirectBuffer;

/**
 * Decodes one outbound OUCH 5.0 message (host to client) and hands it to an {@link OuchHandler}: checks the length
 * against the type's fixed part, the Appendage Length against the end of the message, and walks the TagValue
 * elements once so that a handler never sees an appendage that runs past the message. It never throws on bad input
 * and never allocates: a message it cannot decode is counted and reported by the return code. Exceptions thrown by
 * the handler itself pass through.
 * <p>
 * Framing rules, per type ({@link OuchMessageType}):
 * <ul>
 *     <li>shorter than the fixed fields: {@link #BAD_LENGTH};</li>
 *     <li>no Appendage Length in the type (System Event): the length must be exact, else {@link #BAD_LENGTH};</li>
 *     <li>optional Appendage Length: the message may end right after the fixed fields; a single stray byte is
 *     {@link #BAD_LENGTH};</li>
 *     <li>Appendage Length running past the message, or a malformed TagValue element: {@link #BAD_APPENDAGE};</li>
 *     <li>bytes left over after the appendage: {@link #BAD_LENGTH} (the framing layer gives exact lengths, so a
 *     mismatch means broken framing, not an extension to skip).</li>
 * </ul>
 * TagValue elements with undefined tags are skipped, not rejected, and counted in {@link #unknownOptionTags()}.
 * <p>
 * Not thread-safe: one decoder per thread, like the flyweights it hands out.
 */
public final class OuchDecoder
{
    /** The message was decoded and handed to the handler. */
    public static final int OK = 0;

    /** The first byte is not a message type of this direction; the handler was not called. */
    public static final int UNKNOWN_TYPE = 1;

    /** The length does not fit the type, or the message does not lie within the buffer; the handler was not called. */
    public static final int BAD_LENGTH = 2;

    /** The appendage runs past the message or holds a malformed TagValue element; the handler was not called. */
    public static final int BAD_APPENDAGE = 3;

    private final OuchAppendageReader appendageCheck = new OuchAppendageReader();
    private final OuchSystemEventDecoder systemEvent = new OuchSystemEventDecoder();
    private final OuchAcceptedDecoder accepted = new OuchAcceptedDecoder();
    private final OuchReplacedDecoder replaced = new OuchReplacedDecoder();
    private final OuchCanceledDecoder canceled = new OuchCanceledDecoder();
    private final OuchAiqCanceledDecoder aiqCanceled = new OuchAiqCanceledDecoder();
    private final OuchExecutedDecoder executed = new OuchExecutedDecoder();
    private final OuchBrokenTradeDecoder brokenTrade = new OuchBrokenTradeDecoder();
    private final OuchRejectedDecoder rejected = new OuchRejectedDecoder();
    private final OuchCancelPendingDecoder cancelPending = new OuchCancelPendingDecoder();
    private final OuchCancelRejectDecoder cancelReject = new OuchCancelRejectDecoder();
    private final OuchPriorityUpdateDecoder priorityUpdate = new OuchPriorityUpdateDecoder();
    private final OuchModifiedDecoder modified = new OuchModifiedDecoder();
    private final OuchRestatedDecoder restated = new OuchRestatedDecoder();
    private final OuchMassCancelResponseDecoder massCancelResponse = new OuchMassCancelResponseDecoder();
    private final OuchDisableOrderEntryResponseDecoder disableOrderEntryResponse =
        new OuchDisableOrderEntryResponseDecoder();
    private final OuchEnableOrderEntryResponseDecoder enableOrderEntryResponse =
        new OuchEnableOrderEntryResponseDecoder();
    private final OuchAccountQueryResponseDecoder accountQueryResponse = new OuchAccountQueryResponseDecoder();

    private final OuchDecodeCounts counts = new OuchDecodeCounts();

    /**
     * Decode one message and hand it to the handler.
     *
     * @param buffer  holding the message.
     * @param offset  of the message type byte.
     * @param length  of the message in bytes, appendage included.
     * @param handler to call with the decoded message.
     * @return {@link #OK}, {@link #UNKNOWN_TYPE}, {@link #BAD_LENGTH} or {@link #BAD_APPENDAGE}.
     */
    public int decode(final DirectBuffer buffer, final int offset, final int length, final OuchHandler handler)
    {
        if (!withinBuffer(buffer, offset, length))
        {
            return count(BAD_LENGTH);
        }

        switch (buffer.getByte(offset))
        {
            case OuchSystemEventDecoder.MESSAGE_TYPE:
            {
                final int result = checkFraming(
                    buffer, offset, length, OuchSystemEventDecoder.APPENDAGE_LENGTH_OFFSET,
                    OuchSystemEventDecoder.APPENDAGE, appendageCheck);
                if (OK == result)
                {
                    handler.onSystemEvent(systemEvent.wrap(buffer, offset, length));
                }
                return count(result);
            }

            case OuchAcceptedDecoder.MESSAGE_TYPE:
            {
                final int result = checkFraming(
                    buffer, offset, length, OuchAcceptedDecoder.APPENDAGE_LENGTH_OFFSET,
                    OuchAcceptedDecoder.APPENDAGE, appendageCheck);
                if (OK == result)
                {
                    handler.onAccepted(accepted.wrap(buffer, offset, length));
                }
                return count(result);
            }

            case OuchReplacedDecoder.MESSAGE_TYPE:
            {
                final int result = checkFraming(
                    buffer, offset, length, OuchReplacedDecoder.APPENDAGE_LENGTH_OFFSET,
                    OuchReplacedDecoder.APPENDAGE, appendageCheck);
                if (OK == result)
                {
                    handler.onReplaced(replaced.wrap(buffer, offset, length));
                }
                return count(result);
            }

            case OuchCanceledDecoder.MESSAGE_TYPE:
            {
                final int result = checkFraming(
                    buffer, offset, length, OuchCanceledDecoder.APPENDAGE_LENGTH_OFFSET,
                    OuchCanceledDecoder.APPENDAGE, appendageCheck);
                if (OK == result)
                {
                    handler.onCanceled(canceled.wrap(buffer, offset, length));
                }
                return count(result);
            }

            case OuchAiqCanceledDecoder.MESSAGE_TYPE:
            {
                final int result = checkFraming(
                    buffer, offset, length, OuchAiqCanceledDecoder.APPENDAGE_LENGTH_OFFSET,
                    OuchAiqCanceledDecoder.APPENDAGE, appendageCheck);
                if (OK == result)
                {
                    handler.onAiqCanceled(aiqCanceled.wrap(buffer, offset, length));
                }
                return count(result);
            }

            case OuchExecutedDecoder.MESSAGE_TYPE:
            {
                final int result = checkFraming(
                    buffer, offset, length, OuchExecutedDecoder.APPENDAGE_LENGTH_OFFSET,
                    OuchExecutedDecoder.APPENDAGE, appendageCheck);
                if (OK == result)
                {
                    handler.onExecuted(executed.wrap(buffer, offset, length));
                }
                return count(result);
            }

            case OuchBrokenTradeDecoder.MESSAGE_TYPE:
            {
                final int result = checkFraming(
                    buffer, offset, length, OuchBrokenTradeDecoder.APPENDAGE_LENGTH_OFFSET,
                    OuchBrokenTradeDecoder.APPENDAGE, appendageCheck);
                if (OK == result)
                {
                    handler.onBrokenTrade(brokenTrade.wrap(buffer, offset, length));
                }
                return count(result);
            }

            case OuchRejectedDecoder.MESSAGE_TYPE:
            {
                final int result = checkFraming(
                    buffer, offset, length, OuchRejectedDecoder.APPENDAGE_LENGTH_OFFSET,
                    OuchRejectedDecoder.APPENDAGE, appendageCheck);
                if (OK == result)
                {
                    handler.onRejected(rejected.wrap(buffer, offset, length));
                }
                return count(result);
            }

            case OuchCancelPendingDecoder.MESSAGE_TYPE:
            {
                final int result = checkFraming(
                    buffer, offset, length, OuchCancelPendingDecoder.APPENDAGE_LENGTH_OFFSET,
                    OuchCancelPendingDecoder.APPENDAGE, appendageCheck);
                if (OK == result)
                {
                    handler.onCancelPending(cancelPending.wrap(buffer, offset, length));
                }
                return count(result);
            }

            case OuchCancelRejectDecoder.MESSAGE_TYPE:
            {
                final int result = checkFraming(
                    buffer, offset, length, OuchCancelRejectDecoder.APPENDAGE_LENGTH_OFFSET,
                    OuchCancelRejectDecoder.APPENDAGE, appendageCheck);
                if (OK == result)
                {
                    handler.onCancelReject(cancelReject.wrap(buffer, offset, length));
                }
                return count(result);
            }

            case OuchPriorityUpdateDecoder.MESSAGE_TYPE:
            {
                final int result = checkFraming(
                    buffer, offset, length, OuchPriorityUpdateDecoder.APPENDAGE_LENGTH_OFFSET,
                    OuchPriorityUpdateDecoder.APPENDAGE, appendageCheck);
                if (OK == result)
                {
                    handler.onPriorityUpdate(priorityUpdate.wrap(buffer, offset, length));
                }
                return count(result);
            }

            case OuchModifiedDecoder.MESSAGE_TYPE:
            {
                final int result = checkFraming(
                    buffer, offset, length, OuchModifiedDecoder.APPENDAGE_LENGTH_OFFSET,
                    OuchModifiedDecoder.APPENDAGE, appendageCheck);
                if (OK == result)
                {
                    handler.onModified(modified.wrap(buffer, offset, length));
                }
                return count(result);
            }

            case OuchRestatedDecoder.MESSAGE_TYPE:
            {
                final int result = checkFraming(
                    buffer, offset, length, OuchRestatedDecoder.APPENDAGE_LENGTH_OFFSET,
                    OuchRestatedDecoder.APPENDAGE, appendageCheck);
                if (OK == result)
                {
                    handler.onRestated(restated.wrap(buffer, offset, length));
                }
                return count(result);
            }

            case OuchMassCancelResponseDecoder.MESSAGE_TYPE:
            {
                final int result = checkFraming(
                    buffer, offset, length, OuchMassCancelResponseDecoder.APPENDAGE_LENGTH_OFFSET,
                    OuchMassCancelResponseDecoder.APPENDAGE, appendageCheck);
                if (OK == result)
                {
                    handler.onMassCancelResponse(massCancelResponse.wrap(buffer, offset, length));
                }
                return count(result);
            }

            case OuchDisableOrderEntryResponseDecoder.MESSAGE_TYPE:
            {
                final int result = checkFraming(
                    buffer, offset, length, OuchDisableOrderEntryResponseDecoder.APPENDAGE_LENGTH_OFFSET,
                    OuchDisableOrderEntryResponseDecoder.APPENDAGE, appendageCheck);
                if (OK == result)
                {
                    handler.onDisableOrderEntryResponse(disableOrderEntryResponse.wrap(buffer, offset, length));
                }
                return count(result);
            }

            case OuchEnableOrderEntryResponseDecoder.MESSAGE_TYPE:
            {
                final int result = checkFraming(
                    buffer, offset, length, OuchEnableOrderEntryResponseDecoder.APPENDAGE_LENGTH_OFFSET,
                    OuchEnableOrderEntryResponseDecoder.APPENDAGE, appendageCheck);
                if (OK == result)
                {
                    handler.onEnableOrderEntryResponse(enableOrderEntryResponse.wrap(buffer, offset, length));
                }
                return count(result);
            }

            case OuchAccountQueryResponseDecoder.MESSAGE_TYPE:
            {
                final int result = checkFraming(
                    buffer, offset, length, OuchAccountQueryResponseDecoder.APPENDAGE_LENGTH_OFFSET,
                    OuchAccountQueryResponseDecoder.APPENDAGE, appendageCheck);
                if (OK == result)
                {
                    handler.onAccountQueryResponse(accountQueryResponse.wrap(buffer, offset, length));
                }
                return count(result);
            }

            default:
                return count(UNKNOWN_TYPE);
        }
    }

    /**
     * @return messages handed to the handler.
     */
    public long decoded()
    {
        return counts.decoded();
    }

    /**
     * @return messages rejected as {@link #UNKNOWN_TYPE}.
     */
    public long unknownTypes()
    {
        return counts.unknownTypes();
    }

    /**
     * @return messages rejected as {@link #BAD_LENGTH}.
     */
    public long badLengths()
    {
        return counts.badLengths();
    }

    /**
     * @return messages rejected as {@link #BAD_APPENDAGE}.
     */
    public long badAppendages()
    {
        return counts.badAppendages();
    }

    /**
     * @return TagValue elements with undefined tags skipped in messages that were handed out.
     */
    public long unknownOptionTags()
    {
        return counts.unknownOptionTags();
    }

    private int count(final int result)
    {
        return counts.count(result, appendageCheck);
    }

    static boolean withinBuffer(final DirectBuffer buffer, final int offset, final int length)
    {
        return length > 0 && offset >= 0 && (long)offset + length <= buffer.capacity();
    }

    /**
     * Check one message's framing against its type's layout, walking the appendage with the given reader.
     *
     * @param buffer                holding the message, already known to lie within the buffer.
     * @param offset                of the message type byte.
     * @param length                of the whole message.
     * @param appendageLengthOffset of the type.
     * @param appendage             one of the {@code OuchMessageType.APPENDAGE_*} values.
     * @param reader                left wrapped over the appendage (empty when there is none).
     * @return {@link #OK}, {@link #BAD_LENGTH} or {@link #BAD_APPENDAGE}.
     */
    static int checkFraming(
        final DirectBuffer buffer,
        final int offset,
        final int length,
        final int appendageLengthOffset,
        final int appendage,
        final OuchAppendageReader reader)
    {
        reader.wrap(buffer, offset, 0);
        if (length < appendageLengthOffset)
        {
            return BAD_LENGTH;
        }

        if (OuchMessageType.APPENDAGE_NONE == appendage ||
            (OuchMessageType.APPENDAGE_OPTIONAL == appendage && length == appendageLengthOffset))
        {
            return length == appendageLengthOffset ? OK : BAD_LENGTH;
        }

        final int appendageOffset = appendageLengthOffset + OuchFlyweight.APPENDAGE_LENGTH_SIZE;
        if (length < appendageOffset)
        {
            return BAD_LENGTH;
        }

        final int appendageLength =
            buffer.getShort(offset + appendageLengthOffset, OuchFlyweight.BYTE_ORDER) & 0xFFFF;
        if (appendageOffset + appendageLength > length)
        {
            return BAD_APPENDAGE;
        }

        if (appendageOffset + appendageLength < length)
        {
            return BAD_LENGTH;
        }

        reader.wrap(buffer, offset + appendageOffset, appendageLength);

        return OuchAppendageReader.MALFORMED == reader.scan() ? BAD_APPENDAGE : OK;
    }
}
