(ns corezero.it-support
  "Helpers for the integration tests: start the packaged engine through bin/corezero with a throw-away
  configuration, wait for its connect line, talk to it with nREPL's own client, and stop it (by its PID)."
  (:require [clojure.java.io :as io]
            [clojure.string :as str]
            [corezero.proc :as proc]
            [nrepl.core :as nrepl])
  (:import (java.io BufferedReader File)
           (java.nio.file Files)
           (java.util.concurrent LinkedBlockingQueue TimeUnit)))

(set! *warn-on-reflection* true)

(defn project-dir
  "The project root (surefire/failsafe pass corezero.project.dir)."
  ^File []
  (io/file (or (System/getProperty "corezero.project.dir") "..")))

(defn shared-dir
  "The shared folder beside the project."
  ^File []
  (io/file (or (System/getProperty "corezero.shared.dir") (io/file (project-dir) ".." "shared"))))

(defn bin
  "Path of bin/corezero."
  ^String []
  (str (io/file (project-dir) "bin" "corezero")))

(defn temp-dir
  "A fresh temporary directory."
  ^File [prefix]
  (.toFile (Files/createTempDirectory prefix (make-array java.nio.file.attribute.FileAttribute 0))))

(defn hot-core
  "The last online CPU: where the engine's hot thread goes in tests."
  []
  (let [online (str/trim (proc/read-file "/sys/devices/system/cpu/online"))]
    (parse-long (last (str/split online #"[-,]")))))

(defn write-config!
  "Writes an EDN config into `dir` with run directory `dir/run` and the given overrides; returns its path."
  [^File dir overrides]
  (let [cfg (merge {:ops-core 0
                    :hot-cores [(hot-core)]
                    :run-dir (str (io/file dir "run"))
                    :repl {:socket "nrepl.sock" :tcp {:host "127.0.0.1" :port 0} :allow-non-loopback false
                           :port-file nil}
                    :ops {:command-timeout-ms 2000}}
                   overrides)
        f (io/file dir "engine.edn")]
    (spit f (pr-str cfg))
    (str f)))

(defn- pump!
  "Copies a stream's lines into a queue and a transcript atom on a daemon thread."
  [stream ^LinkedBlockingQueue q transcript]
  (doto (Thread. ^Runnable (fn []
                             (with-open [^BufferedReader r (io/reader stream)]
                               (loop []
                                 (when-let [line (.readLine r)]
                                   (swap! transcript conj line)
                                   (.put q line)
                                   (recur))))))
    (.setDaemon true)
    (.start)))

(defn start-process
  "Starts `args` (a vector of strings) in the project dir; returns {:process :lines queue :out atom :err atom}."
  [args]
  (let [pb (doto (ProcessBuilder. ^java.util.List args)
             (.directory (project-dir)))
        p (.start pb)
        q (LinkedBlockingQueue.)
        out (atom [])
        err (atom [])]
    {:process p :lines q :out out :err err
     :pumps [(pump! (.getInputStream p) q out) (pump! (.getErrorStream p) (LinkedBlockingQueue.) err)]}))

(defn await-line
  "Waits up to `timeout-ms` for a stdout line matching `re`; returns the match or throws with the transcript."
  [{:keys [^LinkedBlockingQueue lines out err]} re timeout-ms]
  (let [deadline (+ (System/currentTimeMillis) timeout-ms)]
    (loop []
      (let [left (- deadline (System/currentTimeMillis))
            line (when (pos? left) (.poll lines left TimeUnit/MILLISECONDS))]
        (cond
          (nil? line) (throw (ex-info (str "no line matching " re " within " timeout-ms " ms")
                                      {:out @out :err @err}))
          (re-find re line) (re-find re line)
          :else (recur))))))

(defn start-engine!
  "Starts bin/corezero run on a fresh config; waits for the connect line. Returns the process map plus
  :pid :socket :port :run-dir :config :ready-ms."
  ([] (start-engine! {}))
  ([overrides]
   (let [dir (temp-dir "corezero-it")
         config (write-config! dir overrides)
         proc (start-process [(bin) "run" config])
         [_ ready-ms] (await-line proc #"nREPL ready (\d+) ms after JVM start" 30000)
         run-dir (io/file dir "run")
         port-file (io/file run-dir ".nrepl-port")]
     (assoc proc
            :dir dir
            :config config
            :run-dir run-dir
            :pid (.pid ^Process (:process proc))
            :ready-ms (parse-long ready-ms)
            :socket (str (io/file run-dir "nrepl.sock"))
            :port (when (.exists port-file) (parse-long (str/trim (slurp port-file))))))))

(defn stop-engine!
  "Stops an engine started by `start-engine!`: SIGTERM to its PID, then SIGKILL after 10 s. Returns exit code."
  [{:keys [^Process process]}]
  (when (.isAlive process)
    (.destroy process)
    (when-not (.waitFor process 10 TimeUnit/SECONDS)
      (.destroyForcibly process)
      (.waitFor process 10 TimeUnit/SECONDS)))
  (.exitValue process))

(defmacro with-engine
  "Runs body with `sym` bound to a started engine, stopping it afterwards whatever happens."
  [[sym overrides] & body]
  `(let [~sym (start-engine! ~(or overrides {}))]
     (try
       ~@body
       (finally
         (stop-engine! ~sym)))))

(defn eval-over
  "Evaluates `code` on an open nREPL `client`; returns the combined response {:value [..] :out :err ...}."
  [client code & {:keys [session]}]
  (nrepl/combine-responses (nrepl/message client (cond-> {:op "eval" :code code}
                                                   session (assoc :session session)))))

(defn eval-1
  "Evaluates `code` over a fresh connection to the socket; returns the last value read as EDN-ish string."
  [socket code]
  (with-open [^java.io.Closeable conn (nrepl/connect :socket socket)]
    (let [r (eval-over (nrepl/client conn 10000) code)]
      (when-let [e (:err r)] (throw (ex-info (str "eval failed: " e) {:code code :response r})))
      (last (:value r)))))

(defn read-value
  "Evaluates `code` over the socket and reads the printed value back."
  [socket code]
  (read-string (eval-1 socket code)))

(defn await-value
  "Calls `f` until `(ok? value)` or `timeout-ms`; returns the last value."
  [f ok? timeout-ms]
  (let [deadline (+ (System/currentTimeMillis) timeout-ms)]
    (loop []
      (let [v (f)]
        (if (or (ok? v) (> (System/currentTimeMillis) deadline))
          v
          (do (Thread/sleep 250) (recur)))))))

(defn proc-threads
  "{:name :cpus} of every thread of process `pid`, from /proc."
  [pid]
  (vec (for [^File task (.listFiles (io/file "/proc" (str pid) "task"))
             :let [comm (some-> (proc/read-file (io/file task "comm")) str/trim)
                   cpus (proc/cpus-allowed task)]
             :when (and comm cpus)]
         {:name comm :cpus cpus})))

(defn run-bin-with-input
  "Runs bin/corezero with `args`, writing `input` to its stdin then closing it; waits (max 60 s) and returns
  {:exit :out :err}."
  [input & args]
  (let [{:keys [^Process process out err pumps]} (start-process (into [(bin)] args))]
    (with-open [w (io/writer (.getOutputStream process))]
      (.write w ^String input))
    (when-not (.waitFor process 60 TimeUnit/SECONDS)
      (.destroyForcibly process)
      (throw (ex-info "bin/corezero did not finish in 60 s" {:args args})))
    (doseq [^Thread t pumps] (.join t 5000))
    {:exit (.exitValue process) :out (str/join "\n" @out) :err (str/join "\n" @err)}))

(defn run-bin
  "Runs bin/corezero with `args` to completion (max 60 s), stdin closed; returns {:exit :out :err}."
  [& args]
  (apply run-bin-with-input "" args))
