package corezero.core;

import corezero.book.BookView;
import corezero.book.OrderBooks;
import corezero.itch.MoldUdp64Descriptor;
import corezero.nic.FrameHandler;
import corezero.nic.FrameTransport;
import corezero.telemetry.EngineCounter;
import corezero.telemetry.EngineCounters;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.CountersManager;
import org.agrona.concurrent.status.CountersReader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * More than a million random and mutated MoldUDP64 packets, built from the real capture, thrown at the whole
 * market-data pipeline (session, decoder, books) as the hot thread runs it: nothing throws, every packet is
 * counted, every reject is counted by kind, and the books keep their invariants (sorted levels, no empty level).
 */
class MarketDataFeedFuzzTest
{
    private static final int PACKETS = 1_200_000;
    private static final byte[] SESSION = "FUZZSESS01".getBytes(StandardCharsets.US_ASCII);

    @Test
    void pipelineSurvivesRandomAndMutatedPacketsAndKeepsItsInvariants() throws IOException
    {
        final List<byte[]> messages = CapturePackets.messages();
        final List<byte[]> packets = new ArrayList<>();
        long sequence = 1;
        for (int first = 0; first < messages.size(); first += 6)
        {
            final int count = Math.min(6, messages.size() - first);
            packets.add(CapturePackets.packet(SESSION, messages, sequence, first, count).byteArray());
            sequence += count;
        }

        final CountersManager manager = new CountersManager(
            new UnsafeBuffer(ByteBuffer.allocateDirect(64 * CountersReader.METADATA_LENGTH)),
            new UnsafeBuffer(ByteBuffer.allocateDirect(64 * CountersReader.COUNTER_LENGTH)));
        final EngineCounters counters = new EngineCounters(manager);
        final OrderBooks books = new OrderBooks(1 << 16, 1024, 64);
        final FeedConfig config = new FeedConfig(
            FeedConfig.Transport.SHARED_MEMORY, null, null, Path.of("unused"), null, 65536, 1 << 18,
            TimeUnit.MILLISECONDS.toNanos(1), 3);
        final MarketDataFeed feed = new MarketDataFeed(idle(), null, null, 16, config, books, counters);

        final Random random = new Random(20261130L);
        final UnsafeBuffer scratch = new UnsafeBuffer(new byte[2048]);
        long nowNs = 0;
        int mutated = 0;
        for (int i = 0; i < PACKETS; i++)
        {
            final byte[] base = packets.get(random.nextInt(packets.size()));
            final int length = mutate(random, base, scratch);
            if (length != base.length || !sameBytes(base, scratch))
            {
                mutated++;
            }
            feed.onFrame(scratch, 0, length);
            nowNs += 200_000;
            feed.poll(nowNs);
        }
        feed.publishCounters();

        final long packetsSeen = counters.get(EngineCounter.FEED_PACKETS).get();
        assertTrue(packetsSeen > 0 && packetsSeen <= PACKETS, "packets counted: " + packetsSeen);
        assertTrue(mutated > PACKETS / 2, "most packets were mutated: " + mutated);
        assertTrue(counters.get(EngineCounter.FEED_MESSAGES).get() > 0);
        assertTrue(count(counters, EngineCounter.FEED_DUPLICATES) > 0);
        assertTrue(count(counters, EngineCounter.FEED_OLD_PACKETS) > 0);
        assertTrue(count(counters, EngineCounter.FEED_TRUNCATED) > 0);
        assertTrue(count(counters, EngineCounter.FEED_BAD_BLOCKS) > 0);
        assertTrue(count(counters, EngineCounter.FEED_GAPS) > 0);
        assertTrue(count(counters, EngineCounter.ITCH_UNKNOWN_TYPES) > 0);
        assertTrue(count(counters, EngineCounter.ITCH_BAD_LENGTHS) > 0);
        assertTrue(counters.get(EngineCounter.BOOK_UNKNOWN_ORDERS).get() > 0);
        assertEquals(books.orderCount(), counters.get(EngineCounter.BOOK_OPEN_ORDERS).get());

        for (int locate = 1; locate <= 64; locate++)
        {
            assertInvariants(books.book(locate));
        }
    }

    private static long count(final EngineCounters counters, final EngineCounter counter)
    {
        return counters.get(counter).get();
    }

    private static void assertInvariants(final BookView book)
    {
        for (int i = 0; i < book.bidLevels(); i++)
        {
            assertTrue(book.bidShares(i) > 0 && book.bidOrderCount(i) > 0, "empty bid level kept");
            if (i > 0)
            {
                assertTrue(book.bidPrice(i) < book.bidPrice(i - 1), "bids sorted best first");
            }
        }
        for (int i = 0; i < book.askLevels(); i++)
        {
            assertTrue(book.askShares(i) > 0 && book.askOrderCount(i) > 0, "empty ask level kept");
            if (i > 0)
            {
                assertTrue(book.askPrice(i) > book.askPrice(i - 1), "asks sorted best first");
            }
        }
    }

    /** A copy of {@code base} with none, one or several mutations, in scratch; returns its length. */
    private static int mutate(final Random random, final byte[] base, final UnsafeBuffer scratch)
    {
        int length = base.length;
        scratch.putBytes(0, base);
        final int kind = random.nextInt(10);
        switch (kind)
        {
            case 0:
            case 1:
                break;
            case 2:
                for (int n = 1 + random.nextInt(8); n > 0; n--)
                {
                    scratch.putByte(random.nextInt(length), (byte)random.nextInt(256));
                }
                break;
            case 3:
                length = random.nextInt(length + 1);
                break;
            case 4:
                final int extra = random.nextInt(64);
                for (int i = 0; i < extra; i++)
                {
                    scratch.putByte(length + i, (byte)random.nextInt(256));
                }
                length += extra;
                break;
            case 5:
                scratch.putShort(MoldUdp64Descriptor.MESSAGE_COUNT_OFFSET, (short)random.nextInt(65536),
                    MoldUdp64Descriptor.BYTE_ORDER);
                break;
            case 6:
                scratch.putLong(MoldUdp64Descriptor.SEQUENCE_NUMBER_OFFSET,
                    random.nextBoolean() ? random.nextInt(20_000) : random.nextLong(),
                    MoldUdp64Descriptor.BYTE_ORDER);
                break;
            case 7:
                final int firstType = MoldUdp64Descriptor.HEADER_LENGTH + MoldUdp64Descriptor.BLOCK_HEADER_LENGTH;
                if (length > firstType)
                {
                    scratch.putByte(firstType, (byte)(' ' + random.nextInt(96)));
                }
                break;
            case 8:
                if (length > MoldUdp64Descriptor.HEADER_LENGTH + 1)
                {
                    scratch.putShort(MoldUdp64Descriptor.HEADER_LENGTH, (short)random.nextInt(65536),
                        MoldUdp64Descriptor.BYTE_ORDER);
                }
                break;
            default:
                length = random.nextInt(1500);
                for (int i = 0; i < length; i++)
                {
                    scratch.putByte(i, (byte)random.nextInt(256));
                }
                if (random.nextBoolean() && length >= SESSION.length)
                {
                    scratch.putBytes(0, SESSION);
                }
                break;
        }
        return length;
    }

    private static boolean sameBytes(final byte[] base, final UnsafeBuffer scratch)
    {
        for (int i = 0; i < base.length; i++)
        {
            if (base[i] != scratch.getByte(i))
            {
                return false;
            }
        }
        return true;
    }

    private static FrameTransport idle()
    {
        return new FrameTransport()
        {
            public int poll(final FrameHandler handler, final int limit)
            {
                return 0;
            }

            public String description()
            {
                return "none";
            }

            public void close()
            {
            }
        };
    }
}
