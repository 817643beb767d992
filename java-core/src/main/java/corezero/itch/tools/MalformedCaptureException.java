package corezero.itch.tools;

/**
 * A capture file whose framing is broken: a BinaryFILE length running past the end, a pcap header or record cut
 * short. The message names the file offset where the problem starts.
 */
public final class MalformedCaptureException extends Exception
{
    private static final long serialVersionUID = 1L;

    private final long fileOffset;

    MalformedCaptureException(final long fileOffset, final String problem)
    {
        super(problem + " at offset " + fileOffset);
        this.fileOffset = fileOffset;
    }

    /**
     * @return where the problem starts in the file.
     */
    long fileOffset()
    {
        return fileOffset;
    }
}
