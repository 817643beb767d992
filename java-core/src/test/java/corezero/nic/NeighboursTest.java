package corezero.nic;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NeighboursTest
{
    private static final List<String> TABLE = List.of(
        "IP address       HW type     Flags       HW address            Mask     Device",
        "10.199.0.1       0x1         0x2         b6:92:20:09:5f:7e     *        cz-e",
        "10.199.0.3       0x1         0x0         00:00:00:00:00:00     *        cz-e");

    @Test
    void completeEntriesGiveTheirMac()
    {
        assertEquals(0xb69220095f7eL, Neighbours.parseArpTable(TABLE, "10.199.0.1"));
    }

    @Test
    void incompleteOrMissingEntriesGiveMinusOne()
    {
        assertEquals(-1, Neighbours.parseArpTable(TABLE, "10.199.0.3"));
        assertEquals(-1, Neighbours.parseArpTable(TABLE, "10.199.0.9"));
        assertEquals(-1, Neighbours.parseArpTable(List.of(), "10.199.0.1"));
    }

    @Test
    void macTextIsCheckedStrictly()
    {
        assertEquals(0x0102030405ffL, Neighbours.parseMac("01:02:03:04:05:ff"));
        assertEquals(-1, Neighbours.parseMac("01:02:03:04:05"));
        assertEquals(-1, Neighbours.parseMac("01:02:03:04:05:zz"));
        assertEquals(-1, Neighbours.parseMac("1:02:03:04:05:06"));
    }

    @Test
    void ipv4IsBigEndian() throws Exception
    {
        assertEquals(0x0A000001, Neighbours.ipv4(InetAddress.getByName("10.0.0.1")));
        assertEquals(0xC0A80102, Neighbours.ipv4(InetAddress.getByName("192.168.1.2")));
    }

    @Test
    void loopbackHasNoEthernetAddress()
    {
        assertEquals("interface lo has no Ethernet address",
            org.junit.jupiter.api.Assertions.assertThrows(
                IllegalStateException.class, () -> Neighbours.interfaceMac("lo")).getMessage());
    }
}
