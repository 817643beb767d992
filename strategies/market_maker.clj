(ns strategies.market-maker
  "A two-sided market maker on one instrument: one quote a side, `spread-ticks` cents either side of the mid (or
  of the microprice), both quotes shifted against the position (`skew-ticks-per-100` cents per 100 shares held:
  long lowers both, short raises both), never crossing the opposite touch. A side stops quoting once a fill there
  would take the position past `max-inventory`. A quote moves (cancel, then a new one on the next book update once
  the cancel is done) when its desired price is `requote-ticks` or more away from where it rests, or when its
  quantity should change.

  Quotes are pulled on a stale or one-sided book and when `quoting` is 0. While the risk gate is HALTED it does
  nothing (the kill switch cancelled everything); while REDUCING it quotes only the side that reduces the
  position, for at most the position.

  File convention: strategies/<name>.clj defines the namespace strategies.<name> with `params` and `create`.
  Prices are Price(4) longs (1/10,000 dollar); one tick is one cent. Allocation-free on every event."
  (:import (corezero.book BookView)
           (corezero.order OrderState)
           (corezero.risk TradingState)
           (corezero.strategy EntryResult Strategy StrategyContext)))

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

(def ^:const tick
  "One cent in Price(4)."
  100)

(def params
  "Slot parameters: key → {:default :min :max :doc}, all longs."
  {:size               {:default 100 :min 1 :max 10000 :doc "shares per quote"}
   :spread-ticks       {:default 2 :min 0 :max 1000 :doc "cents from the fair price to each quote"}
   :skew-ticks-per-100 {:default 1 :min 0 :max 100 :doc "cents both quotes move against each 100 shares held"}
   :max-inventory      {:default 500 :min 0 :max 1000000 :doc "largest position, either way, a fill may leave"}
   :requote-ticks      {:default 1 :min 1 :max 1000 :doc "cents the desired price must move to move a quote"}
   :microprice         {:default 0 :min 0 :max 1 :doc "1: fair price is the size-weighted microprice, 0: the mid"}
   :quoting            {:default 1 :min 0 :max 1 :doc "1 quote, 0 pull both quotes"}})

(def ^:const state-layout
  "Identifies the saveState layout (\"MMKR\" v1)."
  0x4D4D4B5201)

(def ^:const state-length
  "Bytes of state written by saveState: twelve longs (bidCxl, askCxl: 1 while a cancel is pending).

     0        8        16       24         32       40       48         56       64       72       80       88
     +--------+--------+--------+----------+--------+--------+----------+--------+--------+--------+--------+
     | layout | locate | bidRef | bidPrice | bidQty | askRef | askPrice | askQty | bidCxl | askCxl | quotes |
     +--------+--------+--------+----------+--------+--------+----------+--------+--------+--------+--------+
     | fills  |
     +--------+

  A successor that finds the orders handed on keeps managing them; if they were cancelled at the swap the
  successor sees them as gone (OrderState NONE) and quotes afresh."
  96)

(definterface MarketMakerSteps
  (^void readParams [])
  (^void quoteSide [^long buy ^long price ^long quantity])
  (^void pullSide [^long buy])
  (^long cancelOrForget [^long ref]))

;; cancelOrForget's answers.
(def ^:private ^:const cancel-sent 1)
(def ^:private ^:const order-gone 0)
(def ^:private ^:const order-busy -1)

(deftype MarketMaker
  [^String symbol
   ^:unsynchronized-mutable ^StrategyContext ctx
   ^:unsynchronized-mutable ^long locate
   ^:unsynchronized-mutable ^long paramsVersion
   ^:unsynchronized-mutable ^long size
   ^:unsynchronized-mutable ^long spreadTicks
   ^:unsynchronized-mutable ^long skewPer100
   ^:unsynchronized-mutable ^long maxInventory
   ^:unsynchronized-mutable ^long requoteTicks
   ^:unsynchronized-mutable ^long microprice
   ^:unsynchronized-mutable ^long quoting
   ^:unsynchronized-mutable ^long bidRef
   ^:unsynchronized-mutable ^long bidPrice
   ^:unsynchronized-mutable ^long askRef
   ^:unsynchronized-mutable ^long askPrice
   ^:unsynchronized-mutable ^long bidQty
   ^:unsynchronized-mutable ^long askQty
   ^:unsynchronized-mutable ^long bidCanceling
   ^:unsynchronized-mutable ^long askCanceling
   ^:unsynchronized-mutable ^long quotesSent
   ^:unsynchronized-mutable ^long fills]

  MarketMakerSteps
  (readParams [_]
    (set-field! paramsVersion (.paramsVersion ctx))
    (set-field! size (.param ctx "size" 100))
    (set-field! spreadTicks (.param ctx "spread-ticks" 2))
    (set-field! skewPer100 (.param ctx "skew-ticks-per-100" 1))
    (set-field! maxInventory (.param ctx "max-inventory" 500))
    (set-field! requoteTicks (max 1 (.param ctx "requote-ticks" 1)))
    (set-field! microprice (.param ctx "microprice" 0))
    (set-field! quoting (.param ctx "quoting" 1)))

  (cancelOrForget [_ ref]
    ;; Cancel a live order; an order the engine no longer knows (NONE) or that finished is forgotten; one that
    ;; is not yet acknowledged or already cancelling is left alone until its next update.
    (let [state (.orderState ctx ref)]
      (cond
        (or (identical? OrderState/NONE state) (.isTerminal state)) order-gone
        (and (or (identical? OrderState/ACCEPTED state) (identical? OrderState/PARTIALLY_FILLED state))
             (== EntryResult/OK (.cancel ctx ref))) cancel-sent
        :else order-busy)))

  (pullSide [this buy]
    (if (== 1 buy)
      (when (and (differs 0 bidRef) (== 0 bidCanceling))
        (let [r (.cancelOrForget this bidRef)]
          (cond (== r cancel-sent) (set-field! bidCanceling 1)
                (== r order-gone) (set-field! bidRef 0))))
      (when (and (differs 0 askRef) (== 0 askCanceling))
        (let [r (.cancelOrForget this askRef)]
          (cond (== r cancel-sent) (set-field! askCanceling 1)
                (== r order-gone) (set-field! askRef 0))))))

  (quoteSide [this buy price quantity]
    ;; quantity 0 means the side may not quote; a new quantity (REDUCING, or `size` changed) replaces the quote.
    (let [resting (if (== 1 buy) bidPrice askPrice)
          resting-qty (if (== 1 buy) bidQty askQty)
          ref (if (== 1 buy) bidRef askRef)]
      (when (and (differs 0 ref)
                 (or (differs quantity resting-qty) (>= (Math/abs (- price resting)) (* requoteTicks tick))))
        (.pullSide this buy))
      (when (and (== 0 (if (== 1 buy) bidRef askRef)) (> quantity 0) (> price 0))
        (let [sent (.enter ctx (int locate) (if (== 1 buy) (byte 66) (byte 83)) quantity price StrategyContext/DAY)]
          (when (> sent 0)
            (set-field! quotesSent (inc quotesSent))
            (if (== 1 buy)
              (do (set-field! bidRef sent) (set-field! bidPrice price) (set-field! bidQty quantity)
                  (set-field! bidCanceling 0))
              (do (set-field! askRef sent) (set-field! askPrice price) (set-field! askQty quantity)
                  (set-field! askCanceling 0))))))))

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
            ask (.bestAskPrice book)
            trading (.tradingState ctx)]
        (cond
          (== trading TradingState/HALTED)
          nil

          (or (.isStale book) (== bid BookView/NO_PRICE) (== ask BookView/NO_PRICE) (== 0 quoting))
          (do (.pullSide this 1) (.pullSide this 0))

          :else
          (let [bid-size (.bestBidShares book)
                ask-size (.bestAskShares book)
                fair (if (and (== 1 microprice) (> (+ bid-size ask-size) 0))
                       (quot (+ (* bid ask-size) (* ask bid-size)) (+ bid-size ask-size))
                       (quot (+ bid ask) 2))
                position (.position ctx (int locate))
                skew (quot (* position skewPer100 tick) 100)
                bid-raw (- fair (* spreadTicks tick) skew)
                ask-raw (+ (- fair skew) (* spreadTicks tick))
                ;; Round away from the fair price onto the cent grid, and never cross the opposite touch.
                bid-quote (min (- bid-raw (Math/floorMod bid-raw tick)) (- ask tick))
                ask-quote (max (let [r (Math/floorMod ask-raw tick)] (if (== 0 r) ask-raw (+ ask-raw (- tick r))))
                               (+ bid tick))
                reducing (== trading TradingState/REDUCING)
                buy-qty (if reducing
                          (if (< position 0) (min size (- position)) 0)
                          (if (<= (+ position size) maxInventory) size 0))
                sell-qty (if reducing
                           (if (> position 0) (min size position) 0)
                           (if (>= (- position size) (- maxInventory)) size 0))]
            (.quoteSide this 1 bid-quote buy-qty)
            (.quoteSide this 0 ask-quote sell-qty))))))

  (onTrade [_ _ _ _])

  (onOrderUpdate [_ ref from to]
    (cond
      (.isTerminal to)
      (cond (== ref bidRef) (do (set-field! bidRef 0) (set-field! bidCanceling 0))
            (== ref askRef) (do (set-field! askRef 0) (set-field! askCanceling 0)))

      ;; A Cancel Reject: the quote is live again and may be moved anew.
      (and (identical? OrderState/CANCEL_PENDING from)
           (or (identical? OrderState/ACCEPTED to) (identical? OrderState/PARTIALLY_FILLED to)))
      (cond (== ref bidRef) (set-field! bidCanceling 0)
            (== ref askRef) (set-field! askCanceling 0))))

  (onFill [_ _ _ _ _ _]
    (set-field! fills (inc fills)))

  (onTimer [_ _])

  (saveState [_ buffer offset]
    (.putLong buffer offset state-layout)
    (.putLong buffer (+ offset 8) locate)
    (.putLong buffer (+ offset 16) bidRef)
    (.putLong buffer (+ offset 24) bidPrice)
    (.putLong buffer (+ offset 32) bidQty)
    (.putLong buffer (+ offset 40) askRef)
    (.putLong buffer (+ offset 48) askPrice)
    (.putLong buffer (+ offset 56) askQty)
    (.putLong buffer (+ offset 64) bidCanceling)
    (.putLong buffer (+ offset 72) askCanceling)
    (.putLong buffer (+ offset 80) quotesSent)
    (.putLong buffer (+ offset 88) fills)
    state-length)

  (loadState [_ buffer offset length]
    ;; State from another strategy (another layout) is ignored.
    (when (and (>= length state-length) (== state-layout (.getLong buffer offset)))
      (set-field! locate (.getLong buffer (+ offset 8)))
      (set-field! bidRef (.getLong buffer (+ offset 16)))
      (set-field! bidPrice (.getLong buffer (+ offset 24)))
      (set-field! bidQty (.getLong buffer (+ offset 32)))
      (set-field! askRef (.getLong buffer (+ offset 40)))
      (set-field! askPrice (.getLong buffer (+ offset 48)))
      (set-field! askQty (.getLong buffer (+ offset 56)))
      (set-field! bidCanceling (.getLong buffer (+ offset 64)))
      (set-field! askCanceling (.getLong buffer (+ offset 72)))
      (set-field! quotesSent (.getLong buffer (+ offset 80)))
      (set-field! fills (.getLong buffer (+ offset 88))))))

(defn create
  "A new market maker quoting `symbol` (default \"AAPL\"), with no state: load any with loadState."
  (^Strategy []
   (create "AAPL"))
  (^Strategy [^String symbol]
   (MarketMaker. symbol nil 0 -1 100 2 1 500 1 0 1 0 0 0 0 0 0 0 0 0 0)))
