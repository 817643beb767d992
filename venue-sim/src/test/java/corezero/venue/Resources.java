package corezero.venue;

import java.util.ArrayList;
import java.util.List;

/**
 * What a test opened (exchanges, clients, receivers), closed in reverse order after it.
 */
final class Resources
{
    private final List<AutoCloseable> opened = new ArrayList<>();

    /**
     * @param resource opened by the test.
     * @param <T>      its type.
     * @return the same resource, to be used.
     */
    <T extends AutoCloseable> T use(final T resource)
    {
        opened.add(resource);
        return resource;
    }

    /**
     * Close everything, newest first.
     *
     * @throws Exception from the first close that fails (the rest are then left open).
     */
    void closeAll() throws Exception
    {
        for (int i = opened.size() - 1; i >= 0; i--)
        {
            opened.get(i).close();
        }
        opened.clear();
    }
}
