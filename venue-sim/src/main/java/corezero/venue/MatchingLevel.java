package corezero.venue;

/**
 * One price of one side: its orders oldest first. Pooled by {@link MatchingSide}.
 */
final class MatchingLevel
{
    long price;
    MatchingOrder head;
    MatchingOrder tail;

    boolean isEmpty()
    {
        return null == head;
    }

    /**
     * @param order to put last in time priority.
     */
    void append(final MatchingOrder order)
    {
        order.level = this;
        order.previous = tail;
        order.next = null;
        if (null == tail)
        {
            head = order;
        }
        else
        {
            tail.next = order;
        }
        tail = order;
    }

    /**
     * @param order in this level; it leaves it.
     */
    void remove(final MatchingOrder order)
    {
        if (null == order.previous)
        {
            head = order.next;
        }
        else
        {
            order.previous.next = order.next;
        }

        if (null == order.next)
        {
            tail = order.previous;
        }
        else
        {
            order.next.previous = order.previous;
        }

        order.level = null;
        order.previous = null;
        order.next = null;
    }
}
