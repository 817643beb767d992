package corezero.core;

import corezero.ouch.SoupBinTcpClient;
import corezero.risk.RiskLimits;
import corezero.risk.RiskResult;

import java.net.InetSocketAddress;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Settings of the engine's order path: the OUCH 5.0 over SoupBinTCP session to the venue, the order pools and
 * the risk limits it starts with. Immutable; checked when built, naming the configuration key at fault.
 */
public final class OrderEntryConfig
{
    /** Default live orders held at once. */
    public static final int DEFAULT_MAX_LIVE_ORDERS = 4096;

    /** Default instruments with a position. */
    public static final int DEFAULT_MAX_INSTRUMENTS = 64;

    private final InetSocketAddress venue;
    private final String username;
    private final String password;
    private final String session;
    private final boolean version410;
    private final long serverTimeoutNs;
    private final long clientTimeoutMs;
    private final long reconnectMinNs;
    private final long reconnectMaxNs;
    private final int maxLiveOrders;
    private final int maxInstruments;
    private final long firstUserRefNum;
    private final Map<String, Long> limits;
    private long sessionPollIntervalNs;

    /**
     * @param venue           the venue's SoupBinTCP address.
     * @param username        login username, up to 6 characters.
     * @param password        login password, up to 10 characters.
     * @param session         session to request, "" for the current one.
     * @param version410      true for the 54-byte SoupBinTCP 4.10 Login Request, false for the 49-byte one.
     * @param serverTimeoutNs silence from the venue after which the session reconnects.
     * @param clientTimeoutMs heartbeat timeout asked of the venue (4.10 only).
     * @param reconnectMinNs  first reconnect backoff.
     * @param reconnectMaxNs  largest reconnect backoff.
     * @param maxLiveOrders   live orders held at once.
     * @param maxInstruments  instruments with a position.
     * @param firstUserRefNum first UserRefNum (1 on a fresh port).
     * @param limits          risk limits by key ({@link RiskLimits}); "trading-state" is also accepted.
     * @throws IllegalArgumentException naming the key at fault.
     */
    public OrderEntryConfig(
        final InetSocketAddress venue,
        final String username,
        final String password,
        final String session,
        final boolean version410,
        final long serverTimeoutNs,
        final long clientTimeoutMs,
        final long reconnectMinNs,
        final long reconnectMaxNs,
        final int maxLiveOrders,
        final int maxInstruments,
        final long firstUserRefNum,
        final Map<String, Long> limits)
    {
        require(null != venue, "venue", venue, "host:port of the venue's OUCH port");
        require(null != username && username.length() <= 6, "username", username, "up to 6 characters");
        require(null != password && password.length() <= 10, "password", password, "up to 10 characters");
        require(null != session && session.length() <= 10, "session", session, "up to 10 characters");
        require(serverTimeoutNs > 0, "server-timeout-ms", serverTimeoutNs, "a positive duration");
        require(clientTimeoutMs >= 1 && clientTimeoutMs <= 65_535, "client-timeout-ms", clientTimeoutMs, "1..65535");
        require(reconnectMinNs > 0 && reconnectMaxNs >= reconnectMinNs, "reconnect-ms", reconnectMinNs,
            "a positive backoff, min <= max");
        require(maxLiveOrders >= 1, "max-live-orders", maxLiveOrders, "an integer >= 1");
        require(maxInstruments >= 1, "max-instruments", maxInstruments, "an integer >= 1");
        require(firstUserRefNum >= 1 && firstUserRefNum <= 0xFFFF_FFFFL, "first-user-ref-num", firstUserRefNum,
            "1..4294967295");
        final RiskLimits check = new RiskLimits();
        for (final Map.Entry<String, Long> limit : limits.entrySet())
        {
            if (!RiskLimits.TRADING_STATE.equals(limit.getKey()))
            {
                final int result = check.set(limit.getKey(), limit.getValue());
                require(RiskResult.OK == result, "limits " + limit.getKey(), limit.getValue(),
                    RiskResult.describe(result));
            }
        }
        this.venue = venue;
        this.username = username;
        this.password = password;
        this.session = session;
        this.version410 = version410;
        this.serverTimeoutNs = serverTimeoutNs;
        this.clientTimeoutMs = clientTimeoutMs;
        this.reconnectMinNs = reconnectMinNs;
        this.reconnectMaxNs = reconnectMaxNs;
        this.maxLiveOrders = maxLiveOrders;
        this.maxInstruments = maxInstruments;
        this.firstUserRefNum = firstUserRefNum;
        this.limits = Collections.unmodifiableMap(new LinkedHashMap<>(limits));
    }

    /**
     * Defaults for a venue: SoupBinTCP 4.00 login, 15 s timeouts, 100 ms to 10 s reconnect backoff.
     *
     * @param venue    the venue's address.
     * @param username login username.
     * @param password login password.
     * @param limits   risk limits.
     * @return the config.
     */
    public static OrderEntryConfig of(
        final InetSocketAddress venue, final String username, final String password, final Map<String, Long> limits)
    {
        return new OrderEntryConfig(venue, username, password, "", false, TimeUnit.SECONDS.toNanos(15), 15_000,
            TimeUnit.MILLISECONDS.toNanos(100), TimeUnit.SECONDS.toNanos(10), DEFAULT_MAX_LIVE_ORDERS,
            DEFAULT_MAX_INSTRUMENTS, 1, limits);
    }

    private static void require(final boolean ok, final String key, final Object value, final String expected)
    {
        if (!ok)
        {
            throw new IllegalArgumentException(
                "config :order-entry :" + key + " is " + value + ", expected " + expected);
        }
    }

    /**
     * The same settings, reading the order session at most this often: each read is a system call on the hot
     * core; at 0 (the default) every duty cycle reads it. Sends are never delayed by it.
     *
     * @param intervalNs 0 or more nanoseconds.
     * @return a new config.
     */
    public OrderEntryConfig withSessionPollIntervalNs(final long intervalNs)
    {
        require(intervalNs >= 0 && intervalNs <= 1_000_000_000L, "session-poll-us", intervalNs / 1000,
            "0..1000000 microseconds");
        final OrderEntryConfig copy = new OrderEntryConfig(venue, username, password, session, version410,
            serverTimeoutNs, clientTimeoutMs, reconnectMinNs, reconnectMaxNs, maxLiveOrders, maxInstruments,
            firstUserRefNum, limits);
        copy.sessionPollIntervalNs = intervalNs;
        return copy;
    }

    /** @return how often the order session is read at most, ns; 0 for every duty cycle. */
    public long sessionPollIntervalNs()
    {
        return sessionPollIntervalNs;
    }

    /** @return the SoupBinTCP client settings. */
    public SoupBinTcpClient.Settings sessionSettings()
    {
        return new SoupBinTcpClient.Settings()
            .address(venue)
            .credentials(username, password)
            .resumeFrom(session, 1)
            .version410(version410)
            .serverTimeoutNs(serverTimeoutNs)
            .clientTimeoutMs(clientTimeoutMs)
            .reconnectBackoffNs(reconnectMinNs, reconnectMaxNs);
    }

    /** @return the venue's address. */
    public InetSocketAddress venue()
    {
        return venue;
    }

    /** @return true for SoupBinTCP 4.10 logins. */
    public boolean version410()
    {
        return version410;
    }

    /** @return live orders held at once. */
    public int maxLiveOrders()
    {
        return maxLiveOrders;
    }

    /** @return instruments with a position. */
    public int maxInstruments()
    {
        return maxInstruments;
    }

    /** @return the first UserRefNum. */
    public long firstUserRefNum()
    {
        return firstUserRefNum;
    }

    /** @return the starting risk limits by key, in order. */
    public Map<String, Long> limits()
    {
        return limits;
    }
}
