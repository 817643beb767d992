package corezero.core;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HandOffSlotsTest
{
    @Test
    void offerTakeOnceAndReclaimRace()
    {
        final HandOffSlots<Object> slots = new HandOffSlots<>(2);
        final Object a = new Object();
        final Object b = new Object();
        assertEquals(0, slots.offer(a));
        assertEquals(1, slots.offer(b));
        assertEquals(HandOffSlots.NO_SLOT, slots.offer(new Object()));

        assertSame(a, slots.take(0));
        assertNull(slots.take(0), "taken exactly once");
        assertFalse(slots.reclaim(0, a), "core 0 cannot reclaim what the agent took");

        assertTrue(slots.reclaim(1, b));
        assertNull(slots.take(1), "agent finds a reclaimed slot empty");
        assertNull(slots.take(-1));
        assertNull(slots.take(2));
    }
}
