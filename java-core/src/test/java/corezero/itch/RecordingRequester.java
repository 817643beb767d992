package corezero.itch;

import org.agrona.DirectBuffer;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps a copy of every request handed to it; answers {@link #accept}.
 */
final class RecordingRequester implements RetransmitRequester
{
    final List<byte[]> requests = new ArrayList<>();
    boolean accept = true;

    public boolean request(final DirectBuffer packet, final int offset, final int length)
    {
        final byte[] bytes = new byte[length];
        packet.getBytes(offset, bytes);
        requests.add(bytes);

        return accept;
    }

    byte[] last()
    {
        return requests.get(requests.size() - 1);
    }
}
