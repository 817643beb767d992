package corezero.ouch;

/**
 * Receives outbound OUCH 5.0 messages from {@link OuchDecoder}.
 * Every method does nothing by default, so a handler implements only the messages it cares about.
 * The flyweight passed in is valid only during the call.
 */
public interface OuchHandler
{
    /**
     * System Event ('S').
     *
     * @param systemEvent flyweight over the message.
     */
    default void onSystemEvent(final OuchSystemEventDecoder systemEvent)
    {
    }

    /**
     * Order Accepted ('A').
     *
     * @param accepted flyweight over the message.
     */
    default void onAccepted(final OuchAcceptedDecoder accepted)
    {
    }

    /**
     * Order Replaced ('U').
     *
     * @param replaced flyweight over the message.
     */
    default void onReplaced(final OuchReplacedDecoder replaced)
    {
    }

    /**
     * Order Canceled ('C').
     *
     * @param canceled flyweight over the message.
     */
    default void onCanceled(final OuchCanceledDecoder canceled)
    {
    }

    /**
     * AIQ Canceled ('D').
     *
     * @param aiqCanceled flyweight over the message.
     */
    default void onAiqCanceled(final OuchAiqCanceledDecoder aiqCanceled)
    {
    }

    /**
     * Order Executed ('E').
     *
     * @param executed flyweight over the message.
     */
    default void onExecuted(final OuchExecutedDecoder executed)
    {
    }

    /**
     * Broken Trade ('B').
     *
     * @param brokenTrade flyweight over the message.
     */
    default void onBrokenTrade(final OuchBrokenTradeDecoder brokenTrade)
    {
    }

    /**
     * Rejected ('J').
     *
     * @param rejected flyweight over the message.
     */
    default void onRejected(final OuchRejectedDecoder rejected)
    {
    }

    /**
     * Cancel Pending ('P').
     *
     * @param cancelPending flyweight over the message.
     */
    default void onCancelPending(final OuchCancelPendingDecoder cancelPending)
    {
    }

    /**
     * Cancel Reject ('I').
     *
     * @param cancelReject flyweight over the message.
     */
    default void onCancelReject(final OuchCancelRejectDecoder cancelReject)
    {
    }

    /**
     * Order Priority Update ('T').
     *
     * @param priorityUpdate flyweight over the message.
     */
    default void onPriorityUpdate(final OuchPriorityUpdateDecoder priorityUpdate)
    {
    }

    /**
     * Order Modified ('M').
     *
     * @param modified flyweight over the message.
     */
    default void onModified(final OuchModifiedDecoder modified)
    {
    }

    /**
     * Order Restated ('R').
     *
     * @param restated flyweight over the message.
     */
    default void onRestated(final OuchRestatedDecoder restated)
    {
    }

    /**
     * Mass Cancel Response ('X').
     *
     * @param massCancelResponse flyweight over the message.
     */
    default void onMassCancelResponse(final OuchMassCancelResponseDecoder massCancelResponse)
    {
    }

    /**
     * Disable Order Entry Response ('G').
     *
     * @param disableOrderEntryResponse flyweight over the message.
     */
    default void onDisableOrderEntryResponse(final OuchDisableOrderEntryResponseDecoder disableOrderEntryResponse)
    {
    }

    /**
     * Enable Order Entry Response ('K').
     *
     * @param enableOrderEntryResponse flyweight over the message.
     */
    default void onEnableOrderEntryResponse(final OuchEnableOrderEntryResponseDecoder enableOrderEntryResponse)
    {
    }

    /**
     * Account Query Response ('Q').
     *
     * @param accountQueryResponse flyweight over the message.
     */
    default void onAccountQueryResponse(final OuchAccountQueryResponseDecoder accountQueryResponse)
    {
    }
}
