/**
 * Nasdaq TotalView-ITCH 5.0 and MoldUDP64 on the receiving side.
 * <ul>
 *   <li>One flyweight decoder per ITCH 5.0 message type ({@code *Decoder}), reading big-endian fields straight
 *   from the buffer; {@link corezero.itch.ItchMessageType} lists the type letters and their exact lengths.</li>
 *   <li>{@link corezero.itch.ItchDecoder} checks a message's length against its type, wraps the pre-allocated
 *   flyweight and calls the matching {@link corezero.itch.ItchHandler} method.</li>
 *   <li>{@link corezero.itch.MoldUdp64Session} orders MoldUDP64 packets into messages: it detects gaps at once,
 *   asks a {@link corezero.itch.RetransmitRequester} for the missing messages, buffers what arrives meanwhile and
 *   tells a {@link corezero.itch.MoldUdp64Listener} about messages, gaps and recoveries.</li>
 * </ul>
 * Everything on the data path is allocation-free after construction and never throws on bad input; methods
 * returning {@code String} or copying into arrays are for the control path (tools, logs, tests).
 */
package corezero.itch;
