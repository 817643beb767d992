package corezero.ouch;

/**
 * The Reject Reason of an OUCH 5.0 Rejected message ('J'), as listed in Appendix C of the specification, for
 * people to read (control path: the REPL's view of rejected orders).
 */
public final class OuchRejectReason
{
    private OuchRejectReason()
    {
    }

    /**
     * @param reason the message's 2-byte reason, 0x0001..0x0033 in OUCH 5.0.
     * @return the specification's explanation, or "unknown reason 0x...." for a code it does not list.
     */
    public static String describe(final int reason)
    {
        switch (reason)
        {
            case 0x0001: return "Quote Unavailable";
            case 0x0002: return "Destination Closed";
            case 0x0003: return "Invalid Display";
            case 0x0004: return "Invalid Max Floor";
            case 0x0005: return "Invalid Peg Type";
            case 0x0006: return "Fat Finger";
            case 0x0007: return "Halted";
            case 0x0008: return "ISO Not Allowed";
            case 0x0009: return "Invalid Side";
            case 0x000A: return "Processing Error";
            case 0x000B: return "Cancel Pending";
            case 0x000C: return "Firm Not Authorized";
            case 0x000D: return "Invalid Min Quantity";
            case 0x000E: return "No Closing Reference Price";
            case 0x000F: return "Other";
            case 0x0010: return "Cancel Not Allowed";
            case 0x0011: return "Pegging Not Allowed";
            case 0x0012: return "Crossed Market";
            case 0x0013: return "Invalid Quantity";
            case 0x0014: return "Invalid Cross Order";
            case 0x0015: return "Replace Not Allowed";
            case 0x0016: return "Routing Not Allowed";
            case 0x0017: return "Invalid Symbol";
            case 0x0018: return "Test";
            case 0x0019: return "Late LOC Too Aggressive";
            case 0x001A: return "Retail Not Allowed";
            case 0x001B: return "Invalid Midpoint Post Only Price";
            case 0x001C: return "Invalid Destination";
            case 0x001D: return "Invalid Price";
            case 0x001E: return "Shares Exceed Threshold";
            case 0x001F: return "Exceeds Maximum Allowed Notional Value";
            case 0x0020: return "Risk: Aggregate Exposure Exceeded";
            case 0x0021: return "Risk: Market Impact";
            case 0x0022: return "Risk: Restricted Stock";
            case 0x0023: return "Risk: Short Sell Restricted";
            case 0x0024: return "Risk: ISO Not Allowed";
            case 0x0025: return "Risk: Exceeds ADV Limit";
            case 0x0026: return "Risk: Fat Finger";
            case 0x0027: return "Risk: Locate Required";
            case 0x0028: return "Risk: Symbol Message Rate Restriction";
            case 0x0029: return "Risk: Port Message Rate Restriction";
            case 0x002A: return "Risk: Duplicate Message Rate Restriction";
            case 0x002B: return "Risk: Short Sell Not Allowed";
            case 0x002C: return "Risk: Market Order Not Allowed";
            case 0x002D: return "Risk: Pre-Market Not Allowed";
            case 0x002E: return "Risk: Post-Market Not Allowed";
            case 0x002F: return "Risk: Short Sell Exempt Not Allowed";
            case 0x0030: return "Risk: Single Order Notional Exceeded";
            case 0x0031: return "Risk: Max Quantity Exceeded";
            case 0x0032: return "Reg SHO State Not Available";
            case 0x0033: return "Risk: IPO Market Buy Not Allowed";
            default: return String.format("unknown reason 0x%04X", reason);
        }
    }
}
