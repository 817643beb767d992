package corezero.repl;

import clojure.java.api.Clojure;
import clojure.lang.IFn;
import org.junit.jupiter.api.DynamicTest;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Runs clojure.test namespaces as JUnit dynamic tests, one per namespace, so that Maven's own test
 * report counts them and a failing assertion fails the build.
 */
final class ClojureNamespaceRunner
{
    private ClojureNamespaceRunner()
    {
    }

    /** Namespaces whose source file under {@code src/test/clojure} ends with {@code fileSuffix}. */
    static List<String> namespacesEndingWith(final String fileSuffix) throws IOException
    {
        final Path root = Paths.get("src", "test", "clojure");
        try (Stream<Path> files = Files.walk(root))
        {
            return files
                .filter((p) -> p.getFileName().toString().endsWith(fileSuffix))
                .map((p) -> root.relativize(p).toString())
                .map((s) -> s.substring(0, s.length() - ".clj".length()).replace('/', '.').replace('_', '-'))
                .sorted()
                .collect(Collectors.toList());
        }
    }

    static Stream<DynamicTest> testsFor(final String fileSuffix) throws IOException
    {
        // -Dcorezero.test.ns=REGEX runs only the namespaces it matches (for working on one of them).
        final String only = System.getProperty("corezero.test.ns", "");
        final List<String> namespaces = namespacesEndingWith(fileSuffix).stream()
            .filter((ns) -> only.isEmpty() || ns.matches(only))
            .collect(Collectors.toList());
        assertFalse(namespaces.isEmpty() && only.isEmpty(), "no Clojure test namespaces ending with " + fileSuffix);
        return namespaces.stream().map((ns) -> DynamicTest.dynamicTest(ns, () -> run(ns)));
    }

    @SuppressWarnings("unchecked")
    private static void run(final String namespace)
    {
        final IFn require = Clojure.var("clojure.core", "require");
        require.invoke(Clojure.read("clojure.test"));
        require.invoke(Clojure.read(namespace));

        final IFn runTests = Clojure.var("clojure.test", "run-tests");
        final Map<Object, Object> summary = (Map<Object, Object>)runTests.invoke(Clojure.read(namespace));
        final long tests = ((Number)summary.get(Clojure.read(":test"))).longValue();
        final long fail = ((Number)summary.get(Clojure.read(":fail"))).longValue();
        final long error = ((Number)summary.get(Clojure.read(":error"))).longValue();

        final StringWriter detail = new StringWriter();
        detail.append(namespace).append(": ").append(String.valueOf(tests)).append(" tests, ")
            .append(String.valueOf(fail)).append(" failures, ").append(String.valueOf(error)).append(" errors");
        assertFalse(tests == 0, namespace + " defines no tests");
        assertEquals(0L, fail + error, detail.toString());
    }
}
