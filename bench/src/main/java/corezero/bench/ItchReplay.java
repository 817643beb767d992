package corezero.bench;

import com.paritytrading.juncture.nasdaq.itch50.ITCH50Parser;
import corezero.itch.ItchDecoder;
import corezero.itch.ItchHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.infra.Blackhole;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The two timed loops of the ITCH benchmarks: one pass over the {@link ItchSlice}, reading the BinaryFILE framing
 * and handing each message to our decoder or to the peer's parser. Both loops do the same framing work on the
 * same memory, so the difference between ours and the peer is the decode (and the book) alone. Each benchmark
 * runs in its own fork, so the handler or listener call site sees a single receiver type there.
 */
final class ItchReplay
{
    private ItchReplay()
    {
    }

    /**
     * Ours: decode every message of the capture.
     *
     * @param decoder to decode with.
     * @param buffer  the capture, framing included.
     * @param length  of the capture in bytes.
     * @param handler to hand each decoded message to.
     * @return messages framed (each one passed to the decoder).
     */
    static int decodeAll(
        final ItchDecoder decoder, final UnsafeBuffer buffer, final int length, final ItchHandler handler)
    {
        int messages = 0;
        int offset = 0;
        while (offset < length)
        {
            final int messageLength = buffer.getShort(offset, ByteOrder.BIG_ENDIAN) & 0xFFFF;
            final int message = offset + ItchSlice.FRAME_HEADER_LENGTH;
            decoder.decode(buffer, message, messageLength, handler);
            offset = message + messageLength;
            messages++;
        }
        return messages;
    }

    /**
     * The floor: the framing loop alone, handing each message's type byte and length to the blackhole (the same
     * two blackhole calls per message as the decode benchmarks' handlers make), with no decoder.
     *
     * @param buffer    the capture, framing included.
     * @param length    of the capture in bytes.
     * @param blackhole to consume with.
     * @return messages framed.
     */
    static int frameAll(final UnsafeBuffer buffer, final int length, final Blackhole blackhole)
    {
        int messages = 0;
        int offset = 0;
        while (offset < length)
        {
            final int messageLength = buffer.getShort(offset, ByteOrder.BIG_ENDIAN) & 0xFFFF;
            final int message = offset + ItchSlice.FRAME_HEADER_LENGTH;
            blackhole.consume(buffer.getByte(message));
            blackhole.consume(messageLength);
            offset = message + messageLength;
            messages++;
        }
        return messages;
    }

    /**
     * Peer: parse every message of the capture with juncture-nasdaq.
     *
     * @param parser   to parse with (its listener receives the messages).
     * @param frames   the capture, read only with absolute gets for the framing.
     * @param messages a second view of the same memory, framed around each message for the parser.
     * @param length   of the capture in bytes.
     * @return messages framed (each one passed to the parser).
     * @throws IOException from the parser on an unknown message type (none in this capture).
     */
    static int parseAll(final ITCH50Parser parser, final ByteBuffer frames, final ByteBuffer messages, final int length)
        throws IOException
    {
        int count = 0;
        int offset = 0;
        while (offset < length)
        {
            final int messageLength = frames.getShort(offset) & 0xFFFF;
            final int message = offset + ItchSlice.FRAME_HEADER_LENGTH;
            // The parser reads relative to the position and must stop at the message's end: its limit.
            messages.limit(message + messageLength).position(message);
            parser.message(messages);
            offset = message + messageLength;
            count++;
        }
        return count;
    }
}
