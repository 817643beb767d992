(ns broken-strategies.slow
  "Compiles clean, allocates nothing, but spins for about 1 ms on every 1000th book update."
  (:import (corezero.strategy Strategy StrategyContext)))

(def params {})

(deftype Slow [^:unsynchronized-mutable ^StrategyContext ctx
               ^:unsynchronized-mutable ^long updates]
  Strategy
  (onStart [_ context] (set! ctx context))
  (onStop [_] (set! ctx nil))
  (onBookUpdate [_ locate book]
    (set! updates (inc updates))
    (when (zero? (rem updates 1000))
      (let [until (+ (System/nanoTime) 1000000)]
        (while (< (System/nanoTime) until))))))

(defn create
  "A new instance."
  []
  (Slow. nil 0))
