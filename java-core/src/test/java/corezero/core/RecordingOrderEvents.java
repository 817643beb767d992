package corezero.core;

import corezero.order.OrderState;

import java.util.ArrayList;
import java.util.List;

/**
 * Records the order events {@link OrderEntry} reports to the strategy host, as readable lines:
 * {@code "update slot ref FROM>TO"} and {@code "fill slot ref locate side shares@price"}.
 */
final class RecordingOrderEvents implements OrderEntry.Events
{
    final List<String> events = new ArrayList<>();

    @Override
    public void onOrderUpdate(final int strategySlot, final long userRefNum, final OrderState from, final OrderState to)
    {
        events.add("update " + strategySlot + " " + userRefNum + " " + from + ">" + to);
    }

    @Override
    public void onFill(
        final int strategySlot, final long userRefNum, final int stockLocate, final byte side, final long shares,
        final long price)
    {
        events.add("fill " + strategySlot + " " + userRefNum + " " + stockLocate + " " + (char)side + " " + shares +
            "@" + price);
    }

    /** @return the events recorded since the last call, and forget them. */
    List<String> take()
    {
        final List<String> taken = new ArrayList<>(events);
        events.clear();
        return taken;
    }
}
