package corezero.itch.tools;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the ITCH messages of a capture file: NASDAQ BinaryFILE, or a classic pcap of a MoldUDP64 feed (Ethernet,
 * optional VLAN tags, IPv4, UDP), told apart by the pcap magic number. Shared by the command-line tools.
 */
public final class CaptureFiles
{
    private CaptureFiles()
    {
    }

    /**
     * Hand every message of {@code file} to {@code sink}, in file order.
     *
     * @param file  the capture.
     * @param sink  receives each message; returning false stops the read.
     * @param warn  where non-fatal problems (frames that are not UDP, bad MoldUDP64 payloads) are reported.
     * @param stats counts of what was read, or null.
     * @throws MalformedCaptureException when the framing itself is broken, naming the file offset.
     * @throws IOException               when the file cannot be read.
     */
    public static void read(final Path file, final MessageSink sink, final PrintStream warn, final CaptureStats stats)
        throws IOException, MalformedCaptureException
    {
        final CaptureStats counts = null == stats ? new CaptureStats() : stats;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 20))
        {
            in.mark(4);
            final byte[] head = in.readNBytes(4);
            in.reset();
            final int magic = head.length < 4 ? 0 :
                (head[0] & 0xFF) << 24 | (head[1] & 0xFF) << 16 | (head[2] & 0xFF) << 8 | head[3] & 0xFF;

            final CaptureInput input = new CaptureInput(in);
            if (PcapReader.isPcap(magic))
            {
                new PcapReader(warn).read(input, sink, counts);
            }
            else if (PcapReader.MAGIC_PCAPNG == magic)
            {
                throw new MalformedCaptureException(0, "pcapng is not supported (convert: editcap -F pcap IN OUT)");
            }
            else
            {
                new BinaryFileReader().read(input, sink, counts);
            }
        }
    }
}
