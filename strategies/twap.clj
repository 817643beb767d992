(ns strategies.twap
  "A TWAP execution algo on one instrument: buy (`side` 1) or sell (`side` -1) `target-shares` evenly over
  `duration-s` seconds, in slices of `slice-ms`. It starts at the first live two-sided book. At each slice boundary
  (a timer) the schedule says how much should be done by the end of that slice, target × (slice + 1) / slices;
  a working child order is cancelled, and once it is gone a new one is sent for what is due and not yet filled.
  A child is a Day limit order priced from the near touch, at most `max-cross-ticks` cents towards the far touch
  and never past it: 0 joins the bid (buying), a large value takes the ask.

  Fills (onFill) count towards the target; it completes when the target is filled, or stops at the end of the
  duration with its working child cancelled (the shortfall is what was not filled). `side` is latched at the
  start, and so is the duration; setting `side` to 0 later pauses (the child is cancelled, the schedule keeps
  running, so resuming catches up). `target-shares`, `slice-ms` and `max-cross-ticks` apply from the next slice.
  A completed or ended order stays done, across hot swaps too (they carry its state): a new order is a fresh load
  into an empty slot. Nothing is sent while the risk gate is HALTED; while REDUCING, a child is sent only if it reduces the position.

  File convention: strategies/<name>.clj defines the namespace strategies.<name> with `params` and `create`.
  Allocation-free on every event and timer."
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

(defmacro ^:private not-any-of
  "True when none of the boolean tests holds; a macro, so that it compiles to branches (`not` is a function)."
  [& tests]
  `(if (or ~@tests) false true))

(def ^:const tick
  "One cent in Price(4)."
  100)

(def params
  "Slot parameters: key → {:default :min :max :doc}, all longs."
  {:side            {:default 1 :min -1 :max 1 :doc "1 buy, -1 sell, 0 wait (before the start) or pause"}
   :target-shares   {:default 1000 :min 0 :max 10000000 :doc "shares to execute"}
   :duration-s      {:default 300 :min 1 :max 86400 :doc "seconds from the start to the end of the schedule"}
   :slice-ms        {:default 10000 :min 1 :max 3600000 :doc "milliseconds between child orders"}
   :max-cross-ticks {:default 1 :min 0 :max 1000 :doc "cents a child may price from the near touch to the far"}})

(def ^:const state-layout
  "Identifies the saveState layout (\"TWAP\" v1)."
  0x5457415001)

(def ^:const state-length
  "Bytes of state written by saveState: nine longs. Start and end are on the engine's nano clock, which a swap
  keeps.

     0        8        16        24        32      40       48        56       64
     +--------+--------+---------+---------+-------+--------+---------+--------+----------+
     | layout | locate | orderSide| startNs | endNs | filled | childRef| done   | children |
     +--------+--------+---------+---------+-------+--------+---------+--------+----------+"
  72)

(def ^:private ^:const nanos-per-milli 1000000)
(def ^:private ^:const nanos-per-second 1000000000)

(definterface TwapSteps
  (^void readParams [])
  (^void refreshParams [])
  (^void begin [^corezero.book.BookView book])
  (^long dueNow [^long nowNs])
  (^long childGone [])
  (^void sendChild [])
  (^void finish []))

(deftype Twap
  [^String symbol
   ^:unsynchronized-mutable ^StrategyContext ctx
   ^:unsynchronized-mutable ^long locate
   ^:unsynchronized-mutable ^long paramsVersion
   ^:unsynchronized-mutable ^long side
   ^:unsynchronized-mutable ^long targetShares
   ^:unsynchronized-mutable ^long durationNs
   ^:unsynchronized-mutable ^long sliceNs
   ^:unsynchronized-mutable ^long maxCrossTicks
   ^:unsynchronized-mutable ^long orderSide
   ^:unsynchronized-mutable ^long startNs
   ^:unsynchronized-mutable ^long endNs
   ^:unsynchronized-mutable ^long filled
   ^:unsynchronized-mutable ^long childRef
   ^:unsynchronized-mutable ^long done
   ^:unsynchronized-mutable ^long children]

  TwapSteps
  (readParams [_]
    (set-field! paramsVersion (.paramsVersion ctx))
    (set-field! side (.param ctx "side" 1))
    (set-field! targetShares (max 0 (.param ctx "target-shares" 1000)))
    (set-field! durationNs (* nanos-per-second (max 1 (.param ctx "duration-s" 300))))
    (set-field! sliceNs (* nanos-per-milli (max 1 (.param ctx "slice-ms" 10000))))
    (set-field! maxCrossTicks (max 0 (.param ctx "max-cross-ticks" 1))))

  (refreshParams [this]
    (let [version (.paramsVersion ctx)]
      (when (or (differs version paramsVersion) (== version StrategyContext/UNKNOWN_VERSION))
        (.readParams this))))

  (begin [this book]
    ;; The schedule starts at the first live two-sided book with a side and a target.
    (when (and (differs 0 side) (> targetShares 0)
               (not-any-of (.isStale book)
                           (== BookView/NO_PRICE (.bestBidPrice book)) (== BookView/NO_PRICE (.bestAskPrice book))))
      (let [now (.nowNs ctx)]
        (set-field! orderSide side)
        (set-field! startNs now)
        (set-field! endNs (+ now durationNs))
        (.sendChild this)
        (.scheduleTimer ctx (min endNs (+ now sliceNs))))))

  (dueNow [_ now]
    (let [slices (quot (+ (- endNs startNs) (dec sliceNs)) sliceNs)
          slice (min (dec slices) (quot (- now startNs) sliceNs))]
      (min targetShares (quot (* targetShares (inc slice)) slices))))

  (childGone [_]
    ;; 1 once the child is finished or unknown to the engine (NONE); cancels a live one, else waits for it.
    (if (== 0 childRef)
      1
      (let [state (.orderState ctx childRef)]
        (if (or (identical? OrderState/NONE state) (.isTerminal state))
          (do (set-field! childRef 0) 1)
          (do (when (or (identical? OrderState/ACCEPTED state) (identical? OrderState/PARTIALLY_FILLED state))
                (.cancel ctx childRef))
              0)))))

  (sendChild [this]
    (let [book (.book ctx (int locate))
          bid (.bestBidPrice book)
          ask (.bestAskPrice book)
          buy (> orderSide 0)
          quantity (- (.dueNow this (.nowNs ctx)) filled)
          position (.position ctx (int locate))
          trading (.tradingState ctx)]
      (when (and (== 0 childRef) (== 0 done) (differs 0 side) (> quantity 0)
                 (not-any-of (.isStale book) (== bid BookView/NO_PRICE) (== ask BookView/NO_PRICE))
                 (or (== trading TradingState/ACTIVE)
                     (and (== trading TradingState/REDUCING) (if buy (< position 0) (> position 0)))))
        (let [price (if buy (min ask (+ bid (* maxCrossTicks tick))) (max bid (- ask (* maxCrossTicks tick))))
              quantity (if (== trading TradingState/REDUCING) (min quantity (Math/abs position)) quantity)
              sent (.enter ctx (int locate) (if buy (byte 66) (byte 83)) quantity price StrategyContext/DAY)]
          (when (> sent 0)
            (set-field! childRef sent)
            (set-field! children (inc children)))))))

  (finish [this]
    (set-field! done 1)
    ;; Cancels a working child; the answer is not needed (nil: a discarded long would be boxed).
    (.childGone this)
    nil)

  Strategy
  (onStart [_ context]
    (set-field! ctx context)
    (when (== 0 locate)
      (set-field! locate (max 0 (long (.locateOf context symbol)))))
    ;; A successor of a running order picks the schedule up at once.
    (when (and (differs 0 startNs) (== 0 done))
      (.scheduleTimer context (.nowNs context))))

  (onStop [_]
    (set-field! ctx nil))

  (onBookUpdate [this stockLocate book]
    (when (and (== 0 startNs) (== 0 done))
      (when (== 0 locate)
        (set-field! locate (max 0 (long (.locateOf ctx symbol)))))
      (when (and (differs 0 locate) (== stockLocate locate))
        (.refreshParams this)
        (.begin this book))))

  (onTrade [_ _ _ _])

  (onOrderUpdate [this ref _ to]
    ;; The child cancelled at a slice boundary is replaced at once by what is due now; a rejected one waits for
    ;; the next slice (no resend loop against the venue).
    (when (and (== ref childRef) (.isTerminal to))
      (set-field! childRef 0)
      (when (and (identical? OrderState/CANCELED to) (== 0 done) (differs 0 startNs) (< (.nowNs ctx) endNs))
        (.refreshParams this)
        (.sendChild this))))

  (onFill [this _ _ _ shares _]
    (set-field! filled (+ filled shares))
    (when (and (== 0 done) (>= filled targetShares))
      (.finish this)))

  (onTimer [this now]
    (when (and (differs 0 startNs) (== 0 done))
      (.refreshParams this)
      (if (or (>= now endNs) (>= filled targetShares))
        (.finish this)
        (do
          (when (and (== 1 (.childGone this)) (differs 0 side))
            (.sendChild this))
          (.scheduleTimer ctx (min endNs (+ startNs (* sliceNs (inc (quot (- now startNs) sliceNs))))))))))

  (saveState [_ buffer offset]
    (.putLong buffer offset state-layout)
    (.putLong buffer (+ offset 8) locate)
    (.putLong buffer (+ offset 16) orderSide)
    (.putLong buffer (+ offset 24) startNs)
    (.putLong buffer (+ offset 32) endNs)
    (.putLong buffer (+ offset 40) filled)
    (.putLong buffer (+ offset 48) childRef)
    (.putLong buffer (+ offset 56) done)
    (.putLong buffer (+ offset 64) children)
    state-length)

  (loadState [_ buffer offset length]
    ;; State from another strategy (another layout) is ignored.
    (when (and (>= length state-length) (== state-layout (.getLong buffer offset)))
      (set-field! locate (.getLong buffer (+ offset 8)))
      (set-field! orderSide (.getLong buffer (+ offset 16)))
      (set-field! startNs (.getLong buffer (+ offset 24)))
      (set-field! endNs (.getLong buffer (+ offset 32)))
      (set-field! filled (.getLong buffer (+ offset 40)))
      (set-field! childRef (.getLong buffer (+ offset 48)))
      (set-field! done (.getLong buffer (+ offset 56)))
      (set-field! children (.getLong buffer (+ offset 64))))))

(defn create
  "A new TWAP order on `symbol` (default \"AAPL\"), not started: load a running one's state with loadState."
  (^Strategy []
   (create "AAPL"))
  (^Strategy [^String symbol]
   (Twap. symbol nil 0 -1 1 1000 (* 300 nanos-per-second) (* 10000 nanos-per-milli) 1 0 0 0 0 0 0 0)))
