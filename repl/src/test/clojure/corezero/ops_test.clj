(ns corezero.ops-test
  "The REPL vocabulary against an engine in this JVM (hot thread pinned to the last CPU), stopped after each
  test. Covers what the process-level tests cannot reach easily: a hot thread that stops answering."
  (:require [clojure.string :as str]
            [clojure.test :refer [deftest is testing use-fixtures]]
            [corezero.config :as config]
            [corezero.engine :as engine]
            [corezero.ops :as ops])
  (:import (corezero.core Engine)
           (corezero.telemetry EngineCounter)
           (java.nio.file Files)
           (java.nio.file.attribute FileAttribute)))

(defn- last-cpu
  []
  (dec (.length (corezero.sys.CpuPinning/onlineCpus))))

(defn- with-engine
  [f]
  (let [dir (Files/createTempDirectory "cz-ops-test" (make-array FileAttribute 0))
        cfg (config/parse (pr-str {:hot-cores [(last-cpu)] :run-dir (str (.resolve dir "run"))}) "ops-test")]
    (engine/start! cfg)
    (try
      (f)
      (finally
        (engine/stop!)))))

(use-fixtures :each with-engine)

(deftest status-is-data-that-prints-as-a-table
  (let [s (ops/status)]
    (is (= :running (:state s)))
    (is (= (last-cpu) (:hot-core s)))
    (is (= (str (last-cpu)) (:hot-thread-cpus s)))
    (is (pos? (:duty-cycles s)))
    (let [printed (pr-str s)]
      (is (str/starts-with? printed "KEY"))
      (is (re-find #"\nhot-thread\s+cz-hot-1\n" printed)))
    (is (= (set (keys s)) (set (keys (into {} s)))))))

(deftest counters-list-every-engine-counter
  (let [rows (ops/counters)]
    (is (= (set (map #(.shortName ^EngineCounter %) (EngineCounter/values)))
           (set (map :name rows))))
    (is (every? (set (map :name rows)) ["duty-cycles" "stalls" "feed-gaps" "book-unknown-orders"]))
    (is (str/starts-with? (pr-str rows) "ID"))))

(deftest commands-return-their-input-sequence
  (let [p (ops/pause!)
        r (ops/resume!)
        sp (ops/set-param! 0 "edge" -3)]
    (is (= {:command :pause :status :applied :state :paused} (select-keys p [:command :status :state])))
    (is (= (inc (:input-sequence p)) (:input-sequence r)))
    (is (= -3 (:value sp)))
    (is (= [{:slot 0 :key :edge :value -3}] (:params (ops/snapshot))))))

(deftest bad-arguments-are-refused-before-reaching-the-hot-thread
  (is (thrown-with-msg? clojure.lang.ExceptionInfo #"slot must be an integer" (ops/set-param! "0" :k 1)))
  (is (thrown-with-msg? clojure.lang.ExceptionInfo #"value must be an integer" (ops/set-param! 0 :k 1/2)))
  (is (thrown-with-msg? clojure.lang.ExceptionInfo #"value must be an integer"
                        (ops/set-param! 0 :k 100000000000000000000N)))
  (is (thrown-with-msg? clojure.lang.ExceptionInfo #"1..32 ASCII characters" (ops/set-param! 0 "é" 1)))
  (is (thrown-with-msg? clojure.lang.ExceptionInfo #"keyword or string" (ops/set-param! 0 42 1)))
  (is (zero? (:commands-rejected (ops/status)))))

(deftest a-hot-thread-that-does-not-answer-gives-a-clear-error-not-a-hung-session
  (.close ^Engine (engine/engine))
  (binding [ops/*command-timeout-ms* 200]
    (let [started (System/nanoTime)
          ex (try (ops/pause!) nil (catch clojure.lang.ExceptionInfo e e))
          elapsed-ms (quot (- (System/nanoTime) started) 1000000)]
      (is (some? ex))
      (is (str/includes? (ex-message ex) "did not take effect within 200 ms"))
      (is (= :timeout (:corezero.ops/error (ex-data ex))))
      (is (< elapsed-ms 5000)))
    (testing "a snapshot times out the same way and frees its hand-off slot"
      (dotimes [_ 20]
        (is (thrown-with-msg? clojure.lang.ExceptionInfo #"did not take effect" (ops/snapshot))))))
  (testing "reads still answer from the counters"
    (is (= :stopped (:state (ops/status))))))

(deftest the-order-vocabulary-says-clearly-when-the-engine-does-not-trade-and-refuses-bad-arguments
  (testing "an engine without :order-entry"
    (doseq [f [ops/orders ops/fills ops/rejects ops/positions ops/pnl ops/risk ops/order-session ops/tick-to-trade
               ops/kill! ops/cancel-all!]]
      (is (thrown-with-msg? clojure.lang.ExceptionInfo #"no order entry \(no :order-entry in its configuration\)"
                            (f)))))
  (testing "bad limits and symbols never reach the hot thread"
    (is (thrown-with-msg? clojure.lang.ExceptionInfo #"unknown limit :max-qty; limits: :max-order-qty"
                          (ops/set-limit! :max-qty 5)))
    (is (thrown-with-msg? clojure.lang.ExceptionInfo #"integer >= 0" (ops/set-limit! :max-position -1)))
    (is (thrown-with-msg? clojure.lang.ExceptionInfo #"integer >= 0" (ops/set-limit! :max-position 1.5)))
    (is (thrown-with-msg? clojure.lang.ExceptionInfo #"symbol must be a string" (ops/flatten! :AAPL)))
    (is (thrown-with-msg? clojure.lang.ExceptionInfo #"symbol must be a string" (ops/flatten! "TOOLONGSYM"))))
  (testing "a good limit on an engine without order entry is refused by the hot thread, with the reason"
    (is (thrown-with-msg? clojure.lang.ExceptionInfo #"set-limit rejected by the hot thread: this engine has no order entry"
                          (ops/set-limit! :max-position 100)))
    (is (thrown-with-msg? clojure.lang.ExceptionInfo #"unkill rejected by the hot thread: this engine has no order entry"
                          (ops/unkill!)))))
