(ns corezero.strategies.imbalance-taker-test
  "strategies/imbalance_taker.clj: compiles without reflection or boxing, sane parameters, runs clean and
  allocation-free over the real AAPL slice, carries its state over a swap, and takes liquidity only on a confirmed
  imbalance, in its direction, within its cooldown and position limits."
  (:require [clojure.test :refer [deftest is testing]]
            [corezero.strategies.test-support :as support])
  (:import (corezero.order OrderState)
           (corezero.risk TradingState)
           (corezero.strategy Strategy)))

(def ^:private warnings
  "What the compiler printed loading the file (loaded once, here, for every test)."
  (support/load-strategy! "imbalance_taker.clj"))

(def ^:private params @(ns-resolve 'strategies.imbalance-taker 'params))
(def ^:private create @(ns-resolve 'strategies.imbalance-taker 'create))

(def ^:private bid 1000000)
(def ^:private ask 1000100)
(def ^:private ms 1000000)

(defn- top
  "A one-level book: `bid-shares` at the bid, `ask-shares` at the ask."
  [bid-shares ask-shares]
  (support/book [[bid bid-shares]] [[ask ask-shares]]))

(defn- started
  "A started taker on a fake context with `params` over the defaults used here; returns [strategy state]."
  [params]
  (let [[ctx state] (support/fake-context)
        ^Strategy taker (create)]
    (support/set-params! state (merge {:threshold-bps 6000 :confirm-updates 3 :cooldown-ms 1000 :size 100
                                       :max-position 500}
                                      params))
    (.onStart taker ctx)
    [taker state]))

(defn- feed!
  [taker state & books]
  (doseq [book books]
    (support/update! taker state book)))

(defn- trades
  "The orders entered, as [side qty price tif]."
  [state]
  (mapv (juxt :side :qty :price :tif) (:orders @state)))

(deftest compiles-without-reflection-or-boxed-math
  (is (= "" warnings)))

(deftest parameters-have-defaults-within-bounds
  (is (support/params-within-bounds? params))
  (is (= #{:size :threshold-bps :confirm-updates :depth-levels :cooldown-ms :max-position :trading}
         (set (keys params)))))

(deftest runs-clean-and-allocation-free-over-the-real-slice
  (let [report (support/shadow-run create {:cooldown-ms 0} 4)]
    (is (nil? (.failure report)))
    (is (> (.events report) 9000))
    (is (pos? (.orders report)) "the real AAPL book is imbalanced often enough")
    (is (zero? (.riskRejects report)))
    (is (< (.bytesPerEvent report) 1.0) (str "bytes per event once warm: " (.bytesPerEvent report)))))

(deftest reads-every-declared-parameter-with-its-declared-default
  (let [[ctx state] (support/fake-context)
        ^Strategy taker (create)]
    (.onStart taker ctx)
    (support/update! taker state (top 900 100))
    (is (= (support/declared-defaults params) (:param-reads @state)))))

(deftest a-confirmed-bid-imbalance-buys-at-the-ask
  (let [[taker state] (started {})]
    ;; 900 bid vs 100 offered: +8000 bps.
    (feed! taker state (top 900 100) (top 900 100))
    (is (= [] (trades state)) "two updates do not confirm")
    (feed! taker state (top 900 100))
    (is (= [[\B 100 ask \3]] (trades state)) "an IOC at the ask")))

(deftest a-confirmed-ask-imbalance-sells-at-the-bid
  (let [[taker state] (started {})]
    (feed! taker state (top 100 900) (top 100 900) (top 100 900))
    (is (= [[\S 100 bid \3]] (trades state)))))

(deftest the-count-restarts-when-the-signal-lapses-or-flips
  (let [[taker state] (started {})]
    (feed! taker state (top 900 100) (top 900 100) (top 500 500) (top 900 100) (top 900 100))
    (is (= [] (trades state)) "a balanced book in between")
    (feed! taker state (top 100 900) (top 900 100) (top 900 100))
    (is (= [] (trades state)) "a flip in between")
    (feed! taker state (top 500 500) (top 900 100) (top 900 100)
           (support/book [[bid 900]] [[ask 100]] {:stale? true}) (top 900 100) (top 900 100))
    (is (= [] (trades state)) "a stale book in between")
    (feed! taker state (top 900 100))
    (is (= [[\B 100 ask \3]] (trades state)))))

(deftest below-the-threshold-nothing-happens
  (let [[taker state] (started {:threshold-bps 9000})]
    (apply feed! taker state (repeat 10 (top 900 100)))
    (is (= [] (trades state)))))

(deftest waits-out-the-cooldown-and-the-working-order
  (let [[taker state] (started {:cooldown-ms 1000})]
    (feed! taker state (top 900 100) (top 900 100) (top 900 100))
    (is (= 1 (count (trades state))))
    (testing "the IOC is still working: nothing, whatever the signal"
      (swap! state update :now + (* 2000 ms))
      (feed! taker state (top 900 100) (top 900 100) (top 900 100))
      (is (= 1 (count (trades state)))))
    (testing "once it is done, the next confirmed update trades"
      (support/finish-order! taker state 1 OrderState/ACCEPTED OrderState/CANCELED)
      (feed! taker state (top 900 100))
      (is (= 2 (count (trades state))))))
  (testing "after the cooldown, a confirmed signal trades again"
    (let [[taker state] (started {:cooldown-ms 1000})
          start (:now @state)]
      (feed! taker state (top 900 100) (top 900 100) (top 900 100))
      (support/finish-order! taker state 1 OrderState/ACCEPTED OrderState/CANCELED)
      (swap! state assoc :now (+ start (* 999 ms)))
      (feed! taker state (top 900 100) (top 900 100) (top 900 100))
      (is (= 1 (count (trades state))) "999 ms later")
      (swap! state assoc :now (+ start (* 1000 ms)))
      (feed! taker state (top 900 100))
      (is (= 2 (count (trades state))) "1000 ms later, the signal still confirmed"))))

(deftest stays-within-max-position-both-ways
  (testing "long 450 of 500: the buy is trimmed to 50"
    (let [[taker state] (started {})]
      (swap! state assoc :position 450)
      (feed! taker state (top 900 100) (top 900 100) (top 900 100))
      (is (= [[\B 50 ask \3]] (trades state)))))
  (testing "long 500: no buy"
    (let [[taker state] (started {})]
      (swap! state assoc :position 500)
      (feed! taker state (top 900 100) (top 900 100) (top 900 100))
      (is (= [] (trades state)))))
  (testing "short 500: no sell, but a buy"
    (let [[taker state] (started {:cooldown-ms 0})]
      (swap! state assoc :position -500)
      (feed! taker state (top 100 900) (top 100 900) (top 100 900))
      (is (= [] (trades state)))
      (feed! taker state (top 900 100) (top 900 100) (top 900 100))
      (is (= [[\B 100 ask \3]] (trades state))))))

(deftest depth-levels-sums-deeper-levels
  (let [book (support/book [[bid 100] [(- bid 100) 2000]] [[ask 100] [(+ ask 100) 100]])]
    (testing "top of book only: balanced"
      (let [[taker state] (started {:depth-levels 1})]
        (feed! taker state book book book)
        (is (= [] (trades state)))))
    (testing "two levels: 2100 bid vs 200 offered"
      (let [[taker state] (started {:depth-levels 2})]
        (feed! taker state book book book)
        (is (= [[\B 100 ask \3]] (trades state)))))))

(deftest follows-the-risk-gate-trading-state-and-the-switch
  (testing "HALTED: nothing"
    (let [[taker state] (started {})]
      (swap! state assoc :trading TradingState/HALTED)
      (feed! taker state (top 900 100) (top 900 100) (top 900 100))
      (is (= [] (trades state)))))
  (testing "REDUCING long 60: a buy signal does nothing, a sell signal sells 60"
    (let [[taker state] (started {:cooldown-ms 0})]
      (swap! state assoc :trading TradingState/REDUCING :position 60)
      (feed! taker state (top 900 100) (top 900 100) (top 900 100))
      (is (= [] (trades state)))
      (feed! taker state (top 100 900) (top 100 900) (top 100 900))
      (is (= [[\S 60 bid \3]] (trades state)))))
  (testing "trading 0: watch only"
    (let [[taker state] (started {:trading 0})]
      (feed! taker state (top 900 100) (top 900 100) (top 900 100))
      (is (= [] (trades state))))))

(deftest state-carries-over-a-swap
  (let [[taker state] (started {:cooldown-ms 1000})]
    (feed! taker state (top 900 100) (top 900 100) (top 900 100) (top 900 100))
    (let [saved (support/saved-state taker)
          successor (support/load-saved! (create) saved)]
      (is (= 64 (count saved)))
      (is (= saved (support/saved-state successor)))
      (testing "the successor keeps the cooldown and the working order"
        (let [[ctx state2] (support/fake-context)]
          (support/set-params! state2 {:cooldown-ms 1000})
          (swap! state2 assoc :states (:states @state) :now (:now @state))
          (.onStart ^Strategy successor ctx)
          (support/finish-order! successor state2 1 OrderState/ACCEPTED OrderState/CANCELED)
          (feed! successor state2 (top 900 100) (top 900 100) (top 900 100))
          (is (= [] (trades state2)) "still within the predecessor's cooldown")))))
  (testing "state of another strategy is ignored"
    (is (= (support/saved-state (create))
           (support/saved-state (support/load-saved! (create) (vec (repeat 64 (byte 7)))))))))
