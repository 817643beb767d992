(ns broken-strategies.good
  "A well-behaved test strategy: counts book updates, reads its parameters only when they changed, carries
  its count to the next version, allocates nothing per event."
  (:import (corezero.strategy Strategy StrategyContext)))

(set! *warn-on-reflection* true)

(def params
  {:size {:default 10 :min 1 :max 1000 :doc "shares per order (read, never sent)"}
   :edge-ticks {:default 0 :min 0 :max 50 :doc "ticks behind the touch"}})

(deftype Good [^:unsynchronized-mutable ^StrategyContext ctx
               ^:unsynchronized-mutable ^long updates
               ^:unsynchronized-mutable ^long params-version
               ^:unsynchronized-mutable ^long size]
  Strategy
  (onStart [_ context] (set! ctx context))
  (onStop [_] (set! ctx nil))
  (saveState [_ buffer offset] (.putLong buffer offset updates) 8)
  (loadState [_ buffer offset length]
    (when (== 8 length)
      (set! updates (.getLong buffer offset))))
  (onBookUpdate [_ locate book]
    (let [v (.paramsVersion ctx)]
      (when-not (== v params-version)
        (set! params-version v)
        (set! size (.param ctx "size" 10))))
    (set! updates (inc updates))
    ;; A void method ending in (set! prim-field ...) would box the value it returns: end with nil.
    nil))

(defn create
  "A new instance."
  []
  (Good. nil 0 Long/MIN_VALUE 10))
