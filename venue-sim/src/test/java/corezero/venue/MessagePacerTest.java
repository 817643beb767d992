package corezero.venue;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

class MessagePacerTest
{
    private static final long MILLISECOND_NS = TimeUnit.MILLISECONDS.toNanos(1);

    @Test
    void shouldReleaseMessagesAtTheRateWithoutDrift()
    {
        final MessagePacer pacer = new MessagePacer(3);
        pacer.start(0);
        assertEquals(1, pacer.available(0, Integer.MAX_VALUE));
        pacer.consume(1);

        long sent = 1;
        // 7 ms steps do not divide a third of a second: credit carries the remainders, nothing is lost to rounding.
        for (long nowNs = 7 * MILLISECOND_NS; nowNs <= 1_430 * 7 * MILLISECOND_NS; nowNs += 7 * MILLISECOND_NS)
        {
            final long available = pacer.available(nowNs, Integer.MAX_VALUE);
            pacer.consume((int)available);
            sent += available;
        }

        assertEquals(1 + 30, sent, "one at once, then three a second for 10.01 seconds");
    }

    @Test
    void shouldCapTheBacklogAfterAStall()
    {
        final MessagePacer pacer = new MessagePacer(10_000);
        pacer.start(0);

        assertEquals(1 + 1_000, pacer.available(TimeUnit.SECONDS.toNanos(5), Integer.MAX_VALUE),
            "at most 100 ms worth, not 5 s worth");
        pacer.consume(1_001);
        assertEquals(1, pacer.available(
            TimeUnit.SECONDS.toNanos(5) + TimeUnit.MICROSECONDS.toNanos(100), Integer.MAX_VALUE));
    }

    @Test
    void shouldNeverReleaseMoreThanTheCallerCanSend()
    {
        final MessagePacer pacer = new MessagePacer(10_000);
        pacer.start(0);

        assertEquals(7, pacer.available(TimeUnit.MILLISECONDS.toNanos(10), 7));
        pacer.consume(7);
        assertEquals(101 - 7, pacer.available(TimeUnit.MILLISECONDS.toNanos(10), Integer.MAX_VALUE),
            "what was not taken stays due");
    }

    @Test
    void shouldRejectRatesOutOfRange()
    {
        assertThrows(IllegalArgumentException.class, () -> new MessagePacer(0));
        assertThrows(IllegalArgumentException.class, () -> new MessagePacer(MessagePacer.MAX_MESSAGES_PER_SECOND + 1));
    }
}
