package corezero.core;

import corezero.itch.MoldUdp64Descriptor;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The shared real ITCH capture, and MoldUDP64 packets built from it by hand from the spec's layout. */
final class CapturePackets
{
    private CapturePackets()
    {
    }

    /** The 10,000 messages of the shared AAPL capture (BinaryFILE: 2-byte big-endian length, then the message). */
    static List<byte[]> messages() throws IOException
    {
        final Path shared = Path.of(System.getProperty("corezero.shared.dir", "../../shared"));
        final byte[] file = Files.readAllBytes(shared.resolve("data/itch50-aapl-20200130-10k.bin"));
        final List<byte[]> messages = new ArrayList<>();
        for (int at = 0; at + 2 <= file.length; )
        {
            final int length = (file[at] & 0xFF) << 8 | file[at + 1] & 0xFF;
            final byte[] message = new byte[length];
            System.arraycopy(file, at + 2, message, 0, length);
            messages.add(message);
            at += 2 + length;
        }
        return messages;
    }

    /** A MoldUDP64 downstream packet holding {@code count} messages from index {@code first}. */
    static UnsafeBuffer packet(
        final byte[] session, final List<byte[]> messages, final long sequence, final int first, final int count)
    {
        int length = MoldUdp64Descriptor.HEADER_LENGTH;
        for (int i = first; i < first + count; i++)
        {
            length += MoldUdp64Descriptor.BLOCK_HEADER_LENGTH + messages.get(i).length;
        }
        final UnsafeBuffer packet = new UnsafeBuffer(new byte[length]);
        MoldUdp64Descriptor.encodeHeader(packet, 0, session, sequence, count);
        int at = MoldUdp64Descriptor.HEADER_LENGTH;
        for (int i = first; i < first + count; i++)
        {
            final byte[] message = messages.get(i);
            packet.putShort(at, (short)message.length, MoldUdp64Descriptor.BYTE_ORDER);
            packet.putBytes(at + MoldUdp64Descriptor.BLOCK_HEADER_LENGTH, message);
            at += MoldUdp64Descriptor.BLOCK_HEADER_LENGTH + message.length;
        }
        return packet;
    }
}
