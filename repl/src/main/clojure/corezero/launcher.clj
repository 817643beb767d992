(ns corezero.launcher
  "Entry point of `bin/corezero`: run CONFIG | demo | doctor [CONFIG] | connect [...]. Runs on the ops core
  (bin/corezero starts the JVM under taskset), starts the engine, then nREPL, prints how to connect, and
  waits until the engine is shut down from the REPL or the process is signalled."
  (:gen-class)
  (:require [clojure.string :as str]
            [corezero.config :as config]
            [corezero.connect :as connect]
            [corezero.doctor :as doctor]
            [corezero.engine :as engine]
            [corezero.ops]
            [corezero.proc :as proc]
            [corezero.server :as server]
            [corezero.strategies]
            [corezero.venue :as venue])
  (:import (corezero.core Engine)
           (java.lang.management ManagementFactory)))

(set! *warn-on-reflection* true)

(defn- err
  [& xs]
  (binding [*out* *err*]
    (println (apply str xs))
    (flush)))

(defn- jvm-cpus-allowed
  "CPUs the JVM process (its main thread) may run on, as the kernel lists them."
  []
  (proc/cpus-allowed "/proc/self"))

(defn- refer-ops-into-user!
  "Makes the ops and strategies vocabulary available unqualified in `user`, where nREPL sessions start."
  []
  (binding [*ns* (create-ns 'user)]
    (refer-clojure)
    (refer 'corezero.ops)
    (refer 'corezero.strategies)))

(defn connect-line
  "What the launcher prints once nREPL is ready."
  [{:keys [socket tcp]} ready-ms hot-core]
  (str "corezero: engine running, hot thread " Engine/HOT_ROLE_NAME " on cpu " hot-core
       "; nREPL ready " ready-ms " ms after JVM start\n"
       "corezero: connect with   bin/corezero connect"
       (when socket (str "      (nREPL socket " socket ")"))
       (when tcp (str "\ncorezero: editors         nrepl://" (:host tcp) ":" (:port tcp)
                      "   (.nrepl-port written: CIDER/Calva connect to it)"))))

(defn- trading-line
  "What the launcher prints about order entry and strategies."
  [{:keys [venue soupbintcp]} strategies]
  (str "corezero: trading        OUCH 5.0 over SoupBinTCP " (or soupbintcp "4.00") " to " venue
       (if (seq strategies)
         (str "; " (str/join ", " (for [{:keys [slot type symbol]} strategies]
                                   (str "slot " slot " " (name type) " " symbol)))
              "  ((orders) (positions) (risk) (kill!))")
         "; no strategy configured")))

(defn- await-stop!
  "Blocks until the engine reports that shutdown was applied, reporting hot-thread errors as they come."
  [^Engine e]
  (loop []
    (when-let [t (.takeLastHotError e)]
      (err "corezero: hot thread error (counted, engine continues): " t))
    (when-not (.isStopRequested e)
      (Thread/sleep 50)
      (recur))))

(defn launch!
  "Starts everything for config `source` (a path or \"demo\"), blocks until shutdown, returns the exit code.
  With `venue-sim?` the configuration's venue simulator is started first, as a child process."
  [source venue-sim?]
  (let [cfg (try
              (config/load-config source)
              (catch clojure.lang.ExceptionInfo ex
                (err "corezero: bad configuration: " (ex-message ex))
                nil))]
    (if-not cfg
      2
      (let [allowed (jvm-cpus-allowed)]
        (when (not= allowed (str (:ops-core cfg)))
          (err "corezero: warning: the JVM may run on cpus " allowed ", not only ops core " (:ops-core cfg)
               "; start it through bin/corezero (taskset) so JIT, GC and the REPL stay off the hot core"))
        (let [e (try
                  (engine/start! cfg)
                  (catch IllegalStateException ex
                    (err "corezero: engine did not start: " (.getMessage ex))
                    nil))]
          (if-not e
            1
            (let [repl (try
                         (server/start! cfg)
                         (catch clojure.lang.ExceptionInfo ex
                           (err "corezero: nREPL did not start: " (ex-message ex))
                           (engine/stop!)
                           nil))]
              (if-not repl
                1
                (let [sim (atom nil)
                      stop! (fn []
                              (server/stop! repl)
                              (engine/stop!)
                              (some-> @sim venue/stop!))]
                  (engine/assoc-repl! repl)
                  (refer-ops-into-user!)
                  (doseq [n (:notes repl)] (err "corezero: " n))
                  ;; What the engine could not do as configured (a native transport it fell back from), once.
                  (doseq [n (.startupNotes ^Engine e)] (err "corezero: " n))
                  (when (.hasFeed ^Engine e)
                    (err "corezero: feed " (.feedDescription ^Engine e)))
                  (err "corezero: kernel sentinel "
                       (if-let [why (.awaitArmed (.kernelSentinel ^Engine e) 1000)]
                         (str "off: " why " (hot-thread syscalls are not counted)")
                         "armed: the hot thread's syscalls, context switches and faults are counted (stat)"))
                  (.addShutdownHook (Runtime/getRuntime) (Thread. ^Runnable stop! "cz-shutdown"))
                  (println (connect-line repl (.getUptime (ManagementFactory/getRuntimeMXBean))
                                         (config/hot-core cfg)))
                  (when-let [oe (:order-entry cfg)]
                    (println (trading-line oe (:strategies cfg))))
                  (flush)
                  ;; After the connect line: its JVM start would otherwise compete for the ops core.
                  (when venue-sim?
                    (err "corezero: " (venue/describe (reset! sim (venue/start! cfg)))))
                  (await-stop! e)
                  ;; The REPL session that asked for the shutdown is still sending its reply: let it arrive.
                  (Thread/sleep 250)
                  (println "corezero: shutdown applied by the hot thread; stopping")
                  (flush)
                  (stop!)
                  0)))))))))

(defn- doctor
  "Prints the host's readiness for the configuration `source`; exit code 0 unless the config is bad."
  [source]
  (try
    (doctor/doctor! (config/load-config source))
    0
    (catch clojure.lang.ExceptionInfo ex
      (err "corezero: bad configuration: " (ex-message ex))
      2)))

(defn- usage
  []
  (err "usage: bin/corezero demo [--transport udp|xdp] | run CONFIG | doctor [CONFIG] | connect [--socket PATH | --port N] [-e CODE]")
  2)

(defn -main
  "bin/corezero's JVM entry point."
  [& args]
  (let [[cmd & more] args
        code (case cmd
               "run" (if (= 1 (count more)) (launch! (first more) false) (usage))
               "demo" (launch! (or (first more) "demo") true)
               "doctor" (doctor (or (first more) "demo"))
               "connect" (connect/main more)
               (usage))]
    (shutdown-agents)
    (System/exit (if (int? code) code 0))))
