package corezero.itch.tools;

import corezero.itch.ItchFlyweight;

/**
 * Decides which decoded messages the dump prints.
 */
interface MessageFilter
{
    /** Prints everything. */
    MessageFilter ALL = message -> true;

    /**
     * @param message decoded, valid during the call.
     * @return true to print it.
     */
    boolean accept(ItchFlyweight message);
}
