package corezero.itch.tools;

import corezero.itch.SharedCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ItchDumpTest
{
    private static final String FIRST_LINE = "R StockDirectory stockLocate=13 trackingNumber=0 " +
        "timestamp=11234909934345 time=03:07:14.909934345 stock=AAPL marketCategory=Q financialStatusIndicator=N " +
        "roundLotSize=100 roundLotsOnly=N issueClassification=C issueSubType=Z authenticity=P " +
        "shortSaleThresholdIndicator=N ipoFlag=N luldReferencePriceTier=1 etpFlag=N etpLeverageFactor=0 " +
        "inverseIndicator=N";
    private static final String FIRST_JSON = "{\"type\":\"R\",\"stockLocate\":13,\"trackingNumber\":0," +
        "\"timestamp\":11234909934345,\"stock\":\"AAPL\",\"marketCategory\":\"Q\",\"financialStatusIndicator\":\"N\"," +
        "\"roundLotSize\":100,\"roundLotsOnly\":\"N\",\"issueClassification\":\"C\",\"issueSubType\":\"Z\"," +
        "\"authenticity\":\"P\",\"shortSaleThresholdIndicator\":\"N\",\"ipoFlag\":\"N\"," +
        "\"luldReferencePriceTier\":\"1\",\"etpFlag\":\"N\",\"etpLeverageFactor\":0,\"inverseIndicator\":\"N\"}";
    private static final Pattern JSON_OBJECT = Pattern.compile(
        "\\{\"type\":\"[A-Za-z]\"(,\"[a-zA-Z0-9]+\":(\"([^\"\\\\\\x00-\\x1f]|\\\\[\"\\\\]|\\\\u[0-9a-f]{4})*\"|\\d+(\\.\\d+)?))*}");
    private static final Pattern TEXT_LINE = Pattern.compile("[A-Za-z] [A-Za-z]+( [a-zA-Z0-9]+=(\\S+|\"[^\"]*\"))+");

    @TempDir
    Path temp;

    private record Result(int exitCode, List<String> out, String err)
    {
        List<String> messageLines()
        {
            return out.stream().filter(line -> !line.startsWith("-- ")).collect(Collectors.toList());
        }
    }

    private static Result run(final String... args)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final int exitCode = ItchDump.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
        final String text = out.toString(StandardCharsets.UTF_8);

        return new Result(exitCode, text.isEmpty() ? List.of() : Arrays.asList(text.split("\\R")),
            err.toString(StandardCharsets.UTF_8));
    }

    private static String capture()
    {
        return SharedCapture.path().toString();
    }

    @Test
    void textDumpOfTheRealCapture()
    {
        final Result result = run(capture());

        assertEquals(0, result.exitCode(), result.err());
        assertEquals("", result.err());
        final List<String> lines = result.messageLines();
        assertEquals(10_000, lines.size());
        assertEquals(FIRST_LINE, lines.get(0));
        for (final String line : lines)
        {
            assertTrue(TEXT_LINE.matcher(line).matches(), line);
        }
        assertTrue(lines.get(1).startsWith("H StockTradingAction stockLocate=13 "));
        assertTrue(lines.get(1).endsWith("stock=AAPL tradingState=T reserved=\" \" reason=\"\""), lines.get(1));
        assertTrue(lines.stream().filter(l -> l.startsWith("A AddOrder ")).allMatch(
            l -> l.matches(".* buySellIndicator=[BS] shares=\\d+ stock=AAPL price=\\d+\\.\\d{4}")));
        assertEquals("A AddOrder stockLocate=13 trackingNumber=0 timestamp=28769800554668 " +
            "time=07:59:29.800554668 orderReferenceNumber=4082229 buySellIndicator=S shares=30 stock=AAPL " +
            "price=320.4300", lines.get(9998));

        final String summary = String.join("\n", result.out());
        assertTrue(summary.contains("-- BinaryFILE: 10000 messages printed, 10000 decoded, 0 rejected"), summary);
        for (final String count : List.of("A AddOrder 4758", "D OrderDelete 4083", "E OrderExecuted 849",
            "P Trade 240", "L MarketParticipantPosition 52", "U OrderReplace 7", "X OrderCancel 6",
            "F AddOrderMpid 2", "R StockDirectory 1", "H StockTradingAction 1", "Y RegShoRestriction 1"))
        {
            final String[] parts = count.split(" ");
            assertTrue(Pattern.compile("(?m)^-- " + parts[0] + " " + parts[1] + " +" + parts[2] + "$")
                .matcher(summary).find(), count + " in\n" + summary);
        }
    }

    @Test
    void jsonDumpOfTheRealCapture()
    {
        final Result result = run(capture(), "--json");

        assertEquals(0, result.exitCode(), result.err());
        assertEquals(10_000, result.out().size(), "nothing but the objects on stdout");
        assertEquals(FIRST_JSON, result.out().get(0));
        for (final String line : result.out())
        {
            assertTrue(JSON_OBJECT.matcher(line).matches(), line);
        }
        assertEquals("{\"type\":\"A\",\"stockLocate\":13,\"trackingNumber\":0,\"timestamp\":28769800554668," +
            "\"orderReferenceNumber\":4082229,\"buySellIndicator\":\"S\",\"shares\":30,\"stock\":\"AAPL\"," +
            "\"price\":320.4300}", result.out().get(9998));
        assertTrue(result.out().get(1).contains("\"reserved\":\" \",\"reason\":\"\"}"), result.out().get(1));
        assertTrue(result.err().contains("10000 messages printed"), result.err());
    }

    @Test
    void symbolFilterKeepsTheStockOfItsDirectoryLocate()
    {
        final Result aapl = run(capture(), "--symbol", "AAPL");
        assertEquals(0, aapl.exitCode());
        assertEquals(10_000, aapl.messageLines().size());

        final Result msft = run(capture(), "--symbol", "MSFT");
        assertEquals(0, msft.exitCode());
        assertEquals(0, msft.messageLines().size());
        assertTrue(String.join("\n", msft.out()).contains("0 messages printed, 10000 decoded"));
    }

    @Test
    void limitStopsAfterThatManyPrintedMessages()
    {
        final Result five = run(capture(), "--limit", "5", "--symbol", "AAPL");
        assertEquals(0, five.exitCode());
        assertEquals(5, five.messageLines().size());
        assertEquals(FIRST_LINE, five.messageLines().get(0));
        assertTrue(five.out().contains("-- BinaryFILE: 5 messages printed, 5 decoded, 0 rejected"), five.out()
            .toString());

        final Result none = run("--limit", "0", capture(), "--json");
        assertEquals(0, none.exitCode());
        assertEquals(List.of(), none.out());
    }

    @Test
    void badArgumentsExitWithTwoAndSayWhy()
    {
        assertUsage(run(), "missing FILE");
        assertUsage(run(capture(), "--frobnicate"), "unknown option '--frobnicate'");
        assertUsage(run(capture(), "--limit"), "--limit needs a value");
        assertUsage(run(capture(), "--limit", "ten"), "--limit needs a whole number >= 0, got 'ten'");
        assertUsage(run(capture(), "--limit", "-1"), "--limit needs a whole number >= 0, got '-1'");
        assertUsage(run(capture(), "--symbol", "TOOLONGSYM"), "--symbol: stock symbol must be 1 to 8 characters");
        assertUsage(run(capture(), capture()), "one FILE only");
        assertUsage(run(temp.resolve("absent.bin").toString()), "no such file");
        assertUsage(run(temp.toString()), "no such file");

        final Result help = run("--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().get(0).startsWith("usage: itch-dump FILE"));
    }

    private static void assertUsage(final Result result, final String message)
    {
        assertEquals(2, result.exitCode(), result.err());
        assertTrue(result.err().startsWith("itch-dump: " + message), result.err());
        assertTrue(result.err().contains("usage: itch-dump FILE"), result.err());
    }

    @Test
    void malformedBinaryFileNamesTheOffsetAndExitsWithOne() throws IOException
    {
        final byte[] three = binaryFile(0, 3);
        final byte[] cut = Arrays.copyOf(three, three.length + 2 + 10);
        cut[three.length] = 0;
        cut[three.length + 1] = 36;
        cut[three.length + 2] = 'A';
        final Path file = Files.write(temp.resolve("cut.bin"), cut);

        final Result result = run(file.toString());

        assertEquals(1, result.exitCode());
        assertEquals(3, result.messageLines().size(), "what came before is printed");
        assertTrue(result.err().contains(
            "BinaryFILE message of 36 bytes with only 10 left in the file at offset " + three.length), result.err());

        final Path odd = Files.write(temp.resolve("odd.bin"), Arrays.copyOf(three, three.length + 1));
        final Result oddResult = run(odd.toString());
        assertEquals(1, oddResult.exitCode());
        assertTrue(oddResult.err().contains("length field cut short by the end of file at offset " + three.length),
            oddResult.err());
    }

    @Test
    void endOfSessionMarkerEndsABinaryFile() throws IOException
    {
        final byte[] two = binaryFile(0, 2);
        final byte[] withEnd = Arrays.copyOf(two, two.length + 2 + 40);
        final Path file = Files.write(temp.resolve("ended.bin"), withEnd);

        final Result result = run(file.toString());
        assertEquals(0, result.exitCode(), result.err());
        assertEquals(2, result.messageLines().size());
        assertTrue(result.out().contains("-- end-of-session marker reached"), result.out().toString());
    }

    @Test
    void unknownAndWrongLengthMessagesAreReportedNotFatal() throws IOException
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(binaryFile(0, 1));
        bytes.writeBytes(new byte[] {0, 3, 'Z', 1, 2});
        bytes.writeBytes(new byte[] {0, 2, 'A', 0});
        bytes.writeBytes(binaryFile(1, 1));
        final Path file = Files.write(temp.resolve("odd-messages.bin"), bytes.toByteArray());

        final Result result = run(file.toString());
        assertEquals(0, result.exitCode());
        assertEquals(2, result.messageLines().size());
        assertTrue(result.err().contains("skipped unknown message type 0x5a, 3 bytes at offset"), result.err());
        assertTrue(result.err().contains("skipped AddOrder message of 2 bytes, expected 36 at offset"), result.err());
        assertTrue(result.out().contains("-- BinaryFILE: 2 messages printed, 2 decoded, 2 rejected"));
    }

    @Test
    void pcapOfTheCaptureDumpsTheSameLinesInEveryVariant() throws IOException
    {
        final List<String> expected = run(capture()).messageLines();
        final List<byte[]> packets = moldPackets(1, 0, 10_000, 1_200);

        int variant = 0;
        for (final boolean bigEndian : new boolean[] {false, true})
        {
            for (final boolean nanos : new boolean[] {false, true})
            {
                for (final int[] tags : new int[][] {{}, {0x8100}, {0x88A8, 0x8100}})
                {
                    final PcapWriter writer = new PcapWriter(bigEndian, nanos);
                    writer.raw(arpFrame());
                    writer.udp(heartbeat(1), tags);
                    for (final byte[] packet : packets)
                    {
                        writer.udp(packet, tags);
                    }
                    writer.udp(endOfSession(10_001), tags);
                    final Path file = Files.write(temp.resolve("feed-" + variant++ + ".pcap"), writer.bytes());

                    final Result result = run(file.toString());
                    final String what = "bigEndian=" + bigEndian + " nanos=" + nanos + " tags=" + tags.length;
                    assertEquals(0, result.exitCode(), what + ": " + result.err());
                    assertEquals(expected, result.messageLines(), what);
                    final String summary = String.join("\n", result.out());
                    assertTrue(summary.contains("-- pcap: 10000 messages printed, 10000 decoded, 0 rejected"), summary);
                    assertTrue(summary.contains("-- pcap: " + (packets.size() + 3) + " frames, " +
                        (packets.size() + 2) + " MoldUDP64 packets (1 heartbeats, 1 end of session, 0 malformed), " +
                        "1 frames not IPv4/UDP, 0 truncated"), what + "\n" + summary);
                }
            }
        }
    }

    @Test
    void pcapWithJsonSymbolAndLimit() throws IOException
    {
        final PcapWriter writer = new PcapWriter(false, false);
        for (final byte[] packet : moldPackets(1, 0, 200, 600))
        {
            writer.udp(packet, 0x8100);
        }
        final Path file = Files.write(temp.resolve("small.pcap"), writer.bytes());

        final Result result = run(file.toString(), "--json", "--symbol", "AAPL", "--limit", "7");
        assertEquals(0, result.exitCode(), result.err());
        assertEquals(7, result.out().size());
        assertEquals(FIRST_JSON, result.out().get(0));
    }

    @Test
    void badMoldPacketsInAPcapAreSkippedAndCounted() throws IOException
    {
        final byte[] good = moldPackets(1, 0, 3, 1_200).get(0);
        final byte[] overrun = good.clone();
        overrun[20] = 0x7F;
        final PcapWriter writer = new PcapWriter(true, false)
            .udp(new byte[] {1, 2, 3})
            .udp(overrun)
            .udp(good);
        final Path file = Files.write(temp.resolve("bad-mold.pcap"), writer.bytes());

        final Result result = run(file.toString());
        assertEquals(0, result.exitCode(), result.err());
        assertEquals(3, result.messageLines().size());
        assertTrue(result.err().contains("skipped MoldUDP64 packet: shorter than its 20-byte header at offset"),
            result.err());
        assertTrue(result.err().contains("skipped MoldUDP64 packet: block length 32551 runs past its end at offset"),
            result.err());
        assertTrue(String.join("\n", result.out()).contains("(0 heartbeats, 0 end of session, 2 malformed)"));
    }

    @Test
    void malformedPcapNamesTheOffsetAndExitsWithOne() throws IOException
    {
        final byte[] whole = new PcapWriter(false, true).udp(moldPackets(1, 0, 3, 1_200).get(0)).bytes();
        final Path cut = Files.write(temp.resolve("cut.pcap"), Arrays.copyOf(whole, whole.length - 5));
        final Result cutResult = run(cut.toString());
        assertEquals(1, cutResult.exitCode());
        assertTrue(cutResult.err().contains("with only") && cutResult.err().contains("at offset 24"),
            cutResult.err());

        final Path header = Files.write(temp.resolve("header.pcap"), Arrays.copyOf(whole, 30));
        final Result headerResult = run(header.toString());
        assertEquals(1, headerResult.exitCode());
        assertTrue(headerResult.err().contains("pcap record header cut short at offset 24"), headerResult.err());

        final Path sll = Files.write(temp.resolve("sll.pcap"), new PcapWriter(false, false, 113).bytes());
        final Result sllResult = run(sll.toString());
        assertEquals(1, sllResult.exitCode());
        assertTrue(sllResult.err().contains("pcap link type 113 is not Ethernet (1) at offset 20"), sllResult.err());
    }

    /**
     * @return messages [from, from + count) of the capture in BinaryFILE framing.
     */
    private static byte[] binaryFile(final int from, final int count)
    {
        final SharedCapture capture = SharedCapture.load();
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = from; i < from + count; i++)
        {
            final byte[] message = capture.message(i);
            out.write(message.length >>> 8);
            out.write(message.length);
            out.writeBytes(message);
        }

        return out.toByteArray();
    }

    /**
     * @return MoldUDP64 packets of at most {@code maxLength} bytes holding capture messages [from, from + count).
     */
    static List<byte[]> moldPackets(final long firstSequence, final int from, final int count, final int maxLength)
    {
        final SharedCapture capture = SharedCapture.load();
        final List<byte[]> packets = new ArrayList<>();
        long sequence = firstSequence;
        int index = from;
        while (index < from + count)
        {
            final ByteArrayOutputStream blocks = new ByteArrayOutputStream();
            int messages = 0;
            while (index < from + count && 20 + blocks.size() + 2 + capture.length(index) <= maxLength)
            {
                final byte[] message = capture.message(index++);
                blocks.write(message.length >>> 8);
                blocks.write(message.length);
                blocks.writeBytes(message);
                messages++;
            }
            packets.add(moldPacket(sequence, messages, blocks.toByteArray()));
            sequence += messages;
        }

        return packets;
    }

    private static byte[] heartbeat(final long nextSequence)
    {
        return moldPacket(nextSequence, 0, new byte[0]);
    }

    private static byte[] endOfSession(final long nextSequence)
    {
        return moldPacket(nextSequence, 0xFFFF, new byte[0]);
    }

    private static byte[] moldPacket(final long sequence, final int count, final byte[] blocks)
    {
        final byte[] packet = new byte[20 + blocks.length];
        System.arraycopy("20200130AA".getBytes(StandardCharsets.US_ASCII), 0, packet, 0, 10);
        for (int i = 0; i < 8; i++)
        {
            packet[10 + i] = (byte)(sequence >>> (56 - 8 * i));
        }
        packet[18] = (byte)(count >>> 8);
        packet[19] = (byte)count;
        System.arraycopy(blocks, 0, packet, 20, blocks.length);

        return packet;
    }

    private static byte[] arpFrame()
    {
        final byte[] frame = new byte[60];
        Arrays.fill(frame, 0, 6, (byte)0xFF);
        frame[12] = 0x08;
        frame[13] = 0x06;

        return frame;
    }
}
