(ns broken-strategies.throws-after
  "Compiles clean, throws on the Nth book update (parameter :n)."
  (:import (corezero.strategy Strategy StrategyContext)))

(def params {:n {:default 500 :min 1 :max 1000000 :doc "the book update that throws"}})

(deftype ThrowsAfter [^:unsynchronized-mutable ^StrategyContext ctx
                      ^:unsynchronized-mutable ^long updates]
  Strategy
  (onStart [_ context] (set! ctx context))
  (onStop [_] (set! ctx nil))
  (onBookUpdate [_ locate book]
    (set! updates (inc updates))
    (when (== updates (.param ctx "n" 500))
      (throw (IllegalStateException. "broken on purpose at book update N")))))

(defn create
  "A new instance."
  []
  (ThrowsAfter. nil 0))
