package corezero.ouch;

/**
 * What an OUCH decoder ({@link OuchDecoder}, {@link OuchInboundDecoder}) counts: messages handed out, and
 * rejections by kind. Single-threaded, like the decoders.
 */
final class OuchDecodeCounts
{
    private long decoded;
    private long unknownTypes;
    private long badLengths;
    private long badAppendages;
    private long unknownOptionTags;

    /**
     * Count one decoding outcome.
     *
     * @param result         an {@link OuchDecoder} result code.
     * @param appendageCheck the reader that checked the message's appendage (its unknown tags count on OK).
     * @return {@code result}.
     */
    int count(final int result, final OuchAppendageReader appendageCheck)
    {
        switch (result)
        {
            case OuchDecoder.OK:
                decoded++;
                unknownOptionTags += appendageCheck.unknownTags();
                break;

            case OuchDecoder.UNKNOWN_TYPE:
                unknownTypes++;
                break;

            case OuchDecoder.BAD_LENGTH:
                badLengths++;
                break;

            default:
                badAppendages++;
                break;
        }

        return result;
    }

    long decoded()
    {
        return decoded;
    }

    long unknownTypes()
    {
        return unknownTypes;
    }

    long badLengths()
    {
        return badLengths;
    }

    long badAppendages()
    {
        return badAppendages;
    }

    long unknownOptionTags()
    {
        return unknownOptionTags;
    }
}
