package corezero.core;

import static org.agrona.BitUtil.SIZE_OF_INT;
import static org.agrona.BitUtil.SIZE_OF_LONG;

/**
 * Layout of a command record body in the many-to-one command ring. The ring's own record header carries the
 * length and the message type id ({@link CommandType}); the body is little-endian, as Agrona's buffers are.
 * <p>
 * Every command starts with its correlation id:
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                      Correlation Id                           |
 *  |                                                               |
 *  +---------------------------------------------------------------+
 * </pre>
 * PAUSE, RESUME and SHUTDOWN have nothing more. SET_PARAM continues:
 * <pre>
 *  +---------------------------------------------------------------+
 *  |                         Slot (int)                            |  8
 *  +---------------------------------------------------------------+
 *  |                        Value (long)                           |  12
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                      Key Length (int)                         |  20
 *  +---------------------------------------------------------------+
 *  |              Key: 1..32 printable ASCII bytes                ...  24
 * ...                                                              |
 *  +---------------------------------------------------------------+
 * </pre>
 * SNAPSHOT continues with the index of the hand-off slot holding the object to fill:
 * <pre>
 *  +---------------------------------------------------------------+
 *  |                     Hand-off Index (int)                      |  8
 *  +---------------------------------------------------------------+
 * </pre>
 */
public final class CommandDescriptor
{
    /** Offset of the correlation id, present in every command. */
    public static final int CORRELATION_ID_OFFSET = 0;

    /** Length of a command that carries only its correlation id. */
    public static final int BASE_LENGTH = SIZE_OF_LONG;

    /** SET_PARAM: strategy slot index. */
    public static final int SLOT_OFFSET = BASE_LENGTH;

    /** SET_PARAM: the long value. */
    public static final int VALUE_OFFSET = SLOT_OFFSET + SIZE_OF_INT;

    /** SET_PARAM: number of key bytes that follow. */
    public static final int KEY_LENGTH_OFFSET = VALUE_OFFSET + SIZE_OF_LONG;

    /** SET_PARAM: first key byte. */
    public static final int KEY_OFFSET = KEY_LENGTH_OFFSET + SIZE_OF_INT;

    /** Longest parameter key in bytes. */
    public static final int MAX_KEY_LENGTH = 32;

    /** SNAPSHOT: index into the hand-off slots. */
    public static final int HAND_OFF_INDEX_OFFSET = BASE_LENGTH;

    /** Length of a SNAPSHOT command. */
    public static final int SNAPSHOT_LENGTH = HAND_OFF_INDEX_OFFSET + SIZE_OF_INT;

    private CommandDescriptor()
    {
    }

    /**
     * Length of a SET_PARAM command with a key of the given length.
     *
     * @param keyLength number of key bytes.
     * @return body length in bytes.
     */
    public static int setParamLength(final int keyLength)
    {
        return KEY_OFFSET + keyLength;
    }

    /**
     * Is this byte allowed in a parameter key: printable ASCII without space.
     *
     * @param b the byte.
     * @return true when allowed.
     */
    public static boolean isKeyByte(final byte b)
    {
        return b > 0x20 && b < 0x7f;
    }
}
