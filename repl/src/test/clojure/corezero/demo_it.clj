(ns corezero.demo-it
  "The README's path: bin/corezero demo prints the connect line, venue-sim publishes the real ITCH capture,
  and the plain `bin/corezero connect` / `bin/corezero stat` (no arguments) reach the demo engine.
  Uses the demo's own run directory and ports: it fails, saying so, if a demo is already running here."
  (:require [clojure.java.io :as io]
            [clojure.string :as str]
            [clojure.test :refer [deftest is testing]]
            [corezero.it-support :as it])
  (:import (java.util.concurrent TimeUnit)))

(deftest ^:integration demo-starts-venue-sim-engine-and-repl
  (let [demo (it/start-process [(it/bin) "demo"])]
    (try
      (let [started (System/nanoTime)
            _ (it/await-line demo #"nREPL ready \d+ ms after JVM start" 30000)
            connect-line-ms (quot (- (System/nanoTime) started) 1000000)]
        (testing "the connect line names the command and the editor endpoint"
          (it/await-line demo #"connect with\s+bin/corezero connect" 1000)
          (it/await-line demo #"editors\s+nrepl://127\.0\.0\.1:\d+" 1000)
          (is (< connect-line-ms 10000) (str "connect line after " connect-line-ms " ms")))
        (testing "venue-sim publishes the real capture over MoldUDP64"
          (it/await-line demo #"venue-sim: ITCH feed udp://127\.0\.0\.1:31001 session CZDEMO0001" 15000)
          (is (some #(re-find #"venue-sim running as pid \d+" %) @(:err demo))))
        (testing "bin/corezero connect without arguments reaches the demo"
          (let [{:keys [exit out err]} (it/run-bin "connect" "-e" "(status)")]
            (is (zero? exit) err)
            (is (str/includes? out "cz-hot-1"))
            (is (re-find #"duty-cycles\s+[1-9][\d,]*" out))))
        (testing "the engine keeps a live AAPL book fed over UDP, and recovers dropped packets by re-request"
          (let [socket (str (io/file (it/project-dir) "run" "demo" "nrepl.sock"))
                deadline (+ (System/currentTimeMillis) 20000)
                feed (loop []
                       (let [f (it/read-value socket "(into {} (dissoc (feed) :rejects))")]
                         (if (or (pos? (:gaps-recovered f)) (> (System/currentTimeMillis) deadline))
                           f
                           (do (Thread/sleep 500) (recur)))))
                book1 (it/read-value socket "(select-keys (into {} (book \"AAPL\" 3)) [:stock-locate :bids :asks :orders])")
                _ (Thread/sleep 1500)
                book2 (it/read-value socket "(select-keys (into {} (book \"AAPL\" 3)) [:bids :asks :orders])")]
            (is (pos? (:messages feed)))
            (is (pos? (:gaps feed)) "venue-sim drops every 100th packet in the demo")
            (is (pos? (:gaps-recovered feed)))
            (is (zero? (:gaps-unrecoverable feed)))
            (is (zero? (it/read-value socket "(reduce + (vals (:rejects (feed))))")) "no rejects of any kind")
            (is (= 13 (:stock-locate book1)))
            (is (seq (:bids book1)))
            (is (seq (:asks book1)))
            (is (< (:price (first (:bids book1))) (:price (first (:asks book1)))) "never crossed")
            (is (not= book1 (assoc book2 :stock-locate 13)) "the book changes as venue-sim replays")))
        (testing "bin/corezero stat without arguments reads the demo's counters"
          (let [{:keys [exit out]} (it/run-bin "stat" "--once")]
            (is (zero? exit))
            (is (str/includes? out "(running)"))))
        (testing "editors find the port in the project's .nrepl-port"
          (is (re-matches #"\d+" (slurp (io/file (it/project-dir) ".nrepl-port")))))
        (testing "shutdown stops the engine and venue-sim"
          (is (zero? (:exit (it/run-bin "connect" "-e" "(shutdown!)"))))
          (is (.waitFor ^Process (:process demo) 20 TimeUnit/SECONDS))
          (is (zero? (.exitValue ^Process (:process demo))))
          (is (not (.exists (io/file (it/project-dir) ".nrepl-port"))))))
      (finally
        (it/stop-engine! demo)))))
