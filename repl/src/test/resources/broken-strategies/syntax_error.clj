(ns broken-strategies.syntax-error
  "Fails to load: a closing bracket with no opening one (line 12)."
  (:import (corezero.strategy Strategy StrategyContext)))

(def params {})

(deftype Broken [^:unsynchronized-mutable ^StrategyContext ctx]
  Strategy
  (onStart [_ context] (set! ctx context))
  (onStop [_] (set! ctx nil))
  (onBookUpdate [_ locate book]
    (.slot ctx))])

(defn create
  "A new instance."
  []
  (Broken. nil))
