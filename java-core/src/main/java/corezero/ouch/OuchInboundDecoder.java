package corezero.ouch;

import org.agrona.DirectBuffer;

import static corezero.ouch.OuchDecoder.BAD_LENGTH;
import static corezero.ouch.OuchDecoder.OK;
import static corezero.ouch.OuchDecoder.UNKNOWN_TYPE;
import static corezero.ouch.OuchDecoder.checkFraming;
import static corezero.ouch.OuchDecoder.withinBuffer;

/**
 * Decodes one inbound OUCH 5.0 message (client to host: the venue simulator side) with the same framing checks,
 * return codes and counters as {@link OuchDecoder} does the outbound ones: never throwing on bad input, never
 * allocating. Exceptions thrown by the handler itself pass through.
 * <p>
 * Not thread-safe: one decoder per thread, like the flyweights it hands out.
 */
public final class OuchInboundDecoder
{
    private final OuchAppendageReader appendageCheck = new OuchAppendageReader();
    private final OuchEnterOrderDecoder enterOrder = new OuchEnterOrderDecoder();
    private final OuchReplaceOrderDecoder replaceOrder = new OuchReplaceOrderDecoder();
    private final OuchCancelOrderDecoder cancelOrder = new OuchCancelOrderDecoder();
    private final OuchModifyOrderDecoder modifyOrder = new OuchModifyOrderDecoder();
    private final OuchMassCancelDecoder massCancel = new OuchMassCancelDecoder();
    private final OuchDisableOrderEntryDecoder disableOrderEntry = new OuchDisableOrderEntryDecoder();
    private final OuchEnableOrderEntryDecoder enableOrderEntry = new OuchEnableOrderEntryDecoder();
    private final OuchAccountQueryRequestDecoder accountQueryRequest = new OuchAccountQueryRequestDecoder();

    private final OuchDecodeCounts counts = new OuchDecodeCounts();

    /**
     * Decode one message and hand it to the handler.
     *
     * @param buffer  holding the message.
     * @param offset  of the message type byte.
     * @param length  of the message in bytes, appendage included.
     * @param handler to call with the decoded message.
     * @return {@link OuchDecoder#OK}, {@link OuchDecoder#UNKNOWN_TYPE}, {@link OuchDecoder#BAD_LENGTH} or
     * {@link OuchDecoder#BAD_APPENDAGE}.
     */
    public int decode(final DirectBuffer buffer, final int offset, final int length, final OuchInboundHandler handler)
    {
        if (!withinBuffer(buffer, offset, length))
        {
            return count(BAD_LENGTH);
        }

        switch (buffer.getByte(offset))
        {
            case OuchEnterOrderDecoder.MESSAGE_TYPE:
            {
                final int result = checkFraming(
                    buffer, offset, length, OuchEnterOrderDecoder.APPENDAGE_LENGTH_OFFSET,
                    OuchEnterOrderDecoder.APPENDAGE, appendageCheck);
                if (OK == result)
                {
                    handler.onEnterOrder(enterOrder.wrap(buffer, offset, length));
                }
                return count(result);
            }

            case OuchReplaceOrderDecoder.MESSAGE_TYPE:
            {
                final int result = checkFraming(
                    buffer, offset, length, OuchReplaceOrderDecoder.APPENDAGE_LENGTH_OFFSET,
                    OuchReplaceOrderDecoder.APPENDAGE, appendageCheck);
                if (OK == result)
                {
                    handler.onReplaceOrder(replaceOrder.wrap(buffer, offset, length));
                }
                return count(result);
            }

            case OuchCancelOrderDecoder.MESSAGE_TYPE:
            {
                final int result = checkFraming(
                    buffer, offset, length, OuchCancelOrderDecoder.APPENDAGE_LENGTH_OFFSET,
                    OuchCancelOrderDecoder.APPENDAGE, appendageCheck);
                if (OK == result)
                {
                    handler.onCancelOrder(cancelOrder.wrap(buffer, offset, length));
                }
                return count(result);
            }

            case OuchModifyOrderDecoder.MESSAGE_TYPE:
            {
                final int result = checkFraming(
                    buffer, offset, length, OuchModifyOrderDecoder.APPENDAGE_LENGTH_OFFSET,
                    OuchModifyOrderDecoder.APPENDAGE, appendageCheck);
                if (OK == result)
                {
                    handler.onModifyOrder(modifyOrder.wrap(buffer, offset, length));
                }
                return count(result);
            }

            case OuchMassCancelDecoder.MESSAGE_TYPE:
            {
                final int result = checkFraming(
                    buffer, offset, length, OuchMassCancelDecoder.APPENDAGE_LENGTH_OFFSET,
                    OuchMassCancelDecoder.APPENDAGE, appendageCheck);
                if (OK == result)
                {
                    handler.onMassCancel(massCancel.wrap(buffer, offset, length));
                }
                return count(result);
            }

            case OuchDisableOrderEntryDecoder.MESSAGE_TYPE:
            {
                final int result = checkFraming(
                    buffer, offset, length, OuchDisableOrderEntryDecoder.APPENDAGE_LENGTH_OFFSET,
                    OuchDisableOrderEntryDecoder.APPENDAGE, appendageCheck);
                if (OK == result)
                {
                    handler.onDisableOrderEntry(disableOrderEntry.wrap(buffer, offset, length));
                }
                return count(result);
            }

            case OuchEnableOrderEntryDecoder.MESSAGE_TYPE:
            {
                final int result = checkFraming(
                    buffer, offset, length, OuchEnableOrderEntryDecoder.APPENDAGE_LENGTH_OFFSET,
                    OuchEnableOrderEntryDecoder.APPENDAGE, appendageCheck);
                if (OK == result)
                {
                    handler.onEnableOrderEntry(enableOrderEntry.wrap(buffer, offset, length));
                }
                return count(result);
            }

            case OuchAccountQueryRequestDecoder.MESSAGE_TYPE:
            {
                final int result = checkFraming(
                    buffer, offset, length, OuchAccountQueryRequestDecoder.APPENDAGE_LENGTH_OFFSET,
                    OuchAccountQueryRequestDecoder.APPENDAGE, appendageCheck);
                if (OK == result)
                {
                    handler.onAccountQueryRequest(accountQueryRequest.wrap(buffer, offset, length));
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
     * @return messages rejected as {@link OuchDecoder#UNKNOWN_TYPE}.
     */
    public long unknownTypes()
    {
        return counts.unknownTypes();
    }

    /**
     * @return messages rejected as {@link OuchDecoder#BAD_LENGTH}.
     */
    public long badLengths()
    {
        return counts.badLengths();
    }

    /**
     * @return messages rejected as {@link OuchDecoder#BAD_APPENDAGE}.
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
}
