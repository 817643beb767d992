package corezero.venue;

import com.paritytrading.nassau.moldudp64.MoldUDP64DownstreamPacket;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class MessageStoreTest
{
    private final byte[] captureBytes = { 0, 3, 'o', 'n', 'e', 0, 3, 't', 'w', 'o', 0, 5, 't', 'h', 'r', 'e', 'e' };
    private final MessageStore store =
        new MessageStore(BinaryFileCapture.index("small", new UnsafeBuffer(captureBytes), captureBytes.length));
    private final MoldUDP64DownstreamPacket packet = new MoldUDP64DownstreamPacket();

    @Test
    void shouldAddWholeMessagesWhileTheyFitTheLimitExactly() throws IOException
    {
        assertEquals(2, store.putMessages(packet, 1, 10, 5 + 5), "one and two fill 10 bytes of blocks exactly");
        assertEquals(List.of("one", "two"), messages());

        packet.clear();
        assertEquals(1, store.putMessages(packet, 1, 10, 5 + 5 - 1));

        packet.clear();
        assertEquals(0, store.putMessages(packet, 3, 10, 6), "three needs 7 bytes with its length");
    }

    @Test
    void shouldStopAtTheCountAndGoRoundTheCaptureBySequenceNumber() throws IOException
    {
        assertEquals(4, store.putMessages(packet, 3, 4, 1_000));
        assertEquals(List.of("three", "one", "two", "three"), messages());

        assertFalse(store.wasSent(1));
        store.onSent(4);
        assertTrue(store.wasSent(4));
        assertFalse(store.wasSent(5));
        assertEquals(5, store.nextSequenceNumber());
    }

    /** The packet's blocks as nassau reads them back. */
    private List<String> messages() throws IOException
    {
        final List<String> messages = new ArrayList<>();
        final ByteBuffer payload = packet.payload();
        payload.flip();
        packet.apply((message) ->
        {
            final byte[] bytes = new byte[message.remaining()];
            message.get(bytes);
            messages.add(new String(bytes, StandardCharsets.US_ASCII));
        });
        assertEquals(messages.size(), packet.messageCount());

        return messages;
    }
}
