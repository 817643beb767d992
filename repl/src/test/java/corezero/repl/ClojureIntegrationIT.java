package corezero.repl;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.util.stream.Stream;

/** Every {@code *_it.clj} namespace: tests that launch the packaged engine through bin/corezero. */
class ClojureIntegrationIT
{
    @TestFactory
    Stream<DynamicTest> clojureIntegrationNamespaces() throws IOException
    {
        return ClojureNamespaceRunner.testsFor("_it.clj");
    }
}
