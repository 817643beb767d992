package corezero.sys;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Errno names and descriptions used in setup messages. */
class ErrnoTest
{
    @Test
    void namesCommonValues()
    {
        assertEquals("EPERM", Errno.name(1));
        assertEquals("ESRCH", Errno.name(3));
        assertEquals("ENOMEM", Errno.name(12));
        assertEquals("EINVAL", Errno.name(22));
        assertEquals("OK", Errno.name(0));
    }

    @Test
    void acceptsNegatedValues()
    {
        assertEquals("EINVAL", Errno.name(-22));
    }

    @Test
    void unnamedValuesKeepTheirNumber()
    {
        assertEquals("errno 95", Errno.name(95));
        assertEquals("errno 95", Errno.describe(95));
    }

    @Test
    void describeAddsTheMeaning()
    {
        assertEquals("EPERM (operation not permitted)", Errno.describe(Errno.EPERM));
    }
}
