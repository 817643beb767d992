package corezero.venue;

/**
 * The OUCH 5.0 Rejected message reasons (Appendix C) the exchange mode sends, as int constants.
 */
final class OuchRejectReason
{
    /** 0x0009 Invalid Side: not B, S, T or E; or a Modify that changes buy to sell or back. */
    static final int INVALID_SIDE = 0x0009;

    /** 0x000F Other: the UserRefNum is not above the last one used, or the time in force is not 0 (day) or 3 (IOC). */
    static final int OTHER = 0x000F;

    /** 0x0013 Invalid Quantity: 0, or 1,000,000 shares or more. */
    static final int INVALID_QUANTITY = 0x0013;

    /** 0x0017 Invalid Symbol: no stock directory on the feed lists it. */
    static final int INVALID_SYMBOL = 0x0017;

    /** 0x0018 Test: rejected on purpose by {@code --reject-every}. */
    static final int TEST = 0x0018;

    /** 0x001D Invalid Price: 0, above $199,999.99, market (0x7FFFFFFF), or not whole cents from $1 up. */
    static final int INVALID_PRICE = 0x001D;

    private OuchRejectReason()
    {
    }

    /**
     * @param reason a code of this class.
     * @return what it means, for logs and test messages.
     */
    static String describe(final int reason)
    {
        switch (reason)
        {
            case INVALID_SIDE: return "Invalid Side";
            case OTHER: return "Other";
            case INVALID_QUANTITY: return "Invalid Quantity";
            case INVALID_SYMBOL: return "Invalid Symbol";
            case TEST: return "Test";
            case INVALID_PRICE: return "Invalid Price";
            default: return "reason 0x" + Integer.toHexString(reason);
        }
    }
}
