package corezero.venue;

/**
 * An open order resting in a {@link MatchingLevel}: a node of the level's doubly linked list in time priority.
 * Pooled by the engine; fields are rewritten on reuse.
 */
final class MatchingOrder
{
    long orderId;
    int locate;
    byte side;
    long qty;
    long executedQty;
    long price;
    long enteredNs;
    MatchingLevel level;
    MatchingOrder previous;
    MatchingOrder next;

    void set(final long orderId, final int locate, final byte side, final long qty, final long price,
        final long enteredNs)
    {
        this.orderId = orderId;
        this.locate = locate;
        this.side = side;
        this.qty = qty;
        this.executedQty = 0;
        this.price = price;
        this.enteredNs = enteredNs;
        this.level = null;
        this.previous = null;
        this.next = null;
    }
}
