package corezero.book;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal ITCH 5.0 reader for tests, independent of any production decoder: BinaryFILE framing (2-byte
 * big-endian length, then the message) read with {@link DataInputStream}, and only the fields the book needs
 * from A F E C X D U P Q B R H S. Offsets follow the spec tables; every message starts with type (1), stock
 * locate (2), tracking number (2) and a 6-byte timestamp.
 */
final class ItchCapture
{
    /** One decoded message; fields a type does not have stay 0. */
    static final class Message
    {
        byte type;
        int locate;
        long timestampNs;
        long ref;
        long newRef;
        byte side;
        long shares;
        long price;
        boolean printable;
        byte code;
        long matchNumber;
        byte[] raw;
    }

    private ItchCapture()
    {
    }

    /** The folder of shared specs and captures: {@code corezero.shared.dir}, else ../../shared from here. */
    static Path sharedDir()
    {
        final String property = System.getProperty("corezero.shared.dir");
        if (property != null && Files.isDirectory(Path.of(property)))
        {
            return Path.of(property);
        }
        final Path fallback = Path.of("..", "..", "shared").toAbsolutePath().normalize();
        if (Files.isDirectory(fallback))
        {
            return fallback;
        }
        throw new IllegalStateException("shared folder not found: corezero.shared.dir=" + property +
            ", fallback " + fallback);
    }

    static List<Message> read(final Path file) throws IOException
    {
        final List<Message> messages = new ArrayList<>();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file));
            DataInputStream frames = new DataInputStream(in))
        {
            while (true)
            {
                final int length;
                try
                {
                    length = frames.readUnsignedShort();
                }
                catch (final EOFException end)
                {
                    break;
                }
                final byte[] raw = new byte[length];
                frames.readFully(raw);
                messages.add(decode(raw));
            }
        }
        return messages;
    }

    private static Message decode(final byte[] raw) throws IOException
    {
        final DataInputStream in = new DataInputStream(new ByteArrayInputStream(raw));
        final Message m = new Message();
        m.raw = raw;
        m.type = in.readByte();
        m.locate = in.readUnsignedShort();
        in.skipBytes(2);
        m.timestampNs = ((long)in.readUnsignedShort() << 32) | (in.readInt() & 0xFFFF_FFFFL);
        switch (m.type)
        {
            case 'A':
            case 'F':
                m.ref = in.readLong();
                m.side = in.readByte();
                m.shares = uint32(in);
                in.skipBytes(8);
                m.price = uint32(in);
                break;
            case 'E':
                m.ref = in.readLong();
                m.shares = uint32(in);
                m.matchNumber = in.readLong();
                break;
            case 'C':
                m.ref = in.readLong();
                m.shares = uint32(in);
                m.matchNumber = in.readLong();
                m.printable = in.readByte() == 'Y';
                m.price = uint32(in);
                break;
            case 'X':
                m.ref = in.readLong();
                m.shares = uint32(in);
                break;
            case 'D':
                m.ref = in.readLong();
                break;
            case 'U':
                m.ref = in.readLong();
                m.newRef = in.readLong();
                m.shares = uint32(in);
                m.price = uint32(in);
                break;
            case 'P':
                m.ref = in.readLong();
                m.side = in.readByte();
                m.shares = uint32(in);
                in.skipBytes(8);
                m.price = uint32(in);
                m.matchNumber = in.readLong();
                break;
            case 'Q':
                m.shares = in.readLong();
                in.skipBytes(8);
                m.price = uint32(in);
                m.matchNumber = in.readLong();
                m.code = in.readByte();
                break;
            case 'B':
                m.matchNumber = in.readLong();
                break;
            case 'H':
                in.skipBytes(8);
                m.code = in.readByte();
                break;
            case 'S':
                m.code = in.readByte();
                break;
            default:
                break;
        }
        return m;
    }

    private static long uint32(final DataInputStream in) throws IOException
    {
        return in.readInt() & 0xFFFF_FFFFL;
    }
}
