package corezero.bench;

import com.paritytrading.juncture.nasdaq.itch50.ITCH50Parser;
import corezero.itch.ItchDecoder;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

/**
 * ITCH 5.0 decode alone, per message, over the real 10,000-message AAPL capture ({@link ItchSlice}) replayed
 * whole in every invocation: framing read, message decoded, two fields handed to a {@link Blackhole}.
 * <p>
 * Ours: {@link ItchDecoder} over an {@link UnsafeBuffer} with its flyweights ({@link BlackholeItchHandler}).
 * Peer, same bytes, same memory, same run: juncture-nasdaq 1.0.0's {@code ITCH50Parser}, which copies every field
 * of each message into a per-type object before calling its listener ({@link BlackholeItch50Listener}); the
 * buffer's position and limit frame each message, as the parser expects. Decoding keeps no state across
 * messages, so the slice loops without any reset. The floor, in the same run: the framing loop with the same two
 * blackhole calls per message and no decoder ({@link ItchReplay#frameAll}).
 * <p>
 * The forks run with the engine's GC and safepoint flags from bin/corezero. Not final: JMH generates subclasses
 * of benchmark and state classes.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
@Fork(value = 2, jvmArgsAppend = {
    "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
    "-XX:+UseSerialGC", "-XX:+UnlockDiagnosticVMOptions", "-XX:GuaranteedSafepointInterval=0" })
public class ItchDecodeBenchmark
{
    /** Ours: the engine's decoder and a handler that reads two fields. */
    @State(Scope.Thread)
    public static class Ours
    {
        final ItchDecoder decoder = new ItchDecoder();
        final BlackholeItchHandler handler = new BlackholeItchHandler();
        UnsafeBuffer buffer;
        int length;

        /** Load the capture and check that one pass decodes every message. */
        @Setup(Level.Trial)
        public void setUp(final Blackhole blackhole)
        {
            final ItchSlice slice = ItchSlice.load();
            buffer = slice.buffer();
            length = slice.length();
            handler.blackhole(blackhole);
            final int decoded = ItchReplay.decodeAll(decoder, buffer, length, handler);
            if (ItchSlice.MESSAGE_COUNT != decoded || ItchSlice.MESSAGE_COUNT != decoder.decoded())
            {
                throw new IllegalStateException("decoded " + decoder.decoded() + " of " + decoded + " messages");
            }
        }
    }

    /** Peer: juncture-nasdaq's parser and a listener that reads the same two fields. */
    @State(Scope.Thread)
    public static class Peer
    {
        final BlackholeItch50Listener listener = new BlackholeItch50Listener();
        final ITCH50Parser parser = new ITCH50Parser(listener);
        ByteBuffer frames;
        ByteBuffer messages;
        int length;

        /** Load the capture and check that one pass parses every message. */
        @Setup(Level.Trial)
        public void setUp(final Blackhole blackhole) throws IOException
        {
            final ItchSlice slice = ItchSlice.load();
            frames = slice.byteBuffer();
            messages = slice.byteBuffer();
            length = slice.length();
            listener.blackhole(blackhole);
            final int parsed = ItchReplay.parseAll(parser, frames, messages, length);
            if (ItchSlice.MESSAGE_COUNT != parsed)
            {
                throw new IllegalStateException("parsed " + parsed + " messages");
            }
        }
    }

    /**
     * Ours: decode the whole capture once.
     *
     * @param state     the decoder and capture.
     * @param blackhole the fields read go to.
     * @return messages decoded, so the loop itself stays live.
     */
    @Benchmark
    @OperationsPerInvocation(ItchSlice.MESSAGE_COUNT)
    public int decode(final Ours state, final Blackhole blackhole)
    {
        state.handler.blackhole(blackhole);
        return ItchReplay.decodeAll(state.decoder, state.buffer, state.length, state.handler);
    }

    /**
     * The floor: the framing loop over the whole capture with two blackhole calls per message and no decoder.
     *
     * @param state     the capture.
     * @param blackhole the type byte and length go to.
     * @return messages framed.
     */
    @Benchmark
    @OperationsPerInvocation(ItchSlice.MESSAGE_COUNT)
    public int framingOnly(final Ours state, final Blackhole blackhole)
    {
        return ItchReplay.frameAll(state.buffer, state.length, blackhole);
    }

    /**
     * Peer: parse the whole capture once with juncture-nasdaq.
     *
     * @param state     the parser and capture.
     * @param blackhole the fields read go to.
     * @return messages parsed.
     * @throws IOException never for this capture: the parser throws only on an unknown message type.
     */
    @Benchmark
    @OperationsPerInvocation(ItchSlice.MESSAGE_COUNT)
    public int juncture(final Peer state, final Blackhole blackhole) throws IOException
    {
        state.listener.blackhole(blackhole);
        return ItchReplay.parseAll(state.parser, state.frames, state.messages, state.length);
    }
}
