(ns corezero.strategies.market-maker-test
  "strategies/market_maker.clj: compiles without reflection or boxing, sane parameters, runs clean and
  allocation-free over the real AAPL slice, carries its state over a swap, and quotes as a trader expects:
  around the fair price, skewed against inventory, capped, requoted, pulled."
  (:require [clojure.test :refer [deftest is testing]]
            [corezero.strategies.test-support :as support])
  (:import (corezero.order OrderState)
           (corezero.risk TradingState)
           (corezero.strategy Strategy)))

(def ^:private warnings
  "What the compiler printed loading the file (loaded once, here, for every test)."
  (support/load-strategy! "market_maker.clj"))

(def ^:private params @(ns-resolve 'strategies.market-maker 'params))
(def ^:private create @(ns-resolve 'strategies.market-maker 'create))

;; $100.00 bid, $100.10 ask, 500 shares each: mid $100.05.
(def ^:private bid 1000000)
(def ^:private ask 1001000)

(defn- started
  "A started market maker on a fake context with `params`; returns [strategy state]."
  [params]
  (let [[ctx state] (support/fake-context)
        ^Strategy mm (create)]
    (support/set-params! state params)
    (.onStart mm ctx)
    [mm state]))

(defn- quotes
  "The orders entered, as [side qty price]."
  [state]
  (mapv (juxt :side :qty :price) (:orders @state)))

(deftest compiles-without-reflection-or-boxed-math
  (is (= "" warnings)))

(deftest parameters-have-defaults-within-bounds
  (is (support/params-within-bounds? params))
  (is (= #{:size :spread-ticks :skew-ticks-per-100 :max-inventory :requote-ticks :microprice :quoting}
         (set (keys params)))))

(deftest runs-clean-and-allocation-free-over-the-real-slice
  (let [report (support/shadow-run create {} 4)]
    (is (nil? (.failure report)))
    (is (> (.events report) 9000))
    (is (pos? (.orders report)) "quotes on the real book")
    (is (zero? (.riskRejects report)))
    (is (< (.bytesPerEvent report) 1.0) (str "bytes per event once warm: " (.bytesPerEvent report)))))

(deftest reads-every-declared-parameter-with-its-declared-default
  (let [[mm state] (started {})]
    (support/update! mm state (support/book [[bid 500]] [[ask 500]]))
    (is (= (support/declared-defaults params) (:param-reads @state)))))

(deftest quotes-both-sides-spread-ticks-from-the-mid
  (let [[mm state] (started {:spread-ticks 2 :size 100})]
    (support/update! mm state (support/book [[bid 500]] [[ask 500]]))
    (is (= [[\B 100 1000300] [\S 100 1000700]] (quotes state)))
    (is (every? #(= \0 (:tif %)) (:orders @state)) "Day orders")))

(deftest the-microprice-leans-towards-the-thin-side
  (let [[mm state] (started {:spread-ticks 2 :microprice 1})]
    ;; 900 bid, 100 offered: the microprice is $100.09, near the ask.
    (support/update! mm state (support/book [[bid 900]] [[ask 100]]))
    (is (= [[\B 100 1000700] [\S 100 1001100]] (quotes state)))))

(deftest skews-both-quotes-against-inventory
  (testing "long 200 with 1 cent per 100 shares: both quotes 2 cents lower"
    (let [[mm state] (started {:spread-ticks 2 :skew-ticks-per-100 1})]
      (swap! state assoc :position 200)
      (support/update! mm state (support/book [[bid 500]] [[ask 500]]))
      (is (= [[\B 100 1000100] [\S 100 1000500]] (quotes state)))))
  (testing "short 300: both quotes 3 cents higher"
    (let [[mm state] (started {:spread-ticks 2 :skew-ticks-per-100 1})]
      (swap! state assoc :position -300)
      (support/update! mm state (support/book [[bid 500]] [[ask 500]]))
      (is (= [[\B 100 1000600] [\S 100 1001000]] (quotes state)))))
  (testing "a large skew never crosses the opposite touch"
    (let [[mm state] (started {:spread-ticks 0 :skew-ticks-per-100 10})]
      (swap! state assoc :position -400)
      (support/update! mm state (support/book [[bid 500]] [[ask 500]]))
      (is (= [[\B 100 (- ask 100)] [\S 100 1004500]] (quotes state))))))

(deftest stops-adding-to-a-side-past-max-inventory
  (testing "long 450 of 500: a 100-share bid could leave 550, so only the offer"
    (let [[mm state] (started {:max-inventory 500 :size 100})]
      (swap! state assoc :position 450)
      (support/update! mm state (support/book [[bid 500]] [[ask 500]]))
      (is (= [\S] (map first (quotes state))))))
  (testing "short 450: only the bid"
    (let [[mm state] (started {:max-inventory 500 :size 100})]
      (swap! state assoc :position -450)
      (support/update! mm state (support/book [[bid 500]] [[ask 500]]))
      (is (= [\B] (map first (quotes state))))))
  (testing "a resting bid is pulled once the position reaches the cap"
    (let [[mm state] (started {:max-inventory 500 :size 100 :skew-ticks-per-100 0})]
      (support/update! mm state (support/book [[bid 500]] [[ask 500]]))
      (swap! state assoc :position 450)
      (support/update! mm state (support/book [[bid 500]] [[ask 500]]))
      (is (= [1] (:cancels @state)) "the bid (ref 1) is cancelled, the offer stays"))))

(deftest requotes-only-when-the-desired-price-moves-enough
  (let [[mm state] (started {:spread-ticks 2 :requote-ticks 3})]
    (support/update! mm state (support/book [[bid 500]] [[ask 500]]))
    (testing "the mid moves 1 cent: quotes stay"
      (support/update! mm state (support/book [[(+ bid 100) 500]] [[(+ ask 100) 500]]))
      (is (= [] (:cancels @state))))
    (testing "the mid moves 4 cents: both quotes are cancelled, once"
      (support/update! mm state (support/book [[(+ bid 400) 500]] [[(+ ask 400) 500]]))
      (support/update! mm state (support/book [[(+ bid 400) 500]] [[(+ ask 400) 500]]))
      (is (= [1 2] (:cancels @state))))
    (testing "once the cancels are done, new quotes at the new prices"
      (support/finish-order! mm state 1 OrderState/CANCEL_PENDING OrderState/CANCELED)
      (support/finish-order! mm state 2 OrderState/CANCEL_PENDING OrderState/CANCELED)
      (support/update! mm state (support/book [[(+ bid 400) 500]] [[(+ ask 400) 500]]))
      (is (= [[\B 100 1000700] [\S 100 1001100]] (subvec (quotes state) 2))))))

(deftest a-cancel-reject-lets-the-quote-move-again
  (let [[mm state] (started {:requote-ticks 1})]
    (support/update! mm state (support/book [[bid 500]] [[ask 500]]))
    (support/update! mm state (support/book [[(+ bid 200) 500]] [[(+ ask 200) 500]]))
    (is (= [1 2] (:cancels @state)))
    (swap! state assoc-in [:states 1] OrderState/ACCEPTED)
    (.onOrderUpdate ^Strategy mm 1 OrderState/CANCEL_PENDING OrderState/ACCEPTED)
    (support/update! mm state (support/book [[(+ bid 200) 500]] [[(+ ask 200) 500]]))
    (is (= [1 2 1] (:cancels @state)) "the bid is cancelled again; the offer's cancel is still pending")))

(deftest pulls-quotes-on-a-stale-or-one-sided-book-and-when-told
  (testing "stale"
    (let [[mm state] (started {})]
      (support/update! mm state (support/book [[bid 500]] [[ask 500]]))
      (support/update! mm state (support/book [[bid 500]] [[ask 500]] {:stale? true}))
      (is (= [1 2] (:cancels @state)))
      (is (= 2 (count (:orders @state))) "nothing new on a stale book")))
  (testing "one-sided"
    (let [[mm state] (started {})]
      (support/update! mm state (support/book [[bid 500]] [[ask 500]]))
      (support/update! mm state (support/book [[bid 500]] []))
      (is (= [1 2] (:cancels @state)))))
  (testing "quoting 0"
    (let [[mm state] (started {})]
      (support/update! mm state (support/book [[bid 500]] [[ask 500]]))
      (support/set-params! state {:quoting 0})
      (support/update! mm state (support/book [[bid 500]] [[ask 500]]))
      (is (= [1 2] (:cancels @state))))))

(deftest follows-the-risk-gate-trading-state
  (testing "HALTED: nothing sent, nothing cancelled (the kill switch did it)"
    (let [[mm state] (started {})]
      (swap! state assoc :trading TradingState/HALTED)
      (support/update! mm state (support/book [[bid 500]] [[ask 500]]))
      (is (= [] (:orders @state) (:cancels @state)))))
  (testing "REDUCING long 60: only an offer, for 60 shares"
    (let [[mm state] (started {:size 100})]
      (swap! state assoc :trading TradingState/REDUCING :position 60)
      (support/update! mm state (support/book [[bid 500]] [[ask 500]]))
      (is (= [[\S 60]] (map (partial take 2) (quotes state))))))
  (testing "REDUCING after a fill: a resting offer larger than the position is replaced by one for the position"
    (let [[mm state] (started {:size 100 :skew-ticks-per-100 0})]
      (swap! state assoc :position 60)
      (support/update! mm state (support/book [[bid 500]] [[ask 500]]))
      (swap! state assoc :trading TradingState/REDUCING :position 60)
      (support/update! mm state (support/book [[bid 500]] [[ask 500]]))
      (is (= [1 2] (:cancels @state)) "the bid cannot reduce; the 100-share offer could flip the position")
      (support/finish-order! mm state 2 OrderState/CANCEL_PENDING OrderState/CANCELED)
      (support/update! mm state (support/book [[bid 500]] [[ask 500]]))
      (is (= [\S 60] (take 2 (peek (quotes state)))))))
  (testing "REDUCING flat: nothing"
    (let [[mm state] (started {})]
      (swap! state assoc :trading TradingState/REDUCING)
      (support/update! mm state (support/book [[bid 500]] [[ask 500]]))
      (is (= [] (:orders @state))))))

(deftest waits-for-the-stock-directory
  (let [[ctx state] (support/fake-context)
        ^Strategy mm (create "MSFT")]
    (.onStart mm ctx)
    (support/update! mm state (support/book [[bid 500]] [[ask 500]]))
    (is (= [] (:orders @state)) "no locate for MSFT, so no quotes")))

(deftest state-carries-over-a-swap
  (let [[mm state] (started {})]
    (support/update! mm state (support/book [[bid 500]] [[ask 500]]))
    (support/update! mm state (support/book [[(+ bid 300) 500]] [[(+ ask 300) 500]]))
    (.onFill ^Strategy mm 1 support/locate (byte 66) 100 bid)
    (let [saved (support/saved-state mm)
          successor (support/load-saved! (create) saved)]
      (is (= 96 (count saved)))
      (is (= saved (support/saved-state successor)))
      (testing "the successor manages the quotes it was handed"
        (let [[ctx state2] (support/fake-context)]
          (swap! state2 assoc :states (:states @state))
          (.onStart ^Strategy successor ctx)
          (support/update! successor state2 (support/book [[(+ bid 300) 500]] [[(+ ask 300) 500]]))
          (is (= [] (:orders @state2)) "both quotes are still cancelling: nothing new")))))
  (testing "state of another strategy is ignored"
    (is (= (support/saved-state (create))
           (support/saved-state (support/load-saved! (create) (vec (repeat 96 (byte 7)))))))))
