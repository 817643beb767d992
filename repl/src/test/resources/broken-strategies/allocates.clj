(ns broken-strategies.allocates
  "Compiles clean but allocates on every book update: a new array kept in a field."
  (:import (corezero.strategy Strategy StrategyContext)))

(def params {})

(deftype Allocates [^:unsynchronized-mutable ^StrategyContext ctx
                    ^:unsynchronized-mutable ^longs last-seen]
  Strategy
  (onStart [_ context] (set! ctx context))
  (onStop [_] (set! ctx nil))
  (onBookUpdate [_ locate book]
    (set! last-seen (long-array 2))))

(defn create
  "A new instance."
  []
  (Allocates. nil nil))
