package corezero.ouch;

/**
 * Remembers the last flyweight handed out and which callback received it.
 */
final class OuchCapturingHandler implements OuchHandler, OuchInboundHandler
{
    String callback = "none";
    OuchFlyweight last;
    int calls;

    private void capture(final String name, final OuchFlyweight flyweight)
    {
        callback = name;
        last = flyweight;
        calls++;
    }

    <T extends OuchFlyweight> T last(final Class<T> type)
    {
        return type.cast(last);
    }

    @Override
    public void onSystemEvent(final OuchSystemEventDecoder m)
    {
        capture("SystemEvent", m);
    }

    @Override
    public void onAccepted(final OuchAcceptedDecoder m)
    {
        capture("Accepted", m);
    }

    @Override
    public void onReplaced(final OuchReplacedDecoder m)
    {
        capture("Replaced", m);
    }

    @Override
    public void onCanceled(final OuchCanceledDecoder m)
    {
        capture("Canceled", m);
    }

    @Override
    public void onAiqCanceled(final OuchAiqCanceledDecoder m)
    {
        capture("AiqCanceled", m);
    }

    @Override
    public void onExecuted(final OuchExecutedDecoder m)
    {
        capture("Executed", m);
    }

    @Override
    public void onBrokenTrade(final OuchBrokenTradeDecoder m)
    {
        capture("BrokenTrade", m);
    }

    @Override
    public void onRejected(final OuchRejectedDecoder m)
    {
        capture("Rejected", m);
    }

    @Override
    public void onCancelPending(final OuchCancelPendingDecoder m)
    {
        capture("CancelPending", m);
    }

    @Override
    public void onCancelReject(final OuchCancelRejectDecoder m)
    {
        capture("CancelReject", m);
    }

    @Override
    public void onPriorityUpdate(final OuchPriorityUpdateDecoder m)
    {
        capture("PriorityUpdate", m);
    }

    @Override
    public void onModified(final OuchModifiedDecoder m)
    {
        capture("Modified", m);
    }

    @Override
    public void onRestated(final OuchRestatedDecoder m)
    {
        capture("Restated", m);
    }

    @Override
    public void onMassCancelResponse(final OuchMassCancelResponseDecoder m)
    {
        capture("MassCancelResponse", m);
    }

    @Override
    public void onDisableOrderEntryResponse(final OuchDisableOrderEntryResponseDecoder m)
    {
        capture("DisableOrderEntryResponse", m);
    }

    @Override
    public void onEnableOrderEntryResponse(final OuchEnableOrderEntryResponseDecoder m)
    {
        capture("EnableOrderEntryResponse", m);
    }

    @Override
    public void onAccountQueryResponse(final OuchAccountQueryResponseDecoder m)
    {
        capture("AccountQueryResponse", m);
    }

    @Override
    public void onEnterOrder(final OuchEnterOrderDecoder m)
    {
        capture("EnterOrder", m);
    }

    @Override
    public void onReplaceOrder(final OuchReplaceOrderDecoder m)
    {
        capture("ReplaceOrder", m);
    }

    @Override
    public void onCancelOrder(final OuchCancelOrderDecoder m)
    {
        capture("CancelOrder", m);
    }

    @Override
    public void onModifyOrder(final OuchModifyOrderDecoder m)
    {
        capture("ModifyOrder", m);
    }

    @Override
    public void onMassCancel(final OuchMassCancelDecoder m)
    {
        capture("MassCancel", m);
    }

    @Override
    public void onDisableOrderEntry(final OuchDisableOrderEntryDecoder m)
    {
        capture("DisableOrderEntry", m);
    }

    @Override
    public void onEnableOrderEntry(final OuchEnableOrderEntryDecoder m)
    {
        capture("EnableOrderEntry", m);
    }

    @Override
    public void onAccountQueryRequest(final OuchAccountQueryRequestDecoder m)
    {
        capture("AccountQueryRequest", m);
    }
}
