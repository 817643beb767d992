package corezero.venue;

import com.paritytrading.juncture.nasdaq.itch50.ITCH50;

import java.nio.ByteBuffer;

/**
 * Small captures made in tests, in BinaryFILE framing.
 */
final class TestCaptures
{
    private TestCaptures()
    {
    }

    /**
     * @param timestampsNs of the messages, nanoseconds since midnight.
     * @return a capture of ITCH system events (12 bytes each, encoded by juncture) with those timestamps.
     */
    static BinaryFileCapture systemEvents(final long... timestampsNs)
    {
        final ByteBuffer buffer = ByteBuffer.allocateDirect(timestampsNs.length * (2 + 12));
        final ITCH50.SystemEvent event = new ITCH50.SystemEvent();
        for (final long timestampNs : timestampsNs)
        {
            event.timestampHigh = (int)(timestampNs >>> 32);
            event.timestampLow = timestampNs & 0xFFFF_FFFFL;
            event.eventCode = ITCH50.EVENT_CODE_START_OF_MARKET_HOURS;
            buffer.putShort((short)12);
            event.put(buffer);
        }

        return BinaryFileCapture.index("system events", buffer.flip());
    }
}
