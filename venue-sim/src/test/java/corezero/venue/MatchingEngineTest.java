package corezero.venue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static corezero.venue.MatchingEngine.BUY;
import static corezero.venue.MatchingEngine.DAY;
import static corezero.venue.MatchingEngine.IMMEDIATE_OR_CANCEL;
import static corezero.venue.MatchingEngine.SELL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class MatchingEngineTest
{
    private static final int LOCATE = 7;

    private final MatchingEventLog log = new MatchingEventLog();
    private final MatchingEngine engine = new MatchingEngine(log);

    private int enter(final long orderId, final byte side, final long qty, final long price, final byte timeInForce)
    {
        return engine.enter(orderId, LOCATE, side, qty, price, timeInForce, 1_000L * orderId);
    }

    private List<String> book()
    {
        final List<String> orders = new ArrayList<>();
        final MatchingBook book = engine.bookOrNull(LOCATE);
        if (null != book)
        {
            book.forEachOrder((orderId, side, qty, price) -> orders.add((char)side + " " + orderId + " " + qty + "@" + price));
            assertFalse(book.isCrossed());
        }

        return orders;
    }

    @Test
    void restsWhenNotCrossingAndTradesAtTheRestingPriceWhenCrossing()
    {
        assertEquals(MatchingResult.OK, enter(1, SELL, 100, 10_0100, DAY));
        assertEquals(MatchingResult.OK, enter(2, BUY, 100, 10_0000, DAY));
        assertEquals(List.of(
            "accepted 1 7 S 100@100100 D", "A 1 S 100@100100",
            "accepted 2 7 B 100@100000 D", "A 2 B 100@100000"), log.take());

        assertEquals(MatchingResult.OK, enter(3, BUY, 60, 10_0500, DAY));
        assertEquals(List.of(
            "accepted 3 7 B 60@100500 D", "executed 1 3 60@100100 #1", "E 1 60@100100 #1"), log.take());
        assertEquals(List.of("B 2 100@100000", "S 1 40@100100"), book());

        assertEquals(MatchingResult.OK, enter(4, SELL, 200, 9_9900, DAY));
        assertEquals(List.of(
            "accepted 4 7 S 200@99900 D", "executed 2 4 100@100000 #2", "E 2 100@100000 #2", "A 4 S 100@99900"),
            log.take());
        assertEquals(List.of("S 4 100@99900", "S 1 40@100100"), book());
        assertEquals(2, engine.lastMatchNumber());
    }

    @Test
    void sweepsSeveralLevelsBestPriceFirstThenTimePriority()
    {
        enter(1, SELL, 100, 10_0200, DAY);
        enter(2, SELL, 50, 10_0100, DAY);
        enter(3, SELL, 70, 10_0100, DAY);
        enter(4, SELL, 30, 10_0300, DAY);
        enter(5, SELL, 10, 10_0100, DAY);
        log.take();

        enter(6, BUY, 200, 10_0200, DAY);
        assertEquals(List.of(
            "accepted 6 7 B 200@100200 D",
            "executed 2 6 50@100100 #1", "E 2 50@100100 #1",
            "executed 3 6 70@100100 #2", "E 3 70@100100 #2",
            "executed 5 6 10@100100 #3", "E 5 10@100100 #3",
            "executed 1 6 70@100200 #4", "E 1 70@100200 #4"), log.take());
        assertEquals(List.of("S 1 30@100200", "S 4 30@100300"), book());
    }

    @Test
    void immediateOrCancelRemainderIsCanceledNeverRests()
    {
        enter(1, BUY, 100, 5_0000, DAY);
        log.take();

        assertEquals(MatchingResult.OK, enter(2, SELL, 150, 4_9900, IMMEDIATE_OR_CANCEL));
        assertEquals(List.of(
            "accepted 2 7 S 150@49900 I", "executed 1 2 100@50000 #1", "E 1 100@50000 #1", "canceled 2 50 I"),
            log.take());
        assertEquals(List.of(), book());

        assertEquals(MatchingResult.OK, enter(3, SELL, 10, 4_9900, IMMEDIATE_OR_CANCEL));
        assertEquals(List.of("accepted 3 7 S 10@49900 I", "canceled 3 10 I"), log.take());
        assertEquals(0, engine.openOrderCount());
    }

    @Test
    void cancelsPartiallyKeepingPriorityAndFully()
    {
        enter(1, BUY, 100, 5_0000, DAY);
        enter(2, BUY, 100, 5_0000, DAY);
        log.take();

        assertEquals(MatchingResult.OK, engine.cancel(1, 30));
        assertEquals(List.of("canceled 1 70 U", "X 1 70"), log.take());
        assertEquals(List.of("B 1 30@50000", "B 2 100@50000"), book());

        assertEquals(MatchingResult.NOTHING_TO_CANCEL, engine.cancel(1, 30));
        assertEquals(MatchingResult.NOTHING_TO_CANCEL, engine.cancel(1, 31));
        assertEquals(List.of("rejected 1 NOTHING_TO_CANCEL", "rejected 1 NOTHING_TO_CANCEL"), log.take());

        assertEquals(MatchingResult.OK, engine.cancel(1, 0));
        assertEquals(List.of("canceled 1 30 U", "D 1"), log.take());
        assertEquals(List.of("B 2 100@50000"), book());

        assertEquals(MatchingResult.UNKNOWN_ORDER, engine.cancel(1, 0));
        assertEquals(List.of("rejected 1 UNKNOWN_ORDER"), log.take());
    }

    @Test
    void replaceKeepsPriorityOnlyWhenQuantityDoesNotIncreaseAtTheSamePrice()
    {
        enter(1, SELL, 100, 2_0000, DAY);
        enter(2, SELL, 100, 2_0000, DAY);
        enter(3, SELL, 100, 2_0000, DAY);
        log.take();

        assertEquals(MatchingResult.OK, engine.replace(1, 11, 80, 2_0000));
        assertEquals(List.of("replaced 1 11 80@20000", "U 1 11 80@20000"), log.take());
        assertEquals(List.of("S 11 80@20000", "S 2 100@20000", "S 3 100@20000"), book());

        assertEquals(MatchingResult.OK, engine.replace(2, 12, 101, 2_0000));
        assertEquals(List.of("replaced 2 12 101@20000", "U 2 12 101@20000"), log.take());
        assertEquals(List.of("S 11 80@20000", "S 3 100@20000", "S 12 101@20000"), book());

        assertEquals(MatchingResult.OK, engine.replace(11, 21, 50, 2_0100));
        assertEquals(MatchingResult.OK, engine.replace(21, 31, 50, 2_0000));
        log.take();
        assertEquals(List.of("S 3 100@20000", "S 12 101@20000", "S 31 50@20000"), book());

        enter(4, BUY, 10, 2_0000, DAY);
        assertEquals(List.of("accepted 4 7 B 10@20000 D", "executed 3 4 10@20000 #1", "E 3 10@20000 #1"), log.take());
    }

    @Test
    void everyReplaceLosesPriorityWhenConfiguredAsOuchFiveWrites()
    {
        final MatchingEngine strict = new MatchingEngine(log, false);
        strict.enter(1, LOCATE, SELL, 100, 2_0000, DAY, 0);
        strict.enter(2, LOCATE, SELL, 100, 2_0000, DAY, 0);
        strict.replace(1, 11, 80, 2_0000);
        strict.enter(3, LOCATE, BUY, 10, 2_0000, DAY, 0);
        assertEquals(List.of(
            "replaced 1 11 80@20000", "U 1 11 80@20000",
            "accepted 3 7 B 10@20000 D", "executed 2 3 10@20000 #1", "E 2 10@20000 #1"),
            log.take().subList(4, 9));
    }

    @Test
    void executedQuantityIsKeptAcrossTheReplaceChain()
    {
        enter(1, BUY, 100, 5_0000, DAY);
        enter(2, SELL, 30, 5_0000, DAY);
        assertEquals(30, engine.executedQty(1));
        engine.replace(1, 11, 70, 5_0100);
        assertEquals(30, engine.executedQty(11));
        enter(3, SELL, 20, 5_0100, DAY);
        engine.replace(11, 21, 40, 5_0100);
        assertEquals(50, engine.executedQty(21));
        assertEquals(40, engine.openQty(21));

        enter(4, SELL, 10, 5_0200, DAY);
        assertEquals(0, engine.executedQty(4));
        engine.replace(4, 14, 100, 4_0000);
        assertEquals(0, engine.openQty(21));
        assertEquals(60, engine.openQty(14));
        assertEquals(40, engine.executedQty(14));
        assertEquals(List.of("S 14 60@40000"), book());
    }

    @Test
    void replaceToACrossingPriceTradesAtOnceAfterTheOldOrderLeavesTheFeed()
    {
        enter(1, SELL, 100, 2_0100, DAY);
        enter(2, BUY, 100, 2_0000, DAY);
        log.take();

        assertEquals(MatchingResult.OK, engine.replace(2, 3, 150, 2_0100));
        assertEquals(List.of(
            "replaced 2 3 150@20100", "D 2", "executed 1 3 100@20100 #1", "E 1 100@20100 #1", "A 3 B 50@20100"),
            log.take());
        assertEquals(List.of("B 3 50@20100"), book());
    }

    @Test
    void rejects()
    {
        enter(1, BUY, 100, 5_0000, DAY);
        log.take();

        assertEquals(MatchingResult.DUPLICATE_ID, enter(1, SELL, 100, 5_0100, DAY));
        assertEquals(MatchingResult.ZERO_QUANTITY, enter(2, SELL, 0, 5_0100, DAY));
        assertEquals(MatchingResult.ZERO_QUANTITY, enter(2, SELL, -5, 5_0100, DAY));
        assertEquals(MatchingResult.BAD_SIDE, enter(2, (byte)'X', 100, 5_0100, DAY));
        assertEquals(MatchingResult.BAD_PRICE, enter(2, SELL, 100, 0, DAY));
        assertEquals(MatchingResult.BAD_PRICE, enter(2, SELL, 100, -100, DAY));
        assertEquals(MatchingResult.BAD_PRICE, enter(2, SELL, 100, 5_0101, DAY));
        assertEquals(MatchingResult.BAD_PRICE, enter(2, SELL, 100, MatchingEngine.MAX_PRICE + 100, DAY));
        assertEquals(MatchingResult.BAD_TIME_IN_FORCE, enter(2, SELL, 100, 5_0100, (byte)'G'));
        assertEquals(MatchingResult.BAD_LOCATE, engine.enter(2, 0, SELL, 100, 5_0100, DAY, 0));
        assertEquals(MatchingResult.BAD_LOCATE, engine.enter(2, 65_536, SELL, 100, 5_0100, DAY, 0));
        assertEquals(MatchingResult.OK, enter(2, BUY, 100, 9999, DAY));
        log.take();

        assertEquals(MatchingResult.UNKNOWN_ORDER, engine.replace(99, 100, 10, 5_0000));
        assertEquals(MatchingResult.DUPLICATE_ID, engine.replace(1, 2, 10, 5_0000));
        assertEquals(MatchingResult.DUPLICATE_ID, engine.replace(1, 1, 10, 5_0000));
        assertEquals(MatchingResult.ZERO_QUANTITY, engine.replace(1, 3, 0, 5_0000));
        assertEquals(MatchingResult.BAD_PRICE, engine.replace(1, 3, 10, 5_0001));
        assertEquals(MatchingResult.UNKNOWN_ORDER, engine.cancel(99, 0));
        assertEquals(List.of(
            "rejected 99 UNKNOWN_ORDER", "rejected 1 DUPLICATE_ID", "rejected 1 DUPLICATE_ID",
            "rejected 1 ZERO_QUANTITY", "rejected 1 BAD_PRICE", "rejected 99 UNKNOWN_ORDER"), log.take());
        assertEquals(List.of("B 1 100@50000", "B 2 100@9999"), book());
    }

    @Test
    void booksAreSeparatePerLocateAndMatchNumbersAreEngineWide()
    {
        engine.enter(1, 1, SELL, 10, 1_0000, DAY, 0);
        engine.enter(2, 2, SELL, 10, 1_0000, DAY, 0);
        engine.enter(3, 2, BUY, 5, 1_0000, DAY, 0);
        engine.enter(4, 1, BUY, 5, 1_0000, DAY, 0);
        engine.enter(5, 2, BUY, 5, 1_0000, DAY, 0);
        assertEquals(List.of("executed 2 3 5@10000 #1", "executed 1 4 5@10000 #2", "executed 2 5 5@10000 #3"),
            log.take().stream().filter((event) -> event.startsWith("executed")).toList());
        assertEquals(5, engine.openQty(1));
        assertEquals(0, engine.openQty(2));
        assertEquals(MatchingBook.NO_PRICE, engine.bookOrNull(2).bestAsk());
    }
}
