package corezero.core;

/**
 * A command from core 0 did not take effect: it timed out, found the ring full, or was rejected. The message
 * says which and what to look at; the REPL shows it as is.
 */
public final class CommandException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    /** Why a command failed. */
    public enum Kind
    {
        /** No reply within the timeout. */
        TIMEOUT,
        /** The command ring was full. */
        BACK_PRESSURE,
        /** The agent refused the command. */
        REJECTED
    }

    private final Kind kind;
    private final transient CommandReply reply;

    /**
     * @param kind    why.
     * @param message what happened and what to check.
     * @param reply   the rejection reply, or null.
     */
    public CommandException(final Kind kind, final String message, final CommandReply reply)
    {
        super(message);
        this.kind = kind;
        this.reply = reply;
    }

    /** @return why the command failed. */
    public Kind kind()
    {
        return kind;
    }

    /** @return the rejection reply, or null for a timeout or back pressure. */
    public CommandReply reply()
    {
        return reply;
    }
}
