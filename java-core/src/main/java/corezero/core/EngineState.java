package corezero.core;

/**
 * States of the trading agent, as published in the engine-state counter.
 */
public final class EngineState
{
    /** Pinned and spinning, not yet processing (before the first duty cycle). */
    public static final int STARTING = 0;

    /** Processing inputs. */
    public static final int RUNNING = 1;

    /** Draining commands only; inputs wait. */
    public static final int PAUSED = 2;

    /** Shutdown applied; the runner is about to stop the agent. */
    public static final int STOPPING = 3;

    /** The agent has closed. */
    public static final int STOPPED = 4;

    private EngineState()
    {
    }

    /**
     * Name of a state.
     *
     * @param state code.
     * @return lower-case name.
     */
    public static String name(final int state)
    {
        switch (state)
        {
            case STARTING: return "starting";
            case RUNNING: return "running";
            case PAUSED: return "paused";
            case STOPPING: return "stopping";
            case STOPPED: return "stopped";
            default: return "unknown";
        }
    }
}
