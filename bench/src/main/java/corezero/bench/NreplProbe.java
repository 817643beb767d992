package corezero.bench;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Asks an nREPL server on a Unix-domain socket whether it is ready: connects, sends a bencoded {@code describe}
 * and waits, bounded by a deadline, until the response carries the {@code done} status.
 */
final class NreplProbe
{
    private static final byte[] DESCRIBE = "d2:op8:describee".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DONE = "4:done".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_RESPONSE_BYTES = 64 * 1024;

    private NreplProbe()
    {
    }

    /**
     * One attempt. A refused or missing socket, a closed connection or a deadline passed all give false.
     *
     * @param socket     path of the server's socket file.
     * @param deadlineNs {@link System#nanoTime()} after which to give up waiting for the answer.
     * @return true when the server answered {@code describe} with status done.
     */
    static boolean answersDescribe(final Path socket, final long deadlineNs)
    {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX))
        {
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.configureBlocking(false);
            final ByteBuffer request = ByteBuffer.wrap(DESCRIBE);
            try (Selector selector = Selector.open())
            {
                final SelectionKey key = channel.register(selector, SelectionKey.OP_WRITE);
                final ByteBuffer in = ByteBuffer.allocate(8192);
                final byte[] response = new byte[MAX_RESPONSE_BYTES];
                int responseLength = 0;
                while (true)
                {
                    final long leftMs = TimeUnit.NANOSECONDS.toMillis(deadlineNs - System.nanoTime());
                    if (leftMs <= 0)
                    {
                        return false;
                    }
                    if (selector.select(leftMs) == 0)
                    {
                        continue;
                    }
                    selector.selectedKeys().clear();
                    if (request.hasRemaining())
                    {
                        channel.write(request);
                        if (!request.hasRemaining())
                        {
                            key.interestOps(SelectionKey.OP_READ);
                        }
                        continue;
                    }
                    in.clear();
                    final int read = channel.read(in);
                    if (read < 0 || responseLength + read > MAX_RESPONSE_BYTES)
                    {
                        return false;
                    }
                    System.arraycopy(in.array(), 0, response, responseLength, read);
                    responseLength += read;
                    if (contains(response, responseLength, DONE))
                    {
                        return true;
                    }
                }
            }
        }
        catch (final IOException ex)
        {
            return false;
        }
    }

    private static boolean contains(final byte[] haystack, final int length, final byte[] needle)
    {
        for (int i = 0, last = length - needle.length; i <= last; i++)
        {
            int j = 0;
            while (j < needle.length && haystack[i + j] == needle[j])
            {
                j++;
            }
            if (j == needle.length)
            {
                return true;
            }
        }
        return false;
    }
}
