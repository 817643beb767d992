package corezero.venue;

/**
 * One open order of the OUCH participant, as its Accepted, Replaced, Executed, Canceled and Modified messages left
 * it: what a Replaced message echoes and what the engine needs to rest it again after a restart.
 */
final class ParticipantOrder
{
    static final int CL_ORD_ID_LENGTH = 14;

    long userRefNum;
    long orderRef;
    byte side;
    long openQty;
    long executedQty;
    final byte[] symbol = new byte[ItchOrderDescriptor.STOCK_LENGTH];
    long price;
    byte timeInForce;
    byte display;
    byte capacity;
    byte interMarketSweepEligibility;
    byte crossType;
    final byte[] clOrdId = new byte[CL_ORD_ID_LENGTH];
    int locate;
    boolean isInEngine;
}
