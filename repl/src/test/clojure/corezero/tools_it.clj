(ns corezero.tools-it
  "bin/corezero itch-dump and bin/corezero book on the shared real capture, as a person runs them."
  (:require [clojure.java.io :as io]
            [clojure.string :as str]
            [clojure.test :refer [deftest is testing]]
            [corezero.it-support :as it]))

(defn- capture
  []
  (str (io/file (it/shared-dir) "data" "itch50-aapl-20200130-10k.bin")))

(deftest ^:integration itch-dump-decodes-the-capture
  (testing "text: one line per message with every field, then counts by type"
    (let [{:keys [exit out]} (it/run-bin "itch-dump" (capture))]
      (is (zero? exit))
      (is (str/starts-with? out "R StockDirectory stockLocate=13"))
      (is (re-find #"A AddOrder\s+4758" out))
      (is (re-find #"D OrderDelete\s+4083" out))
      (is (= 10000 (count (filter #(re-find #"^[A-Za-z] [A-Za-z]+ stockLocate=" %) (str/split-lines out)))))))
  (testing "--json --limit: one object per message with the spec's field names"
    (let [{:keys [exit out]} (it/run-bin "itch-dump" (capture) "--json" "--symbol" "AAPL" "--limit" "5")
          lines (str/split-lines out)]
      (is (zero? exit))
      (is (= 5 (count lines)))
      (is (str/starts-with? (first lines) "{\"type\":\"R\",\"stockLocate\":13,"))
      (is (str/includes? (first lines) "\"stock\":\"AAPL\""))))
  (testing "a missing file is a usage error"
    (is (= 2 (:exit (it/run-bin "itch-dump" "/no/such/file"))))))

(deftest ^:integration book-replays-the-capture
  (let [{:keys [exit out]} (it/run-bin "book" (capture) "--symbol" "AAPL" "--depth" "5")]
    (is (zero? exit))
    (is (str/starts-with? out "AAPL (locate 13)  trading T  orders 215  levels 79/63"))
    (is (str/includes? out "320.1400 | 320.3000"))
    (is (str/includes? out "book rejects: none"))))
