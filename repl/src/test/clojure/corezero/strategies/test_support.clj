(ns corezero.strategies.test-support
  "Shared by the strategy tests: loading a strategy file from the project's strategies/ folder with the compiler's
  reflection and boxed-math warnings captured, a recording fake StrategyContext, hand-built books, a shadow run
  over the shared AAPL slice, and the saveState bytes of a strategy."
  (:require [clojure.java.io :as io]
            [clojure.string :as str])
  (:import (corezero.book BookView)
           (corezero.order OrderState)
           (corezero.risk RiskLimits TradingState)
           (corezero.strategy EntryResult ShadowRun ShadowRun$Report Strategy StrategyContext)
           (java.io File PrintWriter StringWriter)
           (java.util.function Supplier)
           (org.agrona.concurrent UnsafeBuffer)))

(set! *warn-on-reflection* true)

(def locate
  "The locate the fake context gives AAPL."
  7)

(defn- property
  [key]
  (let [value (System/getProperty key)]
    (when-not (str/blank? value) value)))

(defn project-dir
  "The Maven project's root: the corezero.project.dir property, else the parent of the module directory (the
  tests run in repl/)."
  ^File []
  (io/file (or (property "corezero.project.dir") "..")))

(defn strategy-file
  "strategies/<file-name> in the project."
  ^File [file-name]
  (io/file (project-dir) "strategies" file-name))

(defn load-strategy!
  "Load strategies/<file-name> with *warn-on-reflection* true and *unchecked-math* :warn-on-boxed; returns what
  the compiler printed to *err* (\"\" when clean)."
  [file-name]
  (let [err (StringWriter.)]
    (binding [*warn-on-reflection* true
              *unchecked-math* :warn-on-boxed
              *err* (PrintWriter. err true)]
      (load-file (str (strategy-file file-name))))
    (str err)))

(defn capture-bytes
  "The shared AAPL slice (BinaryFILE): under the corezero.shared.dir property, else ../shared beside the project."
  ^bytes []
  (let [shared (or (property "corezero.shared.dir") (str (io/file (project-dir) ".." "shared")))]
    (ShadowRun/readCapture (.toPath (io/file shared "data" "itch50-aapl-20200130-10k.bin")))))

(defn- limits
  ^RiskLimits []
  (doto (RiskLimits.)
    (.set RiskLimits/MAX_ORDER_QTY 1000)
    (.set RiskLimits/MAX_ORDER_NOTIONAL 1000000000000)
    (.set RiskLimits/MAX_POSITION 10000)
    (.set RiskLimits/COLLAR_BPS 100)
    (.set RiskLimits/THROTTLE_CAPACITY 1000000)
    (.set RiskLimits/THROTTLE_REFILL_PER_SECOND 1000000)
    (.set RiskLimits/MAX_OPEN_ORDERS 100)))

(defn shadow-run
  "Replay the shared slice `passes` times through ShadowRun with permissive risk limits, a new strategy from
  `create` each pass, and the slot parameters `params` (string → long); the last pass's report."
  ^ShadowRun$Report [create params passes]
  (.run (ShadowRun. (limits) 65536 4096 16)
        (reify Supplier (get [_] (create)))
        (into {} (map (fn [[k v]] [(name k) (long v)])) params)
        (capture-bytes)
        (int passes)))

(defn book
  "A BookView over levels given best first, [[price shares] ...]; `opts` :stale? and :locate."
  (^BookView [bids asks]
   (book bids asks {}))
  (^BookView [bids asks {:keys [stale? locate] :or {stale? false locate locate}}]
   (let [bids (vec bids)
         asks (vec asks)
         price (fn ^long [levels ^long level] (if (< level (count levels)) (long (first (nth levels level))) BookView/NO_PRICE))
         shares (fn ^long [levels ^long level] (if (< level (count levels)) (long (second (nth levels level))) 0))]
     (reify BookView
       (stockLocate [_] (int locate))
       (symbol [_] "AAPL")
       (isStale [_] (boolean stale?))
       (lastUpdateNs [_] 0)
       (tradingState [_] (byte 84))
       (bestBidPrice [_] (price bids 0))
       (bestBidShares [_] (shares bids 0))
       (bestAskPrice [_] (price asks 0))
       (bestAskShares [_] (shares asks 0))
       (bidLevels [_] (int (count bids)))
       (askLevels [_] (int (count asks)))
       (bidPrice [_ level] (price bids level))
       (bidShares [_ level] (shares bids level))
       (bidOrderCount [_ level] (int (if (< level (count bids)) 1 0)))
       (askPrice [_ level] (price asks level))
       (askShares [_ level] (shares asks level))
       (askOrderCount [_ level] (int (if (< level (count asks)) 1 0)))
       (orderCount [_] (int (+ (count bids) (count asks))))
       (lastTradePrice [_] BookView/NO_PRICE)
       (tradedVolume [_] 0)
       (tradeCount [_] 0)
       (crossVolume [_] 0)
       (brokenTradeCount [_] 0)))))

(defn fake-context
  "A StrategyContext recording what a strategy does, over an atom the test drives: :now, :position, :trading,
  :params (string → long, bump :version when changing them), :book, and what it recorded: :orders (maps of
  :ref :side :qty :price :tif), :cancels (refs), :timer (the last deadline), :states (ref → OrderState; a new
  order is ACCEPTED, a cancelled one CANCEL_PENDING, an unknown one NONE), :param-reads (keyword → the default
  the strategy passed). Returns [context state-atom]."
  []
  (let [state (atom {:now 1000000000 :position 0 :trading TradingState/ACTIVE :params {} :version 0
                     :book (book [] []) :orders [] :cancels [] :timer nil :states {} :next-ref 1
                     :param-reads {}})
        enter (fn ^long [side quantity price tif]
                (let [ref (:next-ref @state)]
                  (swap! state #(-> %
                                    (update :next-ref inc)
                                    (update :orders conj {:ref ref :side (char side) :qty quantity :price price
                                                          :tif (char tif)})
                                    (assoc-in [:states ref] OrderState/ACCEPTED)))
                  ref))]
    [(reify StrategyContext
       (slot [_] 0)
       (nowNs [_] (long (:now @state)))
       (book [_ _] (:book @state))
       (locateOf [_ symbol] (int (if (= "AAPL" (str symbol)) locate 0)))
       (param [_ key default]
         (swap! state update :param-reads assoc (keyword (str key)) default)
         (long (get (:params @state) (str key) default)))
       (paramsVersion [_] (long (:version @state)))
       (position [_ _] (long (:position @state)))
       (orderState [_ ref] (get (:states @state) ref OrderState/NONE))
       (tradingState [_] (int (:trading @state)))
       (openOrders [_] (int (count (:states @state))))
       (enter [_ _ side quantity price tif] (enter side quantity price tif))
       (enter [_ _ side quantity price tif _] (enter side quantity price tif))
       (cancel [_ ref]
         (swap! state #(-> % (update :cancels conj ref) (assoc-in [:states ref] OrderState/CANCEL_PENDING)))
         (int EntryResult/OK))
       (currentSequence [_] 0)
       (scheduleTimer [_ deadline] (swap! state assoc :timer deadline)))
     state]))

(defn set-params!
  "Set slot parameters (keyword or string → long) on a fake context's state, bumping the version."
  [state params]
  (swap! state #(-> %
                    (update :params merge (into {} (map (fn [[k v]] [(name k) (long v)])) params))
                    (update :version inc))))

(defn update!
  "Hand `book` to the strategy as a book update of the fake context's instrument (it becomes the context's book)."
  [^Strategy strategy state ^BookView book]
  (swap! state assoc :book book)
  (.onBookUpdate strategy (int locate) book))

(defn finish-order!
  "The venue finished an order (cancelled, filled, rejected): its state becomes NONE and the strategy is told."
  [^Strategy strategy state ref ^OrderState from ^OrderState to]
  (swap! state update :states dissoc ref)
  (.onOrderUpdate strategy (long ref) from to))

(defn saved-state
  "The bytes `strategy` writes with saveState (at offset 16 of a larger buffer, to check offsets are honoured)."
  [^Strategy strategy]
  (let [buffer (UnsafeBuffer. (byte-array 4096))
        length (.saveState strategy buffer 16)
        out (byte-array length)]
    (.getBytes buffer 16 out)
    (vec out)))

(defn load-saved!
  "Load `saved` (from saved-state) into `strategy` with loadState, from offset 8 of a buffer; returns it."
  [^Strategy strategy saved]
  (let [buffer (UnsafeBuffer. (byte-array 4096))]
    (.putBytes buffer 8 (byte-array saved))
    (.loadState strategy buffer 8 (count saved))
    strategy))

(defn params-within-bounds?
  "Every parameter: long default, min and max, min <= default <= max, and a doc string."
  [params]
  (and (seq params)
       (every? (fn [[k {:keys [default min max doc]}]]
                 (and (keyword? k) (every? #(instance? Long %) [default min max])
                      (<= min default max) (string? doc) (not (str/blank? doc))))
               params)))

(defn declared-defaults
  "The :default of every declared parameter, keyword → long: what a strategy should pass to (.param ctx ...)."
  [params]
  (update-vals params :default))
