package corezero.itch;

import org.agrona.DirectBuffer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Records what a session delivers as readable events: "5:m5" for message 5 holding "m5", "gap 3+2",
 * "recovered 3+2", "end 10".
 */
final class RecordingMoldListener implements MoldUdp64Listener
{
    final List<String> events = new ArrayList<>();

    public void onMessage(final DirectBuffer buffer, final int offset, final int length, final long sequenceNumber)
    {
        final byte[] bytes = new byte[length];
        buffer.getBytes(offset, bytes);
        events.add(sequenceNumber + ":" + new String(bytes, StandardCharsets.US_ASCII));
    }

    public void onGap(final long firstMissingSequence, final long missingCount)
    {
        events.add("gap " + firstMissingSequence + "+" + missingCount);
    }

    public void onRecovered(final long firstMissingSequence, final long missingCount)
    {
        events.add("recovered " + firstMissingSequence + "+" + missingCount);
    }

    public void onEndOfSession(final long nextSequence)
    {
        events.add("end " + nextSequence);
    }

    /**
     * @return the events so far, then forgets them.
     */
    List<String> take()
    {
        final List<String> taken = new ArrayList<>(events);
        events.clear();

        return taken;
    }

    /**
     * @return the expected message events for sequence numbers from first to last inclusive.
     */
    static List<String> messages(final long first, final long last)
    {
        final List<String> expected = new ArrayList<>();
        for (long s = first; s <= last; s++)
        {
            expected.add(s + ":m" + s);
        }

        return expected;
    }
}
