package corezero.core;

import static org.agrona.BitUtil.SIZE_OF_INT;
import static org.agrona.BitUtil.SIZE_OF_LONG;

/**
 * Layout of a reply record in the one-to-one reply ring, written by the agent, read on core 0. Message type id
 * is {@link #REPLY_TYPE_ID}.
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                 Correlation Id of the command                 |  0
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |       Input Sequence at which the command took effect         |  8
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                 Command Type (as received)                    |  16
 *  +---------------------------------------------------------------+
 *  |                 Status: 1 applied, 2 rejected                 |  20
 *  +---------------------------------------------------------------+
 *  |                 Reject Reason (0 when applied)                |  24
 *  +---------------------------------------------------------------+
 *  |                 Engine State after the command                |  28
 *  +---------------------------------------------------------------+
 * </pre>
 */
public final class ReplyDescriptor
{
    /** Message type id of every reply record. */
    public static final int REPLY_TYPE_ID = 1;

    /** Correlation id copied from the command. */
    public static final int CORRELATION_ID_OFFSET = 0;

    /** Input sequence number assigned to the command. */
    public static final int INPUT_SEQUENCE_OFFSET = CORRELATION_ID_OFFSET + SIZE_OF_LONG;

    /** Command type id as received (may be unknown). */
    public static final int COMMAND_TYPE_OFFSET = INPUT_SEQUENCE_OFFSET + SIZE_OF_LONG;

    /** {@link #STATUS_APPLIED} or {@link #STATUS_REJECTED}. */
    public static final int STATUS_OFFSET = COMMAND_TYPE_OFFSET + SIZE_OF_INT;

    /** {@link RejectReason} code. */
    public static final int REASON_OFFSET = STATUS_OFFSET + SIZE_OF_INT;

    /** {@link EngineState} after the command. */
    public static final int ENGINE_STATE_OFFSET = REASON_OFFSET + SIZE_OF_INT;

    /** Length of a reply record body. */
    public static final int LENGTH = ENGINE_STATE_OFFSET + SIZE_OF_INT;

    /** The command took effect. */
    public static final int STATUS_APPLIED = 1;

    /** The command was refused; see the reason. */
    public static final int STATUS_REJECTED = 2;

    private ReplyDescriptor()
    {
    }
}
