package corezero.venue;

/**
 * Says how many messages of the feed are due, against time read from an injected clock: a fixed rate
 * ({@link MessagePacer}) or the capture's own timing scaled ({@link CaptureTimingPacer}). The feed asks, sends at most
 * that many, and says how many it sent.
 */
public interface Pacer
{
    /**
     * Start pacing; the first message is due at once.
     *
     * @param nowNs from the clock.
     */
    void start(long nowNs);

    /**
     * Start pacing part way through, after a restart; the message at {@code firstIndex} is due at once. A fixed rate
     * does not care where it starts.
     *
     * @param nowNs      from the clock.
     * @param firstIndex messages of the capture already sent before.
     */
    default void start(final long nowNs, final int firstIndex)
    {
        start(nowNs);
    }

    /**
     * @param nowNs       from the clock, not before the last call.
     * @param maxMessages the most the caller can send now; the answer never exceeds it.
     * @return how many messages may be sent now.
     */
    int available(long nowNs, int maxMessages);

    /**
     * @param messages sent, at most the last {@link #available(long, int)}.
     */
    void consume(int messages);
}
