(ns corezero.engine
  "The running system inside this JVM: the Java engine, its configuration and the REPL endpoints. One per
  process; `start!` and `stop!` are its lifecycle, and `stop!` is idempotent."
  (:require [corezero.config :as config])
  (:import (corezero.core Engine)
           (org.agrona.concurrent SystemEpochClock SystemNanoClock)))

(set! *warn-on-reflection* true)

(defonce ^{:doc "The running system map, or nil: {:engine :config :repl :started-ms}."}
  system
  (atom nil))

(defn current
  "The running system; throws a clear error when no engine runs in this process."
  []
  (or @system
      (throw (ex-info "no engine is running in this JVM (start one with bin/corezero run CONFIG)"
                      {::error :not-running}))))

(defn ^Engine engine
  "The running Java engine."
  []
  (:engine (current)))

(defn start!
  "Launches the engine for a validated configuration and records it as the running system."
  [cfg]
  (when @system
    (throw (ex-info "an engine is already running in this JVM" {::error :already-running})))
  (let [e (Engine/launch (config/->engine-config cfg) (SystemNanoClock.) SystemEpochClock/INSTANCE)]
    (reset! system {:engine e :config cfg :started-ms (System/currentTimeMillis)})
    e))

(defn assoc-repl!
  "Records the REPL endpoints of the running system."
  [repl]
  (swap! system assoc :repl repl))

(defn stop!
  "Closes the engine (joins the hot thread). Idempotent; returns nil."
  []
  (when-let [{:keys [^Engine engine]} (first (reset-vals! system nil))]
    (.close engine))
  nil)
