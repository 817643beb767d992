package corezero.core;

/**
 * A reply from the agent, decoded on core 0.
 */
public final class CommandReply
{
    private final long correlationId;
    private final long inputSequence;
    private final int commandType;
    private final int status;
    private final int reason;
    private final int engineState;

    /**
     * @param correlationId command's correlation id.
     * @param inputSequence input sequence at which it took effect.
     * @param commandType   command type id.
     * @param status        {@link ReplyDescriptor#STATUS_APPLIED} or {@link ReplyDescriptor#STATUS_REJECTED}.
     * @param reason        {@link RejectReason} code.
     * @param engineState   {@link EngineState} after the command.
     */
    public CommandReply(
        final long correlationId,
        final long inputSequence,
        final int commandType,
        final int status,
        final int reason,
        final int engineState)
    {
        this.correlationId = correlationId;
        this.inputSequence = inputSequence;
        this.commandType = commandType;
        this.status = status;
        this.reason = reason;
        this.engineState = engineState;
    }

    /** @return correlation id. */
    public long correlationId()
    {
        return correlationId;
    }

    /** @return input sequence at which the command took effect (or was refused). */
    public long inputSequence()
    {
        return inputSequence;
    }

    /** @return command type id. */
    public int commandType()
    {
        return commandType;
    }

    /** @return true when the command took effect. */
    public boolean isApplied()
    {
        return status == ReplyDescriptor.STATUS_APPLIED;
    }

    /** @return {@link RejectReason} code. */
    public int reason()
    {
        return reason;
    }

    /** @return {@link EngineState} after the command. */
    public int engineState()
    {
        return engineState;
    }

    /** {@inheritDoc} */
    public String toString()
    {
        return CommandType.name(commandType) + " #" + correlationId + " " +
            (isApplied() ? "applied" : "rejected (" + RejectReason.describe(reason) + ")") +
            " at input " + inputSequence + ", engine " + EngineState.name(engineState);
    }
}
