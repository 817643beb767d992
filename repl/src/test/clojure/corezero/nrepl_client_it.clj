(ns corezero.nrepl-client-it
  "The running engine driven by an nREPL client nobody here wrote: the npm package nrepl-client (installed by
  make test into repl/src/test/node), over TCP and over the Unix socket: describe, eval, load-file."
  (:require [clojure.edn :as edn]
            [clojure.java.io :as io]
            [clojure.string :as str]
            [clojure.test :refer [deftest is testing]]
            [corezero.it-support :as it]))

(defn- node-dir
  []
  (io/file (it/project-dir) "repl" "src" "test" "node"))

(defn- run-node
  "Runs the client check; returns the EDN map it prints."
  [& args]
  (let [pb (doto (ProcessBuilder. ^java.util.List (into ["node" "nrepl-client-check.js"] args))
             (.directory (node-dir)))
        p (.start pb)
        out (future (slurp (.getInputStream p)))
        err (future (slurp (.getErrorStream p)))]
    (is (.waitFor p 60 java.util.concurrent.TimeUnit/SECONDS) "node client finished")
    (is (zero? (.exitValue p)) (str "node client failed: " @err))
    (when (zero? (.exitValue p))
      (edn/read-string @out))))

(defn- check
  [result]
  (is (every? (set (:ops result)) ["clone" "close" "describe" "eval" "load-file" "ls-sessions"]))
  (is (string? (:session result)))
  (is (= [":running"] (:status result)))
  (is (= ["42"] (:math result)))
  (is (some #(str/includes? % "strategy slot out of range") (:badErr result)) (pr-str (:badErr result)))
  (is (= [] (:loadFileErr result)))
  (is (= ["true"] (:loadFile result)))
  (is (= ["true"] (:afterLoad result))))

(deftest ^:integration npm-nrepl-client-drives-the-engine
  (is (.isDirectory (io/file (node-dir) "node_modules" "nrepl-client"))
      "make test installs the npm package nrepl-client (npm ci in repl/src/test/node)")
  (it/with-engine [e {}]
    (testing "over TCP (the port an editor reads from .nrepl-port)"
      (check (run-node "--port" (str (:port e)))))
    (testing "over the Unix socket"
      (check (run-node "--socket" (:socket e))))
    (testing "the client's load-file went through the audit log"
      (is (str/includes? (slurp (io/file (:run-dir e) "audit.log")) ":op \"load-file\"")))))
