package corezero.venue;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The exchange mode's settings: the OUCH 5.0 / SoupBinTCP port, the faults to inject, restart state and the
 * background flow.
 *
 * @param address             where the OUCH server listens (port 0 for any free one).
 * @param session             SoupBinTCP session name, 1 to 10 letters and digits.
 * @param username            login user, 1 to 6 letters and digits, case-insensitive.
 * @param password            login password, 1 to 10 letters and digits, case-insensitive.
 * @param latencyNs           every outbound OUCH message is held this long before it is sent, order kept.
 * @param rejectEvery         every Nth Enter Order is rejected (reason Test); 0 for never.
 * @param disconnectAfter     the connection is dropped without a logout right after the Nth inbound OUCH message
 *                            since start, once; 0 for never.
 * @param isSilent            the server sends no heartbeats (a venue gone quiet, for clients' timeout tests).
 * @param stateDir            directory of the OUCH and feed journals to reload and append to, so that a restart
 *                            goes on where the last run stopped; null for none.
 * @param flowEventsPerSecond background flow rate (Poisson); 0 for none.
 * @param flowSeed            seed of the background flow.
 * @param maxFlowOrders       resting flow orders at most.
 * @param isFlowFromStart     start the flow with the first stock directory rather than at the end of the capture.
 * @param spinNs              after doing work the exchange's thread polls its sockets this long before it blocks in
 *                            a select: an order sent soon after a feed packet is read without a thread wake-up.
 */
public record OuchSettings(
    InetSocketAddress address,
    String session,
    String username,
    String password,
    long latencyNs,
    long rejectEvery,
    long disconnectAfter,
    boolean isSilent,
    Path stateDir,
    long flowEventsPerSecond,
    long flowSeed,
    int maxFlowOrders,
    boolean isFlowFromStart,
    long spinNs)
{
    /** Default SoupBinTCP session of the OUCH port. */
    public static final String DEFAULT_SESSION = "CZOUCH0001";

    /** Default login user. */
    public static final String DEFAULT_USERNAME = "demo";

    /** Default login password. */
    public static final String DEFAULT_PASSWORD = "demo";

    /**
     * Default spin before blocking: none. On a small machine a spinning venue takes the core the engine under test
     * needs; the tick-to-trade bench may ask for 100 to 200 us to read orders without a thread wake-up.
     */
    public static final long DEFAULT_SPIN_NS = 0;

    /** Default cap on resting background flow orders. */
    public static final int DEFAULT_MAX_FLOW_ORDERS = 200;

    /** Server heartbeat after this long without sending (SoupBinTCP: once a second; nassau's interval). */
    public static final long HEARTBEAT_INTERVAL_NS = TimeUnit.SECONDS.toNanos(1);

    /** A client silent this long is dropped (SoupBinTCP: 15 s; nassau's timeout). */
    public static final long CLIENT_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(15);

    /** A connection not logged in this long is dropped (SoupBinTCP 4.10: typically 30 s). */
    public static final long LOGIN_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(30);

    /**
     * Check the settings.
     *
     * @throws IllegalArgumentException naming the setting that is out of range.
     */
    public OuchSettings
    {
        checkAlphanumeric("session", session, 10);
        checkAlphanumeric("username", username, 6);
        checkAlphanumeric("password", password, 10);
        if (null == address)
        {
            throw new IllegalArgumentException("address must be given");
        }
        if (latencyNs < 0 || rejectEvery < 0 || disconnectAfter < 0 || flowEventsPerSecond < 0 || maxFlowOrders < 1 ||
            spinNs < 0)
        {
            throw new IllegalArgumentException("latency, reject-every, disconnect-after, flow rate and spin must not " +
                "be negative, max flow orders must be positive");
        }
    }

    /**
     * @param address where the OUCH server listens.
     * @return settings with every default and no fault injected.
     */
    public static OuchSettings defaults(final InetSocketAddress address)
    {
        return new OuchSettings(address, DEFAULT_SESSION, DEFAULT_USERNAME, DEFAULT_PASSWORD, 0, 0, 0, false, null, 0,
            VenueSimConfig.DEFAULT_SEED, DEFAULT_MAX_FLOW_ORDERS, false, DEFAULT_SPIN_NS);
    }

    /**
     * @param name  of the setting.
     * @param value to check.
     * @param max   characters at most.
     * @throws IllegalArgumentException if not 1 to {@code max} ASCII letters and digits.
     */
    static void checkAlphanumeric(final String name, final String value, final int max)
    {
        if (null == value || value.isEmpty() || value.length() > max || !value.chars().allMatch(
            (c) -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
        {
            throw new IllegalArgumentException(
                name + " must be 1 to " + max + " ASCII letters and digits, got \"" + value + "\"");
        }
    }
}
