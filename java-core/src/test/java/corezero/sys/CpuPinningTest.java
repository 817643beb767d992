package corezero.sys;

import org.junit.jupiter.api.Test;

import java.util.BitSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CpuPinningTest
{
    @Test
    void parsesKernelCpuLists()
    {
        assertEquals(BitSet.valueOf(new long[]{0b1}), CpuPinning.parseCpuList("0"));
        assertEquals(BitSet.valueOf(new long[]{0b1011_0111}), CpuPinning.parseCpuList("0-2,4-5,7"));
        assertEquals(new BitSet(), CpuPinning.parseCpuList(""));
        assertThrows(IllegalArgumentException.class, () -> CpuPinning.parseCpuList("3-1"));
        assertThrows(IllegalArgumentException.class, () -> CpuPinning.parseCpuList("a"));
    }

    @Test
    void onlineCpusIncludeCpuZero()
    {
        assertTrue(CpuPinning.onlineCpus().get(0));
    }
}
