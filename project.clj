;; Leiningen view of the same sources as the Maven build (pom.xml is the real build; keep versions in step).
;; `lein repl` gives an editor a REPL with the Java core compiled and the ops vocabulary loadable; the engine
;; itself is started with bin/corezero (taskset onto the ops core), and editors connect to its nREPL.
;; Debian's nrepl jar names Clojure 1.11 in its manifest class path: Clojure 1.12 is listed first on purpose.
(defproject io.corezero/corezero "0.1.0-SNAPSHOT"
  :description "REPL-steered low-latency trading engine for the JVM"
  :repositories [["debian" {:url "file:///usr/share/maven-repo" :checksum :ignore :snapshots false}]
                 ["clojars" {:url "https://repo.clojars.org/" :snapshots false}]]
  :dependencies [[org.clojure/clojure "1.12.4"]
                 [nrepl/nrepl "1.0.0" :exclusions [org.clojure/clojure]]
                 [org.agrona/agrona "2.6.0"]
                 [com.lmax/disruptor "4.0.0"]
                 [net.openhft/affinity "2026.2"]
                 [org.hdrhistogram/HdrHistogram "2.2.2"]
                 [org.slf4j/slf4j-simple "2.0.17"]]
  :source-paths ["repl/src/main/clojure"]
  :java-source-paths ["java-core/src/main/java"]
  :resource-paths ["config"]
  :test-paths ["repl/src/test/clojure"]
  :test-selectors {:default (complement :integration)
                   :integration :integration}
  :javac-options ["--release" "17" "-Xlint:all" "-Werror"]
  :jvm-opts ["--add-exports" "java.base/jdk.internal.misc=ALL-UNNAMED"
             "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"]
  :global-vars {*warn-on-reflection* true}
  :main corezero.launcher
  :aot [corezero.launcher]
  :repl-options {:init-ns user})
