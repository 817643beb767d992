(ns corezero.proc
  "Reading Linux /proc and /sys files from the JVM. Neither `slurp` nor Files/readAllBytes is safe there:
  `slurp` asks for available(), which some /proc files refuse with EINVAL, and readAllBytes trusts the file
  size (0 in /proc) and reads one byte first, after which a /proc/sys integer file reports end of file. So:
  one large read() loop."
  (:require [clojure.string :as str])
  (:import (java.io ByteArrayOutputStream FileInputStream IOException)
           (java.nio.charset StandardCharsets)))

(set! *warn-on-reflection* true)

(defn read-file
  "Whole contents of a /proc or /sys file as a string, or nil when it cannot be read (a thread may exit while
  we look, a feature may be absent)."
  [path]
  (try
    (with-open [in (FileInputStream. (str path))]
      (let [out (ByteArrayOutputStream.)
            buf (byte-array 65536)]
        (loop []
          (let [n (.read in buf)]
            (when (pos? n)
              (.write out buf 0 n)
              (recur))))
        (String. (.toByteArray out) StandardCharsets/UTF_8)))
    (catch IOException _ nil)))

(defn status-field
  "The value after `Name:` in the text of a /proc/<pid>/status file, or nil."
  [status-text field]
  (some (fn [line]
          (when (str/starts-with? line (str field ":"))
            (str/trim (subs line (inc (count field))))))
        (some-> status-text str/split-lines)))

(defn cpus-allowed
  "Cpus_allowed_list of a task directory such as \"/proc/self\" or \"/proc/self/task/123\", or nil."
  [task-dir]
  (status-field (read-file (str task-dir "/status")) "Cpus_allowed_list"))
