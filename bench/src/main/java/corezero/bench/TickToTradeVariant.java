package corezero.bench;

/**
 * The two designs the tick-to-trade harness compares, with the same hot path behind them.
 */
enum TickToTradeVariant
{
    /** The engine: the hot thread reads the UDP socket itself. */
    DIRECT("direct", "engine: hot thread reads the UDP socket"),
    /** The naive design: a receiver thread reads the socket and hands copies over an ArrayBlockingQueue. */
    QUEUED("naive", "naive: receiver thread -> ArrayBlockingQueue<byte[]> -> hot thread");

    final String label;
    final String description;

    TickToTradeVariant(final String label, final String description)
    {
        this.label = label;
        this.description = description;
    }
}
