package corezero.venue;

/**
 * A BinaryFILE capture whose framing is broken: a length field or a message runs past the end of the data.
 */
public final class BinaryFileFormatException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    private final long offset;

    /**
     * @param message what is wrong, including the offset.
     * @param offset  of the record whose framing is broken, from the start of the data.
     */
    public BinaryFileFormatException(final String message, final long offset)
    {
        super(message);
        this.offset = offset;
    }

    /**
     * @return offset of the record whose framing is broken, from the start of the data.
     */
    public long offset()
    {
        return offset;
    }
}
