package corezero.repl;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.util.stream.Stream;

/** Every {@code *_test.clj} namespace: pure and in-process tests of the Clojure side. */
class ClojureUnitTest
{
    @TestFactory
    Stream<DynamicTest> clojureTestNamespaces() throws IOException
    {
        return ClojureNamespaceRunner.testsFor("_test.clj");
    }
}
