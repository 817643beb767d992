package corezero.ouch;

import org.agrona.DirectBuffer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Records what a {@link SoupBinTcpClient} reports, as text, for functional tests (it allocates).
 */
final class SoupBinTcpRecordingListener implements SoupBinTcpListener
{
    final List<String> events = new ArrayList<>();
    final List<String> messages = new ArrayList<>();
    final List<Long> sequenceNumbers = new ArrayList<>();
    final List<Integer> disconnects = new ArrayList<>();
    int logins;

    @Override
    public void onLoginAccepted(final String session, final long sequenceNumber)
    {
        logins++;
        events.add("accepted " + session + " " + sequenceNumber);
    }

    @Override
    public void onLoginRejected(final byte reasonCode)
    {
        events.add("rejected " + (char)reasonCode);
    }

    @Override
    public void onSequencedMessage(
        final DirectBuffer buffer, final int offset, final int length, final long sequenceNumber)
    {
        final byte[] bytes = new byte[length];
        buffer.getBytes(offset, bytes);
        messages.add(new String(bytes, StandardCharsets.US_ASCII));
        sequenceNumbers.add(sequenceNumber);
    }

    @Override
    public void onEndOfSession()
    {
        events.add("end of session");
    }

    @Override
    public void onDisconnected(final int reason)
    {
        disconnects.add(reason);
        events.add("disconnected " + reason);
    }
}
