(ns corezero.strategies.twap-test
  "strategies/twap.clj: compiles without reflection or boxing, sane parameters, runs clean and allocation-free
  over the real AAPL slice, carries a running order over a swap, and works the order as a trader expects: even
  slices on the timer, cancel and replace the working child, fills counted, done at the target or at the end."
  (:require [clojure.test :refer [deftest is testing]]
            [corezero.strategies.test-support :as support])
  (:import (corezero.order OrderState)
           (corezero.risk TradingState)
           (corezero.strategy Strategy)))

(def ^:private warnings
  "What the compiler printed loading the file (loaded once, here, for every test)."
  (support/load-strategy! "twap.clj"))

(def ^:private params @(ns-resolve 'strategies.twap 'params))
(def ^:private create @(ns-resolve 'strategies.twap 'create))

;; $100.00 bid, $100.03 ask.
(def ^:private bid 1000000)
(def ^:private ask 1000300)
(def ^:private second-ns 1000000000)

(def ^:private two-sided (support/book [[bid 500]] [[ask 500]]))

(defn- started
  "A TWAP on a fake context with `params` over 1000 shares bought in 10 one-second slices, started by a two-sided
  book; returns [strategy state start-ns]."
  [params]
  (let [[ctx state] (support/fake-context)
        ^Strategy twap (create)]
    (support/set-params! state (merge {:side 1 :target-shares 1000 :duration-s 10 :slice-ms 1000 :max-cross-ticks 1}
                                      params))
    (.onStart twap ctx)
    (support/update! twap state two-sided)
    [twap state (:now @state)]))

(defn- children
  "The child orders entered, as [side qty price tif]."
  [state]
  (mapv (juxt :side :qty :price :tif) (:orders @state)))

(defn- last-ref
  [state]
  (:ref (peek (:orders @state))))

(defn- timer!
  "The timer fires at `now-ns`."
  [^Strategy twap state now-ns]
  (swap! state assoc :now now-ns)
  (.onTimer twap (long now-ns)))

(defn- cancelled!
  "The venue confirms the cancel of the working child."
  [twap state]
  (support/finish-order! twap state (last-ref state) OrderState/CANCEL_PENDING OrderState/CANCELED))

(defn- fill!
  [^Strategy twap state shares]
  (.onFill twap (long (last-ref state)) support/locate (byte 66) (long shares) bid))

(deftest compiles-without-reflection-or-boxed-math
  (is (= "" warnings)))

(deftest parameters-have-defaults-within-bounds
  (is (support/params-within-bounds? params))
  (is (= #{:side :target-shares :duration-s :slice-ms :max-cross-ticks} (set (keys params)))))

(deftest runs-clean-and-allocation-free-over-the-real-slice
  ;; A one-second schedule in 1 ms slices: the replay takes a few milliseconds, so a few slices fire.
  (let [report (support/shadow-run create {:slice-ms 1 :duration-s 1 :target-shares 1000} 4)]
    (is (nil? (.failure report)))
    (is (> (.events report) 9000))
    (is (pos? (.orders report)) "children on the real book")
    (is (zero? (.riskRejects report)))
    (is (< (.bytesPerEvent report) 1.0) (str "bytes per event once warm: " (.bytesPerEvent report)))))

(deftest reads-every-declared-parameter-with-its-declared-default
  (let [[ctx state] (support/fake-context)
        ^Strategy twap (create)]
    (.onStart twap ctx)
    (support/update! twap state two-sided)
    (is (= (support/declared-defaults params) (:param-reads @state)))))

(deftest starts-on-the-first-two-sided-book
  (let [[ctx state] (support/fake-context)
        ^Strategy twap (create)]
    (support/set-params! state {:target-shares 1000 :duration-s 10 :slice-ms 1000})
    (.onStart twap ctx)
    (support/update! twap state (support/book [[bid 500]] []))
    (support/update! twap state (support/book [[bid 500]] [[ask 500]] {:stale? true}))
    (is (= [] (:orders @state)))
    (is (nil? (:timer @state)))
    (support/update! twap state two-sided)
    (is (= [[\B 100 (+ bid 100) \0]] (children state)) "the first slice's 100 shares, a cent above the bid, Day")
    (is (= (+ (:now @state) second-ns) (:timer @state)) "the next slice boundary")))

(deftest slices-evenly-by-cancel-and-replace
  (let [[twap state start] (started {})]
    (doseq [slice (range 1 10)]
      (timer! twap state (+ start (* slice second-ns)))
      (is (= (last-ref state) (peek (:cancels @state))) "the working child is cancelled at the boundary")
      (is (= (+ start (* (inc slice) second-ns)) (:timer @state)))
      (cancelled! twap state))
    (is (= (mapv #(* 100 %) (range 1 11)) (mapv :qty (:orders @state)))
        "nothing filled: each child asks for all that is due by the end of its slice")))

(deftest fills-count-towards-the-schedule
  (let [[twap state start] (started {})]
    (fill! twap state 40)
    (timer! twap state (+ start second-ns))
    (cancelled! twap state)
    (is (= 160 (:qty (peek (:orders @state)))) "200 due, 40 filled")
    (fill! twap state 160)
    (support/finish-order! twap state (last-ref state) OrderState/ACCEPTED OrderState/FILLED)
    (is (= 2 (count (:orders @state))) "on schedule: nothing more in this slice")
    (timer! twap state (+ start (* 2 second-ns)))
    (is (= [100 160 100] (mapv :qty (:orders @state))) "the next slice's 100")))

(deftest completes-at-the-target
  (let [[twap state start] (started {})]
    (fill! twap state 100)
    (timer! twap state (+ start second-ns))
    (fill! twap state 900)
    (let [orders (:orders @state)]
      (timer! twap state (+ start (* 5 second-ns)))
      (support/update! twap state two-sided)
      (is (= orders (:orders @state)) "done: no more children"))))

(deftest stops-at-the-end-with-the-child-cancelled
  (let [[twap state start] (started {:duration-s 2})]
    (is (= [500] (mapv :qty (:orders @state))) "two slices of 500")
    (timer! twap state (+ start second-ns))
    (cancelled! twap state)
    (is (= [500 1000] (mapv :qty (:orders @state))))
    (is (= (+ start (* 2 second-ns)) (:timer @state)) "the last boundary is the end")
    (timer! twap state (+ start (* 2 second-ns)))
    (is (= [1 2] (:cancels @state)) "the end cancels the working child")
    (cancelled! twap state)
    (timer! twap state (+ start (* 3 second-ns)))
    (is (= 2 (count (:orders @state))) "nothing after the end")))

(deftest prices-from-the-near-touch-up-to-max-cross-ticks
  (testing "buy, 0 cents: join the bid"
    (let [[_ state] (started {:max-cross-ticks 0})]
      (is (= [[\B 100 bid \0]] (children state)))))
  (testing "buy, 10 cents: take the ask, never beyond"
    (let [[_ state] (started {:max-cross-ticks 10})]
      (is (= [[\B 100 ask \0]] (children state)))))
  (testing "sell, 0 cents: join the ask"
    (let [[_ state] (started {:side -1 :max-cross-ticks 0})]
      (is (= [[\S 100 ask \0]] (children state)))))
  (testing "sell, 1 cent: a cent below the ask"
    (let [[_ state] (started {:side -1 :max-cross-ticks 1})]
      (is (= [[\S 100 (- ask 100) \0]] (children state))))))

(deftest pauses-and-catches-up
  (let [[twap state start] (started {})]
    (support/set-params! state {:side 0})
    (timer! twap state (+ start second-ns))
    (cancelled! twap state)
    (timer! twap state (+ start (* 2 second-ns)))
    (is (= [100] (mapv :qty (:orders @state))) "paused: the child is cancelled, nothing new")
    (support/set-params! state {:side 1})
    (timer! twap state (+ start (* 3 second-ns)))
    (is (= [100 400] (mapv :qty (:orders @state))) "resumed: all that is due by the end of the 4th slice")))

(deftest follows-the-risk-gate-trading-state
  (let [[ctx state] (support/fake-context)
        ^Strategy twap (create)]
    (support/set-params! state {:target-shares 1000 :duration-s 10 :slice-ms 1000})
    (swap! state assoc :trading TradingState/HALTED)
    (.onStart twap ctx)
    (support/update! twap state two-sided)
    (is (= [] (:orders @state)) "HALTED: the schedule starts, nothing is sent")
    (swap! state assoc :trading TradingState/REDUCING :position 0)
    (timer! twap state (+ (:now @state) second-ns))
    (is (= [] (:orders @state)) "REDUCING flat: a buy would not reduce")
    (swap! state assoc :trading TradingState/REDUCING :position -50)
    (timer! twap state (+ (:now @state) second-ns))
    (is (= [[\B 50]] (map (partial take 2) (children state))) "REDUCING short 50: buys at most 50")))

(deftest a-running-order-carries-over-a-swap
  (let [[twap state start] (started {})]
    (fill! twap state 70)
    (timer! twap state (+ start second-ns))
    (let [saved (support/saved-state twap)
          successor (support/load-saved! (create) saved)
          [ctx state2] (support/fake-context)]
      (is (= 72 (count saved)))
      (is (= saved (support/saved-state successor)))
      (support/set-params! state2 (:params @state))
      (swap! state2 assoc :now (+ start second-ns 5) :book two-sided)
      (.onStart ^Strategy successor ctx)
      (is (= (+ start second-ns 5) (:timer @state2)) "the successor picks the schedule up at once")
      (timer! successor state2 (+ start second-ns 5))
      (is (= [[\B 130 (+ bid 100) \0]] (children state2))
          "the predecessor's child is gone (NONE here): 200 due, 70 filled"))))

(deftest state-of-another-strategy-is-ignored
  (is (= (support/saved-state (create))
         (support/saved-state (support/load-saved! (create) (vec (repeat 72 (byte 7))))))))
