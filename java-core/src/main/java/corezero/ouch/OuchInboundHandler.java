package corezero.ouch;

/**
 * Receives inbound OUCH 5.0 messages from {@link OuchInboundDecoder}.
 * Every method does nothing by default, so a handler implements only the messages it cares about.
 * The flyweight passed in is valid only during the call.
 */
public interface OuchInboundHandler
{
    /**
     * Enter Order ('O').
     *
     * @param enterOrder flyweight over the message.
     */
    default void onEnterOrder(final OuchEnterOrderDecoder enterOrder)
    {
    }

    /**
     * Replace Order Request ('U').
     *
     * @param replaceOrder flyweight over the message.
     */
    default void onReplaceOrder(final OuchReplaceOrderDecoder replaceOrder)
    {
    }

    /**
     * Cancel Order Request ('X').
     *
     * @param cancelOrder flyweight over the message.
     */
    default void onCancelOrder(final OuchCancelOrderDecoder cancelOrder)
    {
    }

    /**
     * Modify Order Request ('M').
     *
     * @param modifyOrder flyweight over the message.
     */
    default void onModifyOrder(final OuchModifyOrderDecoder modifyOrder)
    {
    }

    /**
     * Mass Cancel Request ('C').
     *
     * @param massCancel flyweight over the message.
     */
    default void onMassCancel(final OuchMassCancelDecoder massCancel)
    {
    }

    /**
     * Disable Order Entry Request ('D').
     *
     * @param disableOrderEntry flyweight over the message.
     */
    default void onDisableOrderEntry(final OuchDisableOrderEntryDecoder disableOrderEntry)
    {
    }

    /**
     * Enable Order Entry Request ('E').
     *
     * @param enableOrderEntry flyweight over the message.
     */
    default void onEnableOrderEntry(final OuchEnableOrderEntryDecoder enableOrderEntry)
    {
    }

    /**
     * Account Query Request ('Q').
     *
     * @param accountQueryRequest flyweight over the message.
     */
    default void onAccountQueryRequest(final OuchAccountQueryRequestDecoder accountQueryRequest)
    {
    }
}
