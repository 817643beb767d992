package corezero.itch;

import java.util.Arrays;

/**
 * The ITCH 5.0 message types: their letters, their exact lengths in the specification (Nasdaq TotalView-ITCH 5.0,
 * revision of April 2023) and their names. Lengths include the message type byte.
 * <pre>
 *   type  length  name                          family
 *   'S'     12    SystemEvent                   system
 *   'R'     39    StockDirectory                stock related (1.2)
 *   'H'     25    StockTradingAction
 *   'Y'     20    RegShoRestriction
 *   'L'     26    MarketParticipantPosition
 *   'V'     35    MwcbDeclineLevel
 *   'W'     12    MwcbStatus
 *   'K'     28    IpoQuotingPeriodUpdate
 *   'J'     35    LuldAuctionCollar
 *   'h'     21    OperationalHalt
 *   'A'     36    AddOrder                      add order (1.3)
 *   'F'     40    AddOrderMpid
 *   'E'     31    OrderExecuted                 modify order (1.4)
 *   'C'     36    OrderExecutedWithPrice
 *   'X'     23    OrderCancel
 *   'D'     19    OrderDelete
 *   'U'     35    OrderReplace
 *   'P'     44    Trade                         trades (1.5)
 *   'Q'     40    CrossTrade
 *   'B'     19    BrokenTrade
 *   'I'     50    Noii                          net order imbalance (1.6)
 *   'N'     20    Rpii                          retail price improvement (1.7)
 *   'O'     48    DirectListingCapitalRaise     direct listing with capital raise (1.8)
 * </pre>
 * Every message starts with the 11-byte header drawn in {@link ItchFlyweight}; each decoder draws its own body.
 */
public final class ItchMessageType
{
    /** System Event. */
    public static final byte SYSTEM_EVENT = 'S';
    /** Stock Directory. */
    public static final byte STOCK_DIRECTORY = 'R';
    /** Stock Trading Action. */
    public static final byte STOCK_TRADING_ACTION = 'H';
    /** Reg SHO Short Sale Price Test Restricted Indicator. */
    public static final byte REG_SHO_RESTRICTION = 'Y';
    /** Market Participant Position. */
    public static final byte MARKET_PARTICIPANT_POSITION = 'L';
    /** Market-Wide Circuit Breaker Decline Level. */
    public static final byte MWCB_DECLINE_LEVEL = 'V';
    /** Market-Wide Circuit Breaker Status. */
    public static final byte MWCB_STATUS = 'W';
    /** IPO Quoting Period Update. */
    public static final byte IPO_QUOTING_PERIOD_UPDATE = 'K';
    /** Limit Up - Limit Down Auction Collar. */
    public static final byte LULD_AUCTION_COLLAR = 'J';
    /** Operational Halt. */
    public static final byte OPERATIONAL_HALT = 'h';
    /** Add Order, no MPID attribution. */
    public static final byte ADD_ORDER = 'A';
    /** Add Order with MPID attribution. */
    public static final byte ADD_ORDER_MPID = 'F';
    /** Order Executed. */
    public static final byte ORDER_EXECUTED = 'E';
    /** Order Executed With Price. */
    public static final byte ORDER_EXECUTED_WITH_PRICE = 'C';
    /** Order Cancel (partial). */
    public static final byte ORDER_CANCEL = 'X';
    /** Order Delete. */
    public static final byte ORDER_DELETE = 'D';
    /** Order Replace. */
    public static final byte ORDER_REPLACE = 'U';
    /** Trade (non-cross). */
    public static final byte TRADE = 'P';
    /** Cross Trade. */
    public static final byte CROSS_TRADE = 'Q';
    /** Broken Trade / Order Execution. */
    public static final byte BROKEN_TRADE = 'B';
    /** Net Order Imbalance Indicator. */
    public static final byte NOII = 'I';
    /** Retail Price Improvement Indicator. */
    public static final byte RPII = 'N';
    /** Direct Listing with Capital Raise Price Discovery. */
    public static final byte DIRECT_LISTING_CAPITAL_RAISE = 'O';

    /** Length of a System Event message. */
    public static final int SYSTEM_EVENT_LENGTH = 12;
    /** Length of a Stock Directory message. */
    public static final int STOCK_DIRECTORY_LENGTH = 39;
    /** Length of a Stock Trading Action message. */
    public static final int STOCK_TRADING_ACTION_LENGTH = 25;
    /** Length of a Reg SHO Restriction message. */
    public static final int REG_SHO_RESTRICTION_LENGTH = 20;
    /** Length of a Market Participant Position message. */
    public static final int MARKET_PARTICIPANT_POSITION_LENGTH = 26;
    /** Length of an MWCB Decline Level message. */
    public static final int MWCB_DECLINE_LEVEL_LENGTH = 35;
    /** Length of an MWCB Status message. */
    public static final int MWCB_STATUS_LENGTH = 12;
    /** Length of an IPO Quoting Period Update message. */
    public static final int IPO_QUOTING_PERIOD_UPDATE_LENGTH = 28;
    /** Length of an LULD Auction Collar message. */
    public static final int LULD_AUCTION_COLLAR_LENGTH = 35;
    /** Length of an Operational Halt message. */
    public static final int OPERATIONAL_HALT_LENGTH = 21;
    /** Length of an Add Order message. */
    public static final int ADD_ORDER_LENGTH = 36;
    /** Length of an Add Order with MPID message. */
    public static final int ADD_ORDER_MPID_LENGTH = 40;
    /** Length of an Order Executed message. */
    public static final int ORDER_EXECUTED_LENGTH = 31;
    /** Length of an Order Executed With Price message. */
    public static final int ORDER_EXECUTED_WITH_PRICE_LENGTH = 36;
    /** Length of an Order Cancel message. */
    public static final int ORDER_CANCEL_LENGTH = 23;
    /** Length of an Order Delete message. */
    public static final int ORDER_DELETE_LENGTH = 19;
    /** Length of an Order Replace message. */
    public static final int ORDER_REPLACE_LENGTH = 35;
    /** Length of a Trade message. */
    public static final int TRADE_LENGTH = 44;
    /** Length of a Cross Trade message. */
    public static final int CROSS_TRADE_LENGTH = 40;
    /** Length of a Broken Trade message. */
    public static final int BROKEN_TRADE_LENGTH = 19;
    /** Length of an NOII message. */
    public static final int NOII_LENGTH = 50;
    /** Length of an RPII message. */
    public static final int RPII_LENGTH = 20;
    /** Length of a Direct Listing with Capital Raise message. */
    public static final int DIRECT_LISTING_CAPITAL_RAISE_LENGTH = 48;

    /** Length returned for a byte that is not a message type. */
    public static final int UNKNOWN_LENGTH = -1;

    /** Name returned for a byte that is not a message type. */
    public static final String UNKNOWN_NAME = "Unknown";

    private static final byte[] TYPES =
    {
        SYSTEM_EVENT, STOCK_DIRECTORY, STOCK_TRADING_ACTION, REG_SHO_RESTRICTION, MARKET_PARTICIPANT_POSITION,
        MWCB_DECLINE_LEVEL, MWCB_STATUS, IPO_QUOTING_PERIOD_UPDATE, LULD_AUCTION_COLLAR, OPERATIONAL_HALT,
        ADD_ORDER, ADD_ORDER_MPID, ORDER_EXECUTED, ORDER_EXECUTED_WITH_PRICE, ORDER_CANCEL, ORDER_DELETE,
        ORDER_REPLACE, TRADE, CROSS_TRADE, BROKEN_TRADE, NOII, RPII, DIRECT_LISTING_CAPITAL_RAISE,
    };

    private static final int[] LENGTHS = new int[128];
    private static final String[] NAMES = new String[128];

    static
    {
        Arrays.fill(LENGTHS, UNKNOWN_LENGTH);
        Arrays.fill(NAMES, UNKNOWN_NAME);
        define(SYSTEM_EVENT, SYSTEM_EVENT_LENGTH, "SystemEvent");
        define(STOCK_DIRECTORY, STOCK_DIRECTORY_LENGTH, "StockDirectory");
        define(STOCK_TRADING_ACTION, STOCK_TRADING_ACTION_LENGTH, "StockTradingAction");
        define(REG_SHO_RESTRICTION, REG_SHO_RESTRICTION_LENGTH, "RegShoRestriction");
        define(MARKET_PARTICIPANT_POSITION, MARKET_PARTICIPANT_POSITION_LENGTH, "MarketParticipantPosition");
        define(MWCB_DECLINE_LEVEL, MWCB_DECLINE_LEVEL_LENGTH, "MwcbDeclineLevel");
        define(MWCB_STATUS, MWCB_STATUS_LENGTH, "MwcbStatus");
        define(IPO_QUOTING_PERIOD_UPDATE, IPO_QUOTING_PERIOD_UPDATE_LENGTH, "IpoQuotingPeriodUpdate");
        define(LULD_AUCTION_COLLAR, LULD_AUCTION_COLLAR_LENGTH, "LuldAuctionCollar");
        define(OPERATIONAL_HALT, OPERATIONAL_HALT_LENGTH, "OperationalHalt");
        define(ADD_ORDER, ADD_ORDER_LENGTH, "AddOrder");
        define(ADD_ORDER_MPID, ADD_ORDER_MPID_LENGTH, "AddOrderMpid");
        define(ORDER_EXECUTED, ORDER_EXECUTED_LENGTH, "OrderExecuted");
        define(ORDER_EXECUTED_WITH_PRICE, ORDER_EXECUTED_WITH_PRICE_LENGTH, "OrderExecutedWithPrice");
        define(ORDER_CANCEL, ORDER_CANCEL_LENGTH, "OrderCancel");
        define(ORDER_DELETE, ORDER_DELETE_LENGTH, "OrderDelete");
        define(ORDER_REPLACE, ORDER_REPLACE_LENGTH, "OrderReplace");
        define(TRADE, TRADE_LENGTH, "Trade");
        define(CROSS_TRADE, CROSS_TRADE_LENGTH, "CrossTrade");
        define(BROKEN_TRADE, BROKEN_TRADE_LENGTH, "BrokenTrade");
        define(NOII, NOII_LENGTH, "Noii");
        define(RPII, RPII_LENGTH, "Rpii");
        define(DIRECT_LISTING_CAPITAL_RAISE, DIRECT_LISTING_CAPITAL_RAISE_LENGTH, "DirectListingCapitalRaise");
    }

    private ItchMessageType()
    {
    }

    private static void define(final byte type, final int length, final String name)
    {
        LENGTHS[type] = length;
        NAMES[type] = name;
    }

    /**
     * @param type a message type byte.
     * @return the exact length of messages of that type, or {@link #UNKNOWN_LENGTH} (-1) when it is not a type.
     */
    public static int length(final byte type)
    {
        return type < 0 ? UNKNOWN_LENGTH : LENGTHS[type];
    }

    /**
     * @param type a message type byte.
     * @return the type's name as in the decoder and handler method names ("AddOrder" for 'A'), or
     * {@link #UNKNOWN_NAME} when it is not a type.
     */
    public static String name(final byte type)
    {
        return type < 0 ? UNKNOWN_NAME : NAMES[type];
    }

    /**
     * @param type a message type byte.
     * @return true when it is one of the 23 ITCH 5.0 message types.
     */
    public static boolean isKnown(final byte type)
    {
        return UNKNOWN_LENGTH != length(type);
    }

    /**
     * Control path.
     *
     * @return a fresh array of the 23 type letters, in the specification's order.
     */
    public static byte[] types()
    {
        return TYPES.clone();
    }
}
