(ns corezero.server
  "The embedded nREPL server on core 0: a Unix-domain socket in the 0700 run directory (socket file 0600) by
  default, optionally TCP. Adds what nREPL 1.0 leaves out: a stale socket from a killed run is removed, a
  live one refuses the start; sessions whose client has gone are closed; every eval is audited."
  (:require [clojure.java.io :as io]
            [corezero.audit :as audit]
            [corezero.config :as config]
            [nrepl.server :as nrepl]
            [nrepl.transport :as transport])
  (:import (java.io Closeable File IOException)
           (java.net SocketException StandardProtocolFamily UnixDomainSocketAddress)
           (java.nio.channels SocketChannel)
           (java.util.concurrent Callable ExecutionException Executors ExecutorService Future ThreadFactory)
           (java.nio.file Files LinkOption Path)
           (java.nio.file.attribute PosixFilePermissions)))

(set! *warn-on-reflection* true)

(defonce ^{:doc "Number of sessions closed because their connection went away."}
  reaped-sessions
  (atom 0))

(def ^:private no-reply-transport
  (reify transport/Transport
    (recv [_] nil)
    (recv [_ _] nil)
    (send [this _] this)))

(defn- disconnected
  "nREPL 1.0's bencode transport, reading a Unix-domain SocketChannel whose client has gone, fails with a
  ClassCastException (it takes the channel for a java.net.Socket) or a bare IOException, which the server then
  logs as an error. Both mean the client went away: say so with the SocketException the server expects."
  [^Throwable t]
  (if (or (instance? ClassCastException t)
          (and (instance? IOException t) (not (instance? SocketException t))))
    (SocketException. (str "nREPL client disconnected (" (.getName (class t)) ")"))
    t))

(defn- writer-thread
  "A single daemon thread that performs one connection's writes."
  ^ExecutorService []
  (Executors/newSingleThreadExecutor
   (reify ThreadFactory
     (newThread [_ r]
       (doto (Thread. r "nREPL-writer")
         (.setDaemon true))))))

(defn- send-uninterruptibly
  "Sends `msg` on `writer`'s thread and waits for it. A Unix-domain SocketChannel is an interruptible channel:
  a write from a thread that nREPL interrupts (the `interrupt` op, closing a session) would close the whole
  connection. The writer thread is never interrupted; the caller's interrupt is kept for after the write."
  [^ExecutorService writer inner msg]
  (let [^Future f (.submit writer ^Callable (fn [] (transport/send inner msg) nil))]
    (loop [interrupted? false]
      (let [outcome (try
                      (.get f)
                      :sent
                      (catch InterruptedException _ :interrupted)
                      (catch ExecutionException e (throw (.getCause e))))]
        (if (= :interrupted outcome)
          (recur true)
          (when interrupted? (.interrupt (Thread/currentThread))))))))

(defn- guarded-transport
  "Wraps a connection's transport:
  - closing it (the client went away, or the server stops) also closes the sessions cloned over it; nREPL 1.0
    keeps such sessions, and their threads, forever;
  - a disconnect is reported as the SocketException the server expects (see `disconnected`);
  - on a Unix socket, writes go through one writer thread (see `send-uninterruptibly`)."
  [inner handler unix?]
  (let [sessions (atom #{})
        writer (when unix? (writer-thread))]
    (reify
      transport/Transport
      (recv [_]
        (try (transport/recv inner) (catch Throwable t (throw (disconnected t)))))
      (recv [_ timeout]
        (try (transport/recv inner timeout) (catch Throwable t (throw (disconnected t)))))
      (send [this msg]
        (when-let [id (:new-session msg)]
          (swap! sessions conj id))
        (if writer
          (send-uninterruptibly writer inner msg)
          (transport/send inner msg))
        this)
      Closeable
      (close [_]
        (doseq [id (first (reset-vals! sessions #{}))]
          (handler {:op "close" :session id :transport no-reply-transport})
          (swap! reaped-sessions inc))
        (some-> writer .shutdown)
        (.close ^Closeable inner)))))

(defn socket-live?
  "True when something accepts connections on the Unix socket at `path`."
  [^Path path]
  (try
    (with-open [ch (SocketChannel/open StandardProtocolFamily/UNIX)]
      (.connect ch (UnixDomainSocketAddress/of path))
      true)
    (catch IOException _ false)))

(defn clear-stale-socket!
  "Removes a socket file left by a run that was killed. Throws when another engine is answering on it.
  Returns :removed, :absent."
  [^Path path]
  (cond
    (not (Files/exists path (make-array LinkOption 0))) :absent
    (socket-live? path) (throw (ex-info (str "another engine is listening on " path
                                             "; stop it first or use another :run-dir")
                                        {::error :socket-in-use :socket (str path)}))
    :else (do (Files/delete path) :removed)))

(defn- chmod!
  [^Path path ^String perms]
  (Files/setPosixFilePermissions path (PosixFilePermissions/fromString perms)))

(defn- write-port-file!
  [^File f port]
  (spit f (str port))
  f)

(defn start!
  "Starts nREPL for a validated configuration `cfg` whose run directory exists. Returns a map of what was
  started: {:socket path-or-nil :tcp {:host :port}-or-nil :servers [...] :port-files [...] :notes [...]}"
  [cfg]
  (let [{:keys [socket tcp allow-non-loopback port-file]} (:repl cfg)
        run-dir (config/run-dir cfg)
        notes (transient [])
        handler (nrepl/default-handler #'audit/wrap-audit)
        transport-fn (fn [sock] (guarded-transport (transport/bencode sock) handler (instance? SocketChannel sock)))
        _ (audit/open! (.toFile (.resolve run-dir "audit.log")))
        socket-path (when socket (.resolve run-dir ^String socket))
        unix-server (when socket-path
                      (when (= :removed (clear-stale-socket! socket-path))
                        (conj! notes (str "removed stale socket " socket-path " left by an earlier run")))
                      (let [s (nrepl/start-server :socket (str socket-path)
                                                  :handler handler :transport-fn transport-fn)]
                        (chmod! socket-path "rw-------")
                        s))
        tcp-server (when tcp
                     (when-not (config/loopback-host? (:host tcp))
                       (conj! notes (str "WARNING: nREPL listens on " (:host tcp)
                                         " (not loopback, allowed by :allow-non-loopback " allow-non-loopback
                                         "): anyone who reaches it can run code in the engine")))
                     (nrepl/start-server :bind (:host tcp) :port (:port tcp)
                                         :handler handler :transport-fn transport-fn))
        port (:port tcp-server)
        port-files (when port
                     (cond-> [(write-port-file! (.toFile (.resolve run-dir ".nrepl-port")) port)]
                       port-file (conj (write-port-file! (.toFile (config/resolve-path port-file)) port))))]
    {:socket (some-> socket-path str)
     :tcp (when port {:host (:host tcp) :port port})
     :servers (filterv some? [unix-server tcp-server])
     :port-files (vec port-files)
     :notes (persistent! notes)}))

(defn stop!
  "Stops the servers started by `start!`, removes the port files that still name our port and the socket file.
  Idempotent."
  [{:keys [servers port-files tcp socket]}]
  (doseq [s servers]
    (try (nrepl/stop-server s) (catch Exception _ nil)))
  (doseq [^File f port-files]
    (when (and (.exists f) (= (str (:port tcp)) (slurp f)))
      (.delete f)))
  (when socket
    (Files/deleteIfExists (.toPath (io/file socket))))
  (audit/close!)
  nil)
