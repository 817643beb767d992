(ns corezero.venue
  "Starts the venue simulator as a child process of the launcher for the demo: it inherits the launcher's
  affinity (the ops core) and its output, and is stopped with the engine."
  (:require [clojure.java.io :as io]
            [clojure.string :as str]
            [corezero.config :as config])
  (:import (java.io File)
           (java.lang ProcessBuilder$Redirect ProcessHandle)
           (java.util.concurrent TimeUnit)))

(set! *warn-on-reflection* true)

(defn command
  "The command line that starts venue-sim for the :venue-sim part of a configuration. With :ouch it runs as an
  exchange: an OUCH 5.0 over SoupBinTCP port, matching, and the feed built from what the matching engine does.
  With :netns it runs inside that network namespace (`ip netns exec`), as in the AF_XDP demo."
  [{:keys [netns feed rerequest-port session rate itch drop-every ouch ouch-user ouch-password ouch-session flow-rate
           seed state-dir ouch-latency-us reject-every]} ^File home java]
  (let [dir (io/file home "venue-sim" "target")
        opt (fn [flag v] (when (some? v) [flag (str v)]))]
    (-> (if netns ["ip" "netns" "exec" netns] [])
        (into [java "--add-exports" "java.base/jdk.internal.misc=ALL-UNNAMED"
               "-cp" (str (io/file dir "corezero-venue-sim.jar") File/pathSeparator (io/file dir "lib") "/*")
               "corezero.venue.VenueSimMain"
               "--itch" (str (config/resolve-path itch))
               "--feed" feed
               "--rerequest-port" (str rerequest-port)
               "--session" session
               "--rate" (str rate)])
        (into (opt "--drop-every" drop-every))
        (into (opt "--ouch" ouch))
        (into (opt "--ouch-user" ouch-user))
        (into (opt "--ouch-password" ouch-password))
        (into (opt "--ouch-session" ouch-session))
        (into (opt "--flow-rate" flow-rate))
        (into (opt "--seed" seed))
        (into (opt "--state-dir" (some-> state-dir config/resolve-path)))
        (into (opt "--ouch-latency-us" ouch-latency-us))
        (into (opt "--reject-every" reject-every)))))

(defn start!
  "Starts venue-sim for configuration `cfg`. Returns {:process p} or {:skipped reason}."
  [cfg]
  (let [vs (:venue-sim cfg)
        jar (io/file (config/home) "venue-sim" "target" "corezero-venue-sim.jar")
        itch (some-> (:itch vs) config/resolve-path .toFile)]
    (cond
      (nil? vs) {:skipped "no :venue-sim in the configuration"}
      (not (.isFile jar)) {:skipped (str "venue-sim is not built (" jar " missing; make build)")}
      (not (and itch (.isFile itch))) {:skipped (str "no ITCH capture at " itch)}
      :else
      (let [java (or (.orElse (.command (.info (ProcessHandle/current))) nil) "java")
            ;; A demo is a new trading day: the venue's journal of the last one is cleared. A venue-sim restarted
            ;; by hand while the demo runs (same command line) reloads it and the session resumes.
            _ (when-let [dir (some-> (:state-dir vs) config/resolve-path .toFile)]
                (doseq [^File f (reverse (file-seq dir))] (.delete f)))
            pb (doto (ProcessBuilder. ^java.util.List (command vs (config/home) java))
                 (.redirectOutput ProcessBuilder$Redirect/INHERIT)
                 (.redirectError ProcessBuilder$Redirect/INHERIT))]
        {:process (.start pb)}))))

(defn stop!
  "Stops a venue-sim started by `start!` (SIGTERM, then SIGKILL after 5 s). Idempotent."
  [{:keys [^Process process]}]
  (when (and process (.isAlive process))
    (.destroy process)
    (when-not (.waitFor process 5 TimeUnit/SECONDS)
      (.destroyForcibly process)))
  nil)

(defn describe
  "One line saying what happened to venue-sim."
  [{:keys [skipped ^Process process]}]
  (if process
    (str "venue-sim running as pid " (.pid process))
    (str "venue-sim not started: " skipped)))
