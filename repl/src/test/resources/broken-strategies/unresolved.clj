(ns broken-strategies.unresolved
  "Fails to load: a symbol that names nothing (line 12)."
  (:import (corezero.strategy Strategy StrategyContext)))

(def params {})

(deftype Unresolved [^:unsynchronized-mutable ^StrategyContext ctx]
  Strategy
  (onStart [_ context] (set! ctx context))
  (onStop [_] (set! ctx nil))
  (onBookUpdate [_ locate book]
    (set! ctx no-such-context)))

(defn create
  "A new instance."
  []
  (Unresolved. nil))
