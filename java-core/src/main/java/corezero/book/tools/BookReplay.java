package corezero.book.tools;

import corezero.book.BookResult;
import corezero.book.BookSnapshot;
import corezero.book.BookView;
import corezero.book.ItchBookAdapter;
import corezero.book.OrderBooks;
import corezero.itch.ItchDecoder;
import corezero.itch.tools.CaptureFiles;
import corezero.itch.tools.MalformedCaptureException;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code bin/corezero book FILE --symbol S [--depth N]}: replays a capture (BinaryFILE or pcap of MoldUDP64)
 * through the engine's own decoder and books, and prints the final book of one instrument with the rejects.
 */
public final class BookReplay
{
    /** Usage text. */
    public static final String USAGE =
        "usage: bin/corezero book FILE --symbol S [--depth N]\n" +
        "  FILE         NASDAQ BinaryFILE or pcap of MoldUDP64 over UDP\n" +
        "  --symbol S   the instrument to print, as named by its Stock Directory message\n" +
        "  --depth N    price levels a side to print (default 10)";

    private static final int MAX_ORDERS = 1 << 22;
    private static final int MAX_LEVELS_PER_SIDE = 16_384;

    private BookReplay()
    {
    }

    /**
     * @param args command line.
     */
    public static void main(final String[] args)
    {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * @param args command line.
     * @param out  where the book goes.
     * @param err  where problems go.
     * @return exit code: 0, 1 for an unreadable or malformed file or an unknown symbol, 2 for bad usage.
     */
    public static int run(final String[] args, final PrintStream out, final PrintStream err)
    {
        Path file = null;
        String symbol = null;
        int depth = 10;
        for (int i = 0; i < args.length; i++)
        {
            final String arg = args[i];
            if ("--symbol".equals(arg) && i + 1 < args.length)
            {
                symbol = args[++i];
            }
            else if ("--depth".equals(arg) && i + 1 < args.length)
            {
                try
                {
                    depth = Integer.parseInt(args[++i]);
                }
                catch (final NumberFormatException ex)
                {
                    depth = 0;
                }
                if (depth < 1)
                {
                    return usage(err, "--depth expects a positive integer, got '" + args[i] + "'");
                }
            }
            else if (!arg.startsWith("-") && null == file)
            {
                file = Path.of(arg);
            }
            else
            {
                return usage(err, "unexpected argument '" + arg + "'");
            }
        }
        if (null == file || null == symbol)
        {
            return usage(err, null == file ? "missing FILE" : "missing --symbol S");
        }
        if (!Files.isRegularFile(file))
        {
            return usage(err, "no such file: " + file);
        }

        final OrderBooks books = new OrderBooks(MAX_ORDERS, MAX_LEVELS_PER_SIDE);
        final ItchBookAdapter adapter = new ItchBookAdapter(books);
        final ItchDecoder decoder = new ItchDecoder();
        final long[] messages = new long[1];
        try
        {
            CaptureFiles.read(file, (buffer, offset, length, fileOffset) ->
            {
                decoder.decode(buffer, offset, length, adapter);
                messages[0]++;
                return true;
            }, err, null);
        }
        catch (final MalformedCaptureException | IOException ex)
        {
            err.println("book: " + file + ": " + ex.getMessage());
            return 1;
        }

        final BookSnapshot book = new BookSnapshot(symbol, depth);
        book.fillFrom(books);
        if (!book.found())
        {
            err.println("book: no Stock Directory message in " + file + " names " + symbol);
            return 1;
        }
        print(out, book, messages[0], decoder, books);
        return 0;
    }

    private static void print(
        final PrintStream out, final BookSnapshot book, final long messages, final ItchDecoder decoder,
        final OrderBooks books)
    {
        out.printf("%s (locate %d)  trading %s  orders %d  levels %d/%d  last %s  volume %d%n",
            book.symbol(),
            book.stockLocate(),
            0 == book.tradingState() ? "-" : String.valueOf((char)book.tradingState()),
            book.orderCount(),
            book.totalBidLevels(),
            book.totalAskLevels(),
            price(book.lastTradePrice()),
            book.tradedVolume());
        out.printf("%10s %12s %12s | %-12s %12s %10s%n", "BID-ORDERS", "BID-SHARES", "BID", "ASK", "ASK-SHARES",
            "ASK-ORDERS");
        for (int i = 0, n = Math.max(book.bidLevels(), book.askLevels()); i < n; i++)
        {
            final boolean bid = i < book.bidLevels();
            final boolean ask = i < book.askLevels();
            out.printf("%10s %12s %12s | %-12s %12s %10s%n",
                bid ? String.valueOf(book.bidOrders(i)) : "",
                bid ? String.valueOf(book.bidShares(i)) : "",
                bid ? price(book.bidPrice(i)) : "",
                ask ? price(book.askPrice(i)) : "",
                ask ? String.valueOf(book.askShares(i)) : "",
                ask ? String.valueOf(book.askOrders(i)) : "");
        }
        out.printf("%d messages: %d decoded, %d unknown types, %d bad lengths%n", messages,
            decoder.decoded(), decoder.unknownTypes(), decoder.badLengths());
        long rejects = 0;
        for (int result = BookResult.UNKNOWN_ORDER; result <= BookResult.LEVELS_EXHAUSTED; result++)
        {
            if (books.rejects(result) > 0)
            {
                out.printf("book rejects: %s %d%n", BookResult.describe(result), books.rejects(result));
                rejects += books.rejects(result);
            }
        }
        if (0 == rejects)
        {
            out.println("book rejects: none");
        }
    }

    private static String price(final long price)
    {
        return BookView.NO_PRICE == price ? "-" : BigDecimal.valueOf(price, 4).toPlainString();
    }

    private static int usage(final PrintStream err, final String problem)
    {
        err.println("book: " + problem);
        err.println(USAGE);
        return 2;
    }
}
