package corezero.ouch;

/**
 * OUCH 5.0 message type letters, minimum lengths and names, for both directions. Inbound (client to host) and
 * outbound (host to client) letters overlap (U, X, M, C, D, E, Q), so every lookup names its direction. The
 * minimum length is the fixed part: up to and including Appendage Length where that field is required, up to
 * the end of the fixed fields where it is optional (or absent, System Event).
 * <pre>
 *   outbound                         min  appendage  inbound                        min  appendage
 *   S System Event                    10  none       O Enter Order                   47  required
 *   A Order Accepted                  64  required   U Replace Order Request         40  required
 *   U Order Replaced                  68  required   X Cancel Order Request           9  optional
 *   C Order Canceled                  18  optional   M Modify Order Request          10  optional
 *   D AIQ Canceled                    32  optional   C Mass Cancel Request           19  required
 *   E Order Executed                  36  required   D Disable Order Entry Request   11  required
 *   B Broken Trade                    36  optional   E Enable Order Entry Request    11  required
 *   J Rejected                        29  optional   Q Account Query Request          1  optional
 *   P Cancel Pending                  13  optional
 *   I Cancel Reject                   13  optional
 *   T Order Priority Update           30  optional
 *   M Order Modified                  18  optional
 *   R Order Restated                  16  required
 *   X Mass Cancel Response            27  required
 *   G Disable Order Entry Response    19  required
 *   K Enable Order Entry Response     19  required
 *   Q Account Query Response          13  optional
 * </pre>
 */
public final class OuchMessageType
{
    /** The message never carries Appendage Length. */
    public static final int APPENDAGE_NONE = 0;

    /** Appendage Length is always present (it may be zero). */
    public static final int APPENDAGE_REQUIRED = 1;

    /** Appendage Length and the appendage may both be left off. */
    public static final int APPENDAGE_OPTIONAL = 2;

    /** Returned by the length lookups for a letter that is not a message type in that direction. */
    public static final int UNKNOWN_LENGTH = -1;

    /** Outbound System Event. */
    public static final byte SYSTEM_EVENT = 'S';

    /** Minimum length of System Event. */
    public static final int SYSTEM_EVENT_LENGTH = 10;

    /** Outbound Order Accepted. */
    public static final byte ORDER_ACCEPTED = 'A';

    /** Minimum length of Order Accepted. */
    public static final int ORDER_ACCEPTED_LENGTH = 64;

    /** Outbound Order Replaced. */
    public static final byte ORDER_REPLACED = 'U';

    /** Minimum length of Order Replaced. */
    public static final int ORDER_REPLACED_LENGTH = 68;

    /** Outbound Order Canceled. */
    public static final byte ORDER_CANCELED = 'C';

    /** Minimum length of Order Canceled. */
    public static final int ORDER_CANCELED_LENGTH = 18;

    /** Outbound AIQ Canceled. */
    public static final byte AIQ_CANCELED = 'D';

    /** Minimum length of AIQ Canceled. */
    public static final int AIQ_CANCELED_LENGTH = 32;

    /** Outbound Order Executed. */
    public static final byte ORDER_EXECUTED = 'E';

    /** Minimum length of Order Executed. */
    public static final int ORDER_EXECUTED_LENGTH = 36;

    /** Outbound Broken Trade. */
    public static final byte BROKEN_TRADE = 'B';

    /** Minimum length of Broken Trade. */
    public static final int BROKEN_TRADE_LENGTH = 36;

    /** Outbound Rejected. */
    public static final byte REJECTED = 'J';

    /** Minimum length of Rejected. */
    public static final int REJECTED_LENGTH = 29;

    /** Outbound Cancel Pending. */
    public static final byte CANCEL_PENDING = 'P';

    /** Minimum length of Cancel Pending. */
    public static final int CANCEL_PENDING_LENGTH = 13;

    /** Outbound Cancel Reject. */
    public static final byte CANCEL_REJECT = 'I';

    /** Minimum length of Cancel Reject. */
    public static final int CANCEL_REJECT_LENGTH = 13;

    /** Outbound Order Priority Update. */
    public static final byte ORDER_PRIORITY_UPDATE = 'T';

    /** Minimum length of Order Priority Update. */
    public static final int ORDER_PRIORITY_UPDATE_LENGTH = 30;

    /** Outbound Order Modified. */
    public static final byte ORDER_MODIFIED = 'M';

    /** Minimum length of Order Modified. */
    public static final int ORDER_MODIFIED_LENGTH = 18;

    /** Outbound Order Restated. */
    public static final byte ORDER_RESTATED = 'R';

    /** Minimum length of Order Restated. */
    public static final int ORDER_RESTATED_LENGTH = 16;

    /** Outbound Mass Cancel Response. */
    public static final byte MASS_CANCEL_RESPONSE = 'X';

    /** Minimum length of Mass Cancel Response. */
    public static final int MASS_CANCEL_RESPONSE_LENGTH = 27;

    /** Outbound Disable Order Entry Response. */
    public static final byte DISABLE_ORDER_ENTRY_RESPONSE = 'G';

    /** Minimum length of Disable Order Entry Response. */
    public static final int DISABLE_ORDER_ENTRY_RESPONSE_LENGTH = 19;

    /** Outbound Enable Order Entry Response. */
    public static final byte ENABLE_ORDER_ENTRY_RESPONSE = 'K';

    /** Minimum length of Enable Order Entry Response. */
    public static final int ENABLE_ORDER_ENTRY_RESPONSE_LENGTH = 19;

    /** Outbound Account Query Response. */
    public static final byte ACCOUNT_QUERY_RESPONSE = 'Q';

    /** Minimum length of Account Query Response. */
    public static final int ACCOUNT_QUERY_RESPONSE_LENGTH = 13;

    /** Inbound Enter Order. */
    public static final byte ENTER_ORDER = 'O';

    /** Minimum length of Enter Order. */
    public static final int ENTER_ORDER_LENGTH = 47;

    /** Inbound Replace Order Request. */
    public static final byte REPLACE_ORDER = 'U';

    /** Minimum length of Replace Order Request. */
    public static final int REPLACE_ORDER_LENGTH = 40;

    /** Inbound Cancel Order Request. */
    public static final byte CANCEL_ORDER = 'X';

    /** Minimum length of Cancel Order Request. */
    public static final int CANCEL_ORDER_LENGTH = 9;

    /** Inbound Modify Order Request. */
    public static final byte MODIFY_ORDER = 'M';

    /** Minimum length of Modify Order Request. */
    public static final int MODIFY_ORDER_LENGTH = 10;

    /** Inbound Mass Cancel Request. */
    public static final byte MASS_CANCEL = 'C';

    /** Minimum length of Mass Cancel Request. */
    public static final int MASS_CANCEL_LENGTH = 19;

    /** Inbound Disable Order Entry Request. */
    public static final byte DISABLE_ORDER_ENTRY = 'D';

    /** Minimum length of Disable Order Entry Request. */
    public static final int DISABLE_ORDER_ENTRY_LENGTH = 11;

    /** Inbound Enable Order Entry Request. */
    public static final byte ENABLE_ORDER_ENTRY = 'E';

    /** Minimum length of Enable Order Entry Request. */
    public static final int ENABLE_ORDER_ENTRY_LENGTH = 11;

    /** Inbound Account Query Request. */
    public static final byte ACCOUNT_QUERY_REQUEST = 'Q';

    /** Minimum length of Account Query Request. */
    public static final int ACCOUNT_QUERY_REQUEST_LENGTH = 1;

    private OuchMessageType()
    {
    }

    /**
     * @param type an outbound message type letter.
     * @return its minimum length, or {@link #UNKNOWN_LENGTH}.
     */
    public static int outboundMinLength(final byte type)
    {
        switch (type)
        {
            case SYSTEM_EVENT:
                return SYSTEM_EVENT_LENGTH;

            case ORDER_ACCEPTED:
                return ORDER_ACCEPTED_LENGTH;

            case ORDER_REPLACED:
                return ORDER_REPLACED_LENGTH;

            case ORDER_CANCELED:
                return ORDER_CANCELED_LENGTH;

            case AIQ_CANCELED:
                return AIQ_CANCELED_LENGTH;

            case ORDER_EXECUTED:
                return ORDER_EXECUTED_LENGTH;

            case BROKEN_TRADE:
                return BROKEN_TRADE_LENGTH;

            case REJECTED:
                return REJECTED_LENGTH;

            case CANCEL_PENDING:
                return CANCEL_PENDING_LENGTH;

            case CANCEL_REJECT:
                return CANCEL_REJECT_LENGTH;

            case ORDER_PRIORITY_UPDATE:
                return ORDER_PRIORITY_UPDATE_LENGTH;

            case ORDER_MODIFIED:
                return ORDER_MODIFIED_LENGTH;

            case ORDER_RESTATED:
                return ORDER_RESTATED_LENGTH;

            case MASS_CANCEL_RESPONSE:
                return MASS_CANCEL_RESPONSE_LENGTH;

            case DISABLE_ORDER_ENTRY_RESPONSE:
                return DISABLE_ORDER_ENTRY_RESPONSE_LENGTH;

            case ENABLE_ORDER_ENTRY_RESPONSE:
                return ENABLE_ORDER_ENTRY_RESPONSE_LENGTH;

            case ACCOUNT_QUERY_RESPONSE:
                return ACCOUNT_QUERY_RESPONSE_LENGTH;
            default:
                return UNKNOWN_LENGTH;
        }
    }

    /**
     * @param type an outbound message type letter.
     * @return its name in the specification, "Unknown" for other letters.
     */
    public static String outboundName(final byte type)
    {
        switch (type)
        {
            case SYSTEM_EVENT:
                return "System Event";

            case ORDER_ACCEPTED:
                return "Order Accepted";

            case ORDER_REPLACED:
                return "Order Replaced";

            case ORDER_CANCELED:
                return "Order Canceled";

            case AIQ_CANCELED:
                return "AIQ Canceled";

            case ORDER_EXECUTED:
                return "Order Executed";

            case BROKEN_TRADE:
                return "Broken Trade";

            case REJECTED:
                return "Rejected";

            case CANCEL_PENDING:
                return "Cancel Pending";

            case CANCEL_REJECT:
                return "Cancel Reject";

            case ORDER_PRIORITY_UPDATE:
                return "Order Priority Update";

            case ORDER_MODIFIED:
                return "Order Modified";

            case ORDER_RESTATED:
                return "Order Restated";

            case MASS_CANCEL_RESPONSE:
                return "Mass Cancel Response";

            case DISABLE_ORDER_ENTRY_RESPONSE:
                return "Disable Order Entry Response";

            case ENABLE_ORDER_ENTRY_RESPONSE:
                return "Enable Order Entry Response";

            case ACCOUNT_QUERY_RESPONSE:
                return "Account Query Response";
            default:
                return "Unknown";
        }
    }

    /**
     * @param type an inbound message type letter.
     * @return its minimum length, or {@link #UNKNOWN_LENGTH}.
     */
    public static int inboundMinLength(final byte type)
    {
        switch (type)
        {
            case ENTER_ORDER:
                return ENTER_ORDER_LENGTH;

            case REPLACE_ORDER:
                return REPLACE_ORDER_LENGTH;

            case CANCEL_ORDER:
                return CANCEL_ORDER_LENGTH;

            case MODIFY_ORDER:
                return MODIFY_ORDER_LENGTH;

            case MASS_CANCEL:
                return MASS_CANCEL_LENGTH;

            case DISABLE_ORDER_ENTRY:
                return DISABLE_ORDER_ENTRY_LENGTH;

            case ENABLE_ORDER_ENTRY:
                return ENABLE_ORDER_ENTRY_LENGTH;

            case ACCOUNT_QUERY_REQUEST:
                return ACCOUNT_QUERY_REQUEST_LENGTH;
            default:
                return UNKNOWN_LENGTH;
        }
    }

    /**
     * @param type an inbound message type letter.
     * @return its name in the specification, "Unknown" for other letters.
     */
    public static String inboundName(final byte type)
    {
        switch (type)
        {
            case ENTER_ORDER:
                return "Enter Order";

            case REPLACE_ORDER:
                return "Replace Order Request";

            case CANCEL_ORDER:
                return "Cancel Order Request";

            case MODIFY_ORDER:
                return "Modify Order Request";

            case MASS_CANCEL:
                return "Mass Cancel Request";

            case DISABLE_ORDER_ENTRY:
                return "Disable Order Entry Request";

            case ENABLE_ORDER_ENTRY:
                return "Enable Order Entry Request";

            case ACCOUNT_QUERY_REQUEST:
                return "Account Query Request";
            default:
                return "Unknown";
        }
    }
}
