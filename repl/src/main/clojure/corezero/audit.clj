(ns corezero.audit
  "The eval audit log: one EDN map per line (time, session, op, namespace, code) for every eval and load-file
  that reaches the embedded nREPL. Written by the nREPL threads, which all live on core 0."
  (:require [clojure.java.io :as io]
            [nrepl.middleware :as middleware])
  (:import (java.io Writer)
           (java.time Instant)))

(set! *warn-on-reflection* true)

(defonce ^:private log-writer (atom nil))

(defn open!
  "Starts appending audit entries to `file`. Replaces any previous log."
  [file]
  (let [w (io/writer (io/file file) :append true)]
    (when-let [^Writer old (first (reset-vals! log-writer w))]
      (.close old))
    file))

(defn close!
  "Stops auditing and closes the log. Idempotent."
  []
  (when-let [^Writer w (first (reset-vals! log-writer nil))]
    (.close w)))

(defn session-id
  "The session id of an nREPL message, whether the session middleware has already replaced it by the session
  itself or not."
  [msg]
  (let [s (:session msg)]
    (cond
      (string? s) s
      (some? s) (-> s meta :id)
      :else nil)))

(defn entry
  "The audit entry for a message, or nil when the op is not audited."
  [msg ^Instant now]
  (case (:op msg)
    "eval" {:time (str now) :session (session-id msg) :op "eval" :ns (:ns msg) :code (:code msg)}
    "load-file" {:time (str now) :session (session-id msg) :op "load-file"
                 :file (:file-path msg) :code (:file msg)}
    nil))

(defn record!
  "Appends one entry, flushed at once so a crash loses nothing already evaluated."
  [e]
  (when-let [^Writer w @log-writer]
    (locking w
      (.write w (str (pr-str e) "\n"))
      (.flush w))))

(defn wrap-audit
  "nREPL middleware: records eval and load-file requests before they run."
  [handler]
  (fn [msg]
    (when-let [e (entry msg (Instant/now))]
      (record! e))
    (handler msg)))

(middleware/set-descriptor! #'wrap-audit
                            {:requires #{"session"}
                             :expects #{"eval" "load-file"}
                             :handles {}})
