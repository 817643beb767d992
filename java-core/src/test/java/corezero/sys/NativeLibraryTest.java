package corezero.sys;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Where the loader looks and what it says when it cannot load; no library needed. */
class NativeLibraryTest
{
    private static final Path WORKING_DIR = Path.of("/home/dev/corezero/java-core");

    @Test
    void explicitLibraryPathWins()
    {
        assertEquals(
            List.of(Path.of("/opt/cz/lib.so")),
            NativeLibrary.candidates("/opt/cz/lib.so", "/elsewhere", WORKING_DIR));
    }

    @Test
    void homeLeadsToNativeBuild()
    {
        assertEquals(
            List.of(Path.of("/srv/corezero/native/build/libcorezero.so")),
            NativeLibrary.candidates("", "/srv/corezero", WORKING_DIR));
    }

    @Test
    void withoutPropertiesLooksBesideAndBelowTheWorkingDirectory()
    {
        assertEquals(
            List.of(Path.of("/home/dev/corezero/native/build/libcorezero.so"),
                Path.of("/home/dev/corezero/java-core/native/build/libcorezero.so")),
            NativeLibrary.candidates(" ", "", WORKING_DIR));
    }

    @Test
    void missingFileIsReportedWithEveryPathTried(@TempDir final Path dir)
    {
        final List<Path> candidates = List.of(dir.resolve("a.so"), dir.resolve("b.so"));
        final NativeLibrary library = NativeLibrary.load(candidates, (path) -> fail("nothing to load"));

        assertFalse(library.isLoaded());
        assertTrue(library.failureReason().contains(dir.resolve("a.so") + " or " + dir.resolve("b.so")),
            library.failureReason());
        assertTrue(library.failureReason().contains("make -C native"), library.failureReason());
    }

    @Test
    void linkErrorBecomesTheReason(@TempDir final Path dir) throws IOException
    {
        final Path file = Files.createFile(dir.resolve("libcorezero.so"));
        final NativeLibrary library = NativeLibrary.load(
            List.of(file),
            (path) ->
            {
                throw new UnsatisfiedLinkError(path + ": invalid ELF header");
            });

        assertFalse(library.isLoaded());
        assertEquals("could not load " + file + ": " + file + ": invalid ELF header", library.failureReason());
    }

    @Test
    void firstExistingCandidateIsLoaded(@TempDir final Path dir) throws IOException
    {
        final Path present = Files.createFile(dir.resolve("libcorezero.so"));
        final List<String> loaded = new ArrayList<>();
        final NativeLibrary library = NativeLibrary.load(List.of(dir.resolve("missing.so"), present), loaded::add);

        assertTrue(library.isLoaded());
        assertEquals("", library.failureReason());
        assertEquals(present, library.path());
        assertEquals(List.of(present.toString()), loaded);
    }
}
