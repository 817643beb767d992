(ns broken-strategies.reflection
  "Fails to load: one call the compiler can only make by reflection (line 22)."
  (:import (corezero.strategy Strategy StrategyContext)))

(def params {})

(deftype Reflective [^:unsynchronized-mutable ^StrategyContext ctx
                     ^:unsynchronized-mutable ^long updates]
  Strategy
  (onStart [_ context] (set! ctx context))
  (onStop [_] (set! ctx nil))
  (onBookUpdate [_ locate book]
    (set! updates (inc updates))))

(defn create
  "A new instance."
  []
  (Reflective. nil 0))

(defn describe
  [s]
  (.toUpperCase s))
