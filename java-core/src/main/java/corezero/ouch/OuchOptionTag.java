package corezero.ouch;

import java.util.Arrays;

/**
 * OUCH 5.0 option tags (Appendix A) and the size of each option's value, excluding the TagValue wrapper. Tags 8 and
 * 19 to 21 are not defined.
 * <pre>
 *   tag  option                 size  type
 *     1  SecondaryOrdRefNum        8  Numeric
 *     2  Firm                      4  Alpha
 *     3  MinQty                    4  Integer
 *     4  CustomerType              1  Char
 *     5  MaxFloor                  4  Integer
 *     6  PriceType                 1  Char
 *     7  PegOffset                 4  Signed Price
 *     9  DiscretionPrice           8  Price
 *    10  DiscretionPriceType       1  Alpha
 *    11  DiscretionPegOffset       4  Signed Price
 *    12  PostOnly                  1  Alpha
 *    13  RandomReserves            4  Integer
 *    14  Route                     4  Alpha
 *    15  ExpireTime                4  Integer (seconds, below 86400)
 *    16  TradeNow                  1  Alpha
 *    17  HandleInst                1  Alpha
 *    18  BBO Weight Indicator      1  Alpha
 *    22  Display Quantity          4  Numeric
 *    23  Display Price             8  Price
 *    24  Group ID                  2  Numeric
 *    25  Shares Located            1  Alpha
 *    26  Locate Broker             4  Alpha
 *    27  Side                      1  Alpha
 *    28  UserRefIdx                1  Numeric
 * </pre>
 */
public final class OuchOptionTag
{
    /** SecondaryOrdRefNum, 8 bytes. */
    public static final int SECONDARY_ORD_REF_NUM = 1;
    /** Firm, 4 alpha. */
    public static final int FIRM = 2;
    /** MinQty, 4 bytes. */
    public static final int MIN_QTY = 3;
    /** CustomerType, 1 char. */
    public static final int CUSTOMER_TYPE = 4;
    /** MaxFloor, 4 bytes. */
    public static final int MAX_FLOOR = 5;
    /** PriceType, 1 char. */
    public static final int PRICE_TYPE = 6;
    /** PegOffset, 4-byte signed price. */
    public static final int PEG_OFFSET = 7;
    /** DiscretionPrice, 8-byte price. */
    public static final int DISCRETION_PRICE = 9;
    /** DiscretionPriceType, 1 alpha. */
    public static final int DISCRETION_PRICE_TYPE = 10;
    /** DiscretionPegOffset, 4-byte signed price. */
    public static final int DISCRETION_PEG_OFFSET = 11;
    /** PostOnly, 1 alpha. */
    public static final int POST_ONLY = 12;
    /** RandomReserves, 4 bytes. */
    public static final int RANDOM_RESERVES = 13;
    /** Route, 4 alpha. */
    public static final int ROUTE = 14;
    /** ExpireTime, 4 bytes, seconds. */
    public static final int EXPIRE_TIME = 15;
    /** TradeNow, 1 alpha. */
    public static final int TRADE_NOW = 16;
    /** HandleInst, 1 alpha. */
    public static final int HANDLE_INST = 17;
    /** BBO Weight Indicator, 1 alpha. */
    public static final int BBO_WEIGHT_INDICATOR = 18;
    /** Display Quantity, 4 bytes (Order Restated only). */
    public static final int DISPLAY_QUANTITY = 22;
    /** Display Price, 8-byte price (Order Restated only). */
    public static final int DISPLAY_PRICE = 23;
    /** Group ID, 2 bytes. */
    public static final int GROUP_ID = 24;
    /** Shares Located, 1 alpha. */
    public static final int SHARES_LOCATED = 25;
    /** Locate Broker, 4 alpha. */
    public static final int LOCATE_BROKER = 26;
    /** Side, 1 alpha. */
    public static final int SIDE = 27;
    /** UserRefIdx, 1 byte. */
    public static final int USER_REF_IDX = 28;

    /** Size returned for tags the specification does not define. */
    public static final int UNKNOWN = -1;

    private static final int[] SIZES = new int[256];

    static
    {
        Arrays.fill(SIZES, UNKNOWN);
        SIZES[SECONDARY_ORD_REF_NUM] = 8;
        SIZES[FIRM] = 4;
        SIZES[MIN_QTY] = 4;
        SIZES[CUSTOMER_TYPE] = 1;
        SIZES[MAX_FLOOR] = 4;
        SIZES[PRICE_TYPE] = 1;
        SIZES[PEG_OFFSET] = 4;
        SIZES[DISCRETION_PRICE] = 8;
        SIZES[DISCRETION_PRICE_TYPE] = 1;
        SIZES[DISCRETION_PEG_OFFSET] = 4;
        SIZES[POST_ONLY] = 1;
        SIZES[RANDOM_RESERVES] = 4;
        SIZES[ROUTE] = 4;
        SIZES[EXPIRE_TIME] = 4;
        SIZES[TRADE_NOW] = 1;
        SIZES[HANDLE_INST] = 1;
        SIZES[BBO_WEIGHT_INDICATOR] = 1;
        SIZES[DISPLAY_QUANTITY] = 4;
        SIZES[DISPLAY_PRICE] = 8;
        SIZES[GROUP_ID] = 2;
        SIZES[SHARES_LOCATED] = 1;
        SIZES[LOCATE_BROKER] = 4;
        SIZES[SIDE] = 1;
        SIZES[USER_REF_IDX] = 1;
    }

    private OuchOptionTag()
    {
    }

    /**
     * @param tag the OptionTag byte, 0 to 255.
     * @return the size of the option's value in bytes, or {@link #UNKNOWN}.
     */
    public static int valueSize(final int tag)
    {
        return SIZES[tag & 0xFF];
    }
}
