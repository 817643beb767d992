(ns strategies.imbalance-taker
  "An order-book imbalance taker on one instrument: the size imbalance of the top `depth-levels` levels,
  (bid shares - ask shares) / (bid shares + ask shares) in basis points, signals pressure. Once it is at least
  `threshold-bps` one way for `confirm-updates` consecutive book updates, it takes liquidity in that direction
  with an immediate-or-cancel order at the far touch (bids dominating: buy at the ask), `size` shares, trimmed so
  the position stays within `max-position` either way. After each attempt it waits `cooldown-ms` (on the context's
  clock) and for the previous order to finish before trying again.

  Nothing while the risk gate is HALTED or `trading` is 0; while REDUCING only a trade that reduces the position,
  for at most the position. A stale or one-sided book resets the count of confirming updates.

  File convention: strategies/<name>.clj defines the namespace strategies.<name> with `params` and `create`.
  Allocation-free on every event."
  (:import (corezero.book BookView)
           (corezero.order OrderState)
           (corezero.risk TradingState)
           (corezero.strategy Strategy StrategyContext)))

(set! *warn-on-reflection* true)
(set! *unchecked-math* :warn-on-boxed)

(defmacro ^:private set-field!
  "`set!` of a primitive mutable field as a statement: where its value is used (a branch's or a method's last
  form), `set!` boxes the new value with Numbers/num, an allocation on the event path."
  [field value]
  `(do (set! ~field ~value) nil))

(defmacro ^:private differs
  "Primitive inequality of two longs: `not=` is a function, so it would box both."
  [a b]
  `(if (== ~a ~b) false true))

(def params
  "Slot parameters: key → {:default :min :max :doc}, all longs."
  {:size            {:default 100 :min 1 :max 10000 :doc "shares per trade"}
   :threshold-bps   {:default 6000 :min 1 :max 10000 :doc "imbalance, basis points either way, that signals"}
   :confirm-updates {:default 3 :min 1 :max 10000 :doc "consecutive book updates the signal must hold"}
   :depth-levels    {:default 1 :min 1 :max 10 :doc "price levels a side summed into the imbalance"}
   :cooldown-ms     {:default 1000 :min 0 :max 3600000 :doc "milliseconds between two attempts"}
   :max-position    {:default 500 :min 0 :max 1000000 :doc "largest position either way, shares"}
   :trading         {:default 1 :min 0 :max 1 :doc "1 trade, 0 watch only"}})

(def ^:const state-layout
  "Identifies the saveState layout (\"IMBT\" v1)."
  0x494D425401)

(def ^:const state-length
  "Bytes of state written by saveState: eight longs. The last attempt's time carries the cooldown over a swap;
  the working order is kept so the successor waits for it.

     0        8        16       24            32       40        48       56
     +--------+--------+--------+-------------+--------+---------+--------+--------+
     | layout | locate | streak | lastTradeNs | trades | rejects | workRef| fills  |
     +--------+--------+--------+-------------+--------+---------+--------+--------+"
  64)

(def ^:private ^:const nanos-per-milli 1000000)

(definterface ImbalanceSteps
  (^void readParams [])
  (^long imbalanceBps [^corezero.book.BookView book])
  (^void trade [^long buy ^long price]))

(deftype ImbalanceTaker
  [^String symbol
   ^:unsynchronized-mutable ^StrategyContext ctx
   ^:unsynchronized-mutable ^long locate
   ^:unsynchronized-mutable ^long paramsVersion
   ^:unsynchronized-mutable ^long size
   ^:unsynchronized-mutable ^long thresholdBps
   ^:unsynchronized-mutable ^long confirmUpdates
   ^:unsynchronized-mutable ^long depthLevels
   ^:unsynchronized-mutable ^long cooldownNs
   ^:unsynchronized-mutable ^long maxPosition
   ^:unsynchronized-mutable ^long trading
   ^:unsynchronized-mutable ^long streak
   ^:unsynchronized-mutable ^long lastTradeNs
   ^:unsynchronized-mutable ^long trades
   ^:unsynchronized-mutable ^long rejects
   ^:unsynchronized-mutable ^long workingRef
   ^:unsynchronized-mutable ^long fills]

  ImbalanceSteps
  (readParams [_]
    (set-field! paramsVersion (.paramsVersion ctx))
    (set-field! size (.param ctx "size" 100))
    (set-field! thresholdBps (max 1 (.param ctx "threshold-bps" 6000)))
    (set-field! confirmUpdates (max 1 (.param ctx "confirm-updates" 3)))
    (set-field! depthLevels (max 1 (.param ctx "depth-levels" 1)))
    (set-field! cooldownNs (* nanos-per-milli (.param ctx "cooldown-ms" 1000)))
    (set-field! maxPosition (.param ctx "max-position" 500))
    (set-field! trading (.param ctx "trading" 1)))

  (imbalanceBps [_ book]
    (loop [level 0 bids 0 asks 0]
      (if (< level depthLevels)
        (recur (inc level)
               (+ bids (.bidShares book (int level)))
               (+ asks (.askShares book (int level))))
        (if (== 0 (+ bids asks))
          0
          (quot (* (- bids asks) 10000) (+ bids asks))))))

  (trade [_ buy price]
    (let [now (.nowNs ctx)
          state (when-not (== 0 workingRef) (.orderState ctx workingRef))]
      (when (and (differs 0 workingRef) (or (identical? OrderState/NONE state) (.isTerminal ^OrderState state)))
        (set-field! workingRef 0))
      (when (and (== 0 workingRef)
                 (or (== 0 trades) (>= (- now lastTradeNs) cooldownNs)))
        (let [position (.position ctx (int locate))
              reducing (== TradingState/REDUCING (.tradingState ctx))
              quantity (if (== 1 buy)
                         (if reducing (min size (max 0 (- position))) (min size (- maxPosition position)))
                         (if reducing (min size (max 0 position)) (min size (+ maxPosition position))))]
          (when (> quantity 0)
            (let [sent (.enter ctx (int locate) (if (== 1 buy) (byte 66) (byte 83)) quantity price
                               StrategyContext/IOC (.currentSequence ctx))]
              ;; A refused attempt also starts the cooldown: no retry on every update against a risk limit.
              (set-field! lastTradeNs now)
              (set-field! trades (inc trades))
              (set-field! streak 0)
              (if (> sent 0)
                (set-field! workingRef sent)
                (set-field! rejects (inc rejects)))))))))

  Strategy
  (onStart [_ context]
    (set-field! ctx context)
    (set-field! locate (max 0 (long (.locateOf context symbol)))))

  (onStop [_]
    (set-field! ctx nil))

  (onBookUpdate [this stockLocate book]
    (when (== 0 locate)
      (set-field! locate (max 0 (long (.locateOf ctx symbol)))))
    (when (and (differs 0 locate) (== stockLocate locate))
      (let [version (.paramsVersion ctx)]
        (when (or (differs version paramsVersion) (== version StrategyContext/UNKNOWN_VERSION))
          (.readParams this)))
      (let [bid (.bestBidPrice book)
            ask (.bestAskPrice book)]
        (if (or (.isStale book) (== bid BookView/NO_PRICE) (== ask BookView/NO_PRICE))
          (set-field! streak 0)
          (let [imbalance (.imbalanceBps this book)]
            (cond
              (>= imbalance thresholdBps) (set-field! streak (if (> streak 0) (inc streak) 1))
              (<= imbalance (- thresholdBps)) (set-field! streak (if (< streak 0) (dec streak) -1))
              :else (set-field! streak 0))
            (when (and (>= (Math/abs streak) confirmUpdates)
                       (== 1 trading)
                       (differs TradingState/HALTED (.tradingState ctx)))
              (if (> streak 0)
                (.trade this 1 ask)
                (.trade this 0 bid))))))))

  (onTrade [_ _ _ _])

  (onOrderUpdate [_ ref _ to]
    (when (and (== ref workingRef) (.isTerminal to))
      (set-field! workingRef 0)))

  (onFill [_ _ _ _ _ _]
    (set-field! fills (inc fills)))

  (onTimer [_ _])

  (saveState [_ buffer offset]
    (.putLong buffer offset state-layout)
    (.putLong buffer (+ offset 8) locate)
    (.putLong buffer (+ offset 16) streak)
    (.putLong buffer (+ offset 24) lastTradeNs)
    (.putLong buffer (+ offset 32) trades)
    (.putLong buffer (+ offset 40) rejects)
    (.putLong buffer (+ offset 48) workingRef)
    (.putLong buffer (+ offset 56) fills)
    state-length)

  (loadState [_ buffer offset length]
    ;; State from another strategy (another layout) is ignored.
    (when (and (>= length state-length) (== state-layout (.getLong buffer offset)))
      (set-field! locate (.getLong buffer (+ offset 8)))
      (set-field! streak (.getLong buffer (+ offset 16)))
      (set-field! lastTradeNs (.getLong buffer (+ offset 24)))
      (set-field! trades (.getLong buffer (+ offset 32)))
      (set-field! rejects (.getLong buffer (+ offset 40)))
      (set-field! workingRef (.getLong buffer (+ offset 48)))
      (set-field! fills (.getLong buffer (+ offset 56))))))

(defn create
  "A new imbalance taker trading `symbol` (default \"AAPL\"), with no state: load any with loadState."
  (^Strategy []
   (create "AAPL"))
  (^Strategy [^String symbol]
   (ImbalanceTaker. symbol nil 0 -1 100 6000 3 1 (* 1000 nanos-per-milli) 500 1 0 0 0 0 0 0)))
