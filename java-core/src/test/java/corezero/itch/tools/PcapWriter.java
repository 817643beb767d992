package corezero.itch.tools;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes classic pcap files for tests: UDP datagrams in IPv4 in Ethernet II, with optional VLAN tags, in either
 * byte order and with microsecond or nanosecond timestamps; also arbitrary raw frames.
 */
final class PcapWriter
{
    private final boolean bigEndian;
    private final boolean nanos;
    private final int linkType;
    private final List<byte[]> frames = new ArrayList<>();

    PcapWriter(final boolean bigEndian, final boolean nanos)
    {
        this(bigEndian, nanos, 1);
    }

    PcapWriter(final boolean bigEndian, final boolean nanos, final int linkType)
    {
        this.bigEndian = bigEndian;
        this.nanos = nanos;
        this.linkType = linkType;
    }

    /**
     * @param tagTypes TPIDs of the VLAN tags to insert, outermost first (0x8100, 0x88a8).
     */
    PcapWriter udp(final byte[] payload, final int... tagTypes)
    {
        final ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.writeBytes(new byte[] {0x01, 0x00, 0x5E, 0x36, 0x0C, 0x6F});
        frame.writeBytes(new byte[] {0x02, 0x00, 0x00, 0x00, 0x00, 0x01});
        int vlan = 100;
        for (final int tagType : tagTypes)
        {
            u16(frame, tagType);
            u16(frame, vlan++);
        }
        u16(frame, 0x0800);

        final int ipLength = 20 + 8 + payload.length;
        final byte[] ip = new byte[20];
        ip[0] = 0x45;
        ip[2] = (byte)(ipLength >>> 8);
        ip[3] = (byte)ipLength;
        ip[4] = 0x12;
        ip[6] = 0x40;
        ip[8] = 64;
        ip[9] = 17;
        System.arraycopy(new byte[] {10, 0, 0, 1, (byte)233, 54, 12, 111}, 0, ip, 12, 8);
        int sum = 0;
        for (int i = 0; i < 20; i += 2)
        {
            sum += ((ip[i] & 0xFF) << 8) | (ip[i + 1] & 0xFF);
        }
        sum = (sum & 0xFFFF) + (sum >>> 16);
        sum = ~((sum & 0xFFFF) + (sum >>> 16)) & 0xFFFF;
        ip[10] = (byte)(sum >>> 8);
        ip[11] = (byte)sum;
        frame.writeBytes(ip);

        u16(frame, 40000);
        u16(frame, 26477);
        u16(frame, 8 + payload.length);
        u16(frame, 0);
        frame.writeBytes(payload);
        while (frame.size() < 60)
        {
            frame.write(0);
        }

        return raw(frame.toByteArray());
    }

    PcapWriter raw(final byte[] frame)
    {
        frames.add(frame);

        return this;
    }

    byte[] bytes()
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        u32(out, nanos ? 0xA1B23C4D : 0xA1B2C3D4);
        u16o(out, 2);
        u16o(out, 4);
        u32(out, 0);
        u32(out, 0);
        u32(out, 65535);
        u32(out, linkType);
        int second = 1_580_390_000;
        for (final byte[] frame : frames)
        {
            u32(out, second++);
            u32(out, nanos ? 123_456_789 : 123_456);
            u32(out, frame.length);
            u32(out, frame.length);
            out.writeBytes(frame);
        }

        return out.toByteArray();
    }

    private static void u16(final ByteArrayOutputStream out, final int value)
    {
        out.write(value >>> 8);
        out.write(value);
    }

    private void u16o(final ByteArrayOutputStream out, final int value)
    {
        if (bigEndian)
        {
            u16(out, value);
        }
        else
        {
            out.write(value);
            out.write(value >>> 8);
        }
    }

    private void u32(final ByteArrayOutputStream out, final int value)
    {
        final int ordered = bigEndian ? value : Integer.reverseBytes(value);
        out.write(ordered >>> 24);
        out.write(ordered >>> 16);
        out.write(ordered >>> 8);
        out.write(ordered);
    }
}
