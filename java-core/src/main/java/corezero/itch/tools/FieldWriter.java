package corezero.itch.tools;

import corezero.itch.ItchFlyweight;

/**
 * Writes one message's fields, in order, into a line: {@link TextFieldWriter} or {@link JsonFieldWriter}.
 */
interface FieldWriter
{
    /**
     * Start a message.
     *
     * @param type message type letter.
     * @param name message type name.
     */
    void begin(byte type, String name);

    /**
     * @param name  field name.
     * @param value unsigned number.
     */
    void number(String name, long value);

    /**
     * @param name     field name.
     * @param value    unsigned fixed-point price.
     * @param decimals implied decimal places: 4 for Price (4), 8 for Price (8).
     */
    void price(String name, long value, int decimals);

    /**
     * @param name        field name.
     * @param nsSinceMidnight nanoseconds since midnight.
     */
    void timestamp(String name, long nsSinceMidnight);

    /**
     * @param name  field name.
     * @param value a one-byte alpha field.
     */
    void character(String name, byte value);

    /**
     * @param name        field name.
     * @param message     the message holding the field.
     * @param fieldOffset of the field from the start of the message.
     * @param length      of the field; its right padding is not written.
     */
    void alpha(String name, ItchFlyweight message, int fieldOffset, int length);

    /**
     * Finish the message.
     */
    void end();
}
