package corezero.venue;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Records a {@link MatchingEngine}'s events as readable strings and applies its book events to a mirror of what an
 * ITCH consumer would hold (order id to locate, side, shares, price), checking each event is applicable.
 */
final class MatchingEventLog implements MatchingListener
{
    final List<String> events = new ArrayList<>();

    /** Order id to {locate, side, qty, price}, as rebuilt from the book events alone. */
    final TreeMap<Long, long[]> feedBook = new TreeMap<>();

    List<String> take()
    {
        final List<String> taken = new ArrayList<>(events);
        events.clear();
        return taken;
    }

    @Override
    public void onAccepted(
        final long orderId, final int locate, final byte side, final long qty, final long price, final byte timeInForce)
    {
        events.add("accepted " + orderId + " " + locate + " " + (char)side + " " + qty + "@" + price + " " +
            (char)timeInForce);
    }

    @Override
    public void onRejected(final long orderId, final int reason)
    {
        events.add("rejected " + orderId + " " + MatchingResult.name(reason));
    }

    @Override
    public void onExecuted(
        final long restingOrderId, final long aggressorOrderId, final long qty, final long price, final long matchNumber)
    {
        events.add("executed " + restingOrderId + " " + aggressorOrderId + " " + qty + "@" + price + " #" + matchNumber);
    }

    @Override
    public void onCanceled(final long orderId, final long qty, final byte reason)
    {
        events.add("canceled " + orderId + " " + qty + " " + (char)reason);
    }

    @Override
    public void onReplaced(final long orderId, final long newOrderId, final long qty, final long price)
    {
        events.add("replaced " + orderId + " " + newOrderId + " " + qty + "@" + price);
    }

    @Override
    public void onBookAdd(final long orderId, final int locate, final byte side, final long qty, final long price)
    {
        events.add("A " + orderId + " " + (char)side + " " + qty + "@" + price);
        assertNull(feedBook.put(orderId, new long[]{locate, side, qty, price}), "add of an order on the book");
    }

    @Override
    public void onBookExecute(
        final long orderId, final int locate, final long qty, final long price, final long matchNumber)
    {
        events.add("E " + orderId + " " + qty + "@" + price + " #" + matchNumber);
        final long[] order = feedBook.get(orderId);
        assertNotNull(order, "execute of an order not on the book");
        assertEquals(order[3], price, "execution away from the resting price");
        assertTrue(qty > 0 && qty <= order[2], "execute of " + qty + " from " + order[2]);
        order[2] -= qty;
        if (0 == order[2])
        {
            feedBook.remove(orderId);
        }
    }

    @Override
    public void onBookCancel(final long orderId, final int locate, final long qty)
    {
        events.add("X " + orderId + " " + qty);
        final long[] order = feedBook.get(orderId);
        assertNotNull(order, "cancel of an order not on the book");
        assertTrue(qty > 0 && qty < order[2], "partial cancel of " + qty + " from " + order[2]);
        order[2] -= qty;
    }

    @Override
    public void onBookDelete(final long orderId, final int locate)
    {
        events.add("D " + orderId);
        assertNotNull(feedBook.remove(orderId), "delete of an order not on the book");
    }

    @Override
    public void onBookReplace(final long orderId, final long newOrderId, final int locate, final long qty, final long price)
    {
        events.add("U " + orderId + " " + newOrderId + " " + qty + "@" + price);
        final long[] order = feedBook.remove(orderId);
        assertNotNull(order, "replace of an order not on the book");
        assertNull(feedBook.put(newOrderId, new long[]{locate, order[1], qty, price}), "replace onto an open id");
    }
}
