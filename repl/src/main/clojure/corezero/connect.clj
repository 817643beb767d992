(ns corezero.connect
  "`bin/corezero connect`: an interactive REPL into the running engine over its nREPL socket (or TCP port),
  using nREPL's own client. Reads whole forms from stdin, prints output and values; `-e CODE` evaluates once
  and exits (non-zero if the code threw)."
  (:require [clojure.string :as str]
            [corezero.config :as config]
            [nrepl.core :as nrepl])
  (:import (java.io Closeable)))

(set! *warn-on-reflection* true)

(defn parse-args
  "Parses connect's arguments into {:socket :port :host :eval} or {:error msg}."
  [args]
  (loop [opts {} [a b & more :as args] args]
    (cond
      (empty? args) opts
      (= a "--socket") (if b (recur (assoc opts :socket b) more) {:error "--socket needs a path"})
      (= a "--port") (if-let [p (some-> b parse-long)]
                       (recur (assoc opts :port p) more)
                       {:error (str "--port needs a number, got " (pr-str b))})
      (= a "--host") (if b (recur (assoc opts :host b) more) {:error "--host needs a name"})
      (= a "--config") (if b (recur (assoc opts :config b) more) {:error "--config needs a path"})
      (= a "-e") (if b (recur (assoc opts :eval b) more) {:error "-e needs code"})
      :else {:error (str "unexpected argument " (pr-str a))})))

(defn default-socket
  "The socket path of the configuration (default: the demo's)."
  [source]
  (let [cfg (config/load-config (or source "demo"))]
    (when-let [s (get-in cfg [:repl :socket])]
      (str (.resolve (config/run-dir cfg) ^String s)))))

(defn- print-response!
  "Prints one response's out, err and value; returns true when it reports an error."
  [{:keys [out err value ex status]}]
  (when out (print out) (flush))
  (when err (binding [*out* *err*] (print err) (flush)))
  (when value (println value))
  (boolean (or (some? ex) (some #{"eval-error"} status))))

(defn- eval-once
  "Evaluates `code` and prints what comes back. Returns :ok, :error (the code threw) or :lost (the engine
  went away before answering; after (shutdown!) that is expected once the value has arrived)."
  [client session code]
  (let [valued? (volatile! false)
        errored? (volatile! false)]
    (try
      (doseq [r (nrepl/message client {:op "eval" :code code :session session})]
        (when (:value r) (vreset! valued? true))
        (when (print-response! r) (vreset! errored? true)))
      (if @errored? :error :ok)
      (catch Exception ex
        (if (and @valued? (not @errored?))
          :ok
          (do (binding [*out* *err*]
                (println "corezero connect: connection to the engine lost (" (.getMessage ex) ")"))
              :lost))))))

(defn- repl-loop
  [client session]
  (println "corezero: connected; (help) lists the vocabulary, Ctrl-D leaves (the engine keeps running)")
  (loop []
    (print "corezero=> ")
    (flush)
    (let [[form text] (try
                        (read+string {:eof ::eof :read-cond :allow} *in*)
                        (catch Exception e
                          (binding [*out* *err*] (println "read error:" (.getMessage e)))
                          [::error nil]))]
      (cond
        (= ::eof form) (println)
        (= ::error form) (recur)
        :else (if (= :lost (eval-once client session (str/trim text)))
                :lost
                (recur))))))

(defn main
  "Runs connect with command-line `args`; returns the exit code."
  [args]
  (let [{:keys [error socket port host config eval]} (parse-args args)]
    (if error
      (do (binding [*out* *err*]
            (println "corezero connect:" error)
            (println "usage: bin/corezero connect [--socket PATH | --port N [--host H] | --config CONFIG] [-e CODE]"))
          2)
      (let [socket (or socket (when-not port (default-socket config)))]
        (try
          (with-open [^Closeable conn (if port
                                        (nrepl/connect :host (or host "127.0.0.1") :port port)
                                        (nrepl/connect :socket socket))]
            (let [client (nrepl/client conn 60000)
                  session (nrepl/new-session client)]
              (try
                (if eval
                  (if (= :ok (eval-once client session eval)) 0 1)
                  (if (= :lost (repl-loop client session)) 1 0))
                (finally
                  ;; After (shutdown!) the engine is gone: closing the session is then moot.
                  (try
                    (dorun (nrepl/message client {:op "close" :session session}))
                    (catch Exception _ nil))))))
          (catch java.io.IOException ex
            (binding [*out* *err*]
              (println "corezero connect: cannot reach the engine at"
                       (if port (str (or host "127.0.0.1") ":" port) socket)
                       (str "(" (.getMessage ex) "); is it running? start it with make demo")))
            1))))))
