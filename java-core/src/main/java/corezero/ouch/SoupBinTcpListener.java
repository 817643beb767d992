package corezero.ouch;

import org.agrona.DirectBuffer;

/**
 * What a {@link SoupBinTcpClient} reports, on the thread that polls it. Callbacks may call back into the client
 * ({@code sendUnsequenced}, {@code logout}).
 */
public interface SoupBinTcpListener
{
    /** The server closed the connection or it failed. */
    int DISCONNECT_CLOSED_BY_SERVER = 1;
    /** Nothing, not even a heartbeat, arrived for the server timeout. */
    int DISCONNECT_SERVER_TIMEOUT = 2;
    /** The server broke the protocol: see {@link SoupBinTcpClient#malformedPackets()}. */
    int DISCONNECT_MALFORMED = 3;
    /** The connect attempt failed. */
    int DISCONNECT_CONNECT_FAILED = 4;
    /** The client logged out. */
    int DISCONNECT_LOGOUT = 5;
    /** The server rejected the login. */
    int DISCONNECT_LOGIN_REJECTED = 6;
    /** The server ended the session. */
    int DISCONNECT_END_OF_SESSION = 7;

    /**
     * Control path (once per login; the session string is allocated).
     *
     * @param session        the session logged into, without padding.
     * @param sequenceNumber of the next sequenced message the server will send.
     */
    void onLoginAccepted(String session, long sequenceNumber);

    /**
     * The server refused the login; the client stops until {@link SoupBinTcpClient#connect} is called again.
     *
     * @param reasonCode 'A' not authorized, 'S' session not available, or what the server sent.
     */
    void onLoginRejected(byte reasonCode);

    /**
     * One sequenced message, in order, exactly once per session across reconnects.
     *
     * @param buffer         holding the message; valid only during the call.
     * @param offset         of the message.
     * @param length         of the message.
     * @param sequenceNumber of the message, from 1.
     */
    void onSequencedMessage(DirectBuffer buffer, int offset, int length, long sequenceNumber);

    /**
     * One unsequenced message from the server (4.00 on); best effort, not counted in the sequence. Ignored unless
     * overridden.
     *
     * @param buffer holding the message; valid only during the call.
     * @param offset of the message.
     * @param length of the message.
     */
    default void onUnsequencedMessage(final DirectBuffer buffer, final int offset, final int length)
    {
    }

    /**
     * The server ended the session; the client disconnects and stops until {@link SoupBinTcpClient#connect}.
     */
    void onEndOfSession();

    /**
     * The connection is gone; whether the client reconnects depends on the reason (it does for closed, timeout,
     * malformed and failed connects).
     *
     * @param reason one of the {@code DISCONNECT_*} constants.
     */
    void onDisconnected(int reason);
}
