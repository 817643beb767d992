(ns corezero.engine-process-it
  "The packaged engine started through bin/corezero, steered over its nREPL socket and TCP port with nREPL's
  own client, checked from outside through /proc, the counters file and bin/corezero stat/connect."
  (:require [clojure.java.io :as io]
            [clojure.string :as str]
            [clojure.test :refer [deftest is testing]]
            [corezero.it-support :as it]
            [nrepl.core :as nrepl])
  (:import (java.nio.file Files LinkOption)
           (java.nio.file.attribute PosixFilePermissions)
           (java.util.concurrent TimeUnit)))

(defn- perms
  [f]
  (PosixFilePermissions/toString (Files/getPosixFilePermissions (.toPath (io/file f))
                                                                (make-array LinkOption 0))))

(deftest ^:integration engine-steered-over-socket-and-tcp
  (it/with-engine [e {}]
    (let [socket (:socket e)]
      (testing "the connect line came and nREPL answers on the Unix socket"
        (is (pos? (:ready-ms e)))
        (is (str/includes? (it/eval-1 socket "(status)") "cz-hot-1")))

      (testing "run directory 0700, socket 0600"
        (is (= "rwx------" (perms (:run-dir e))))
        (is (= "rw-------" (perms socket))))

      (testing "the hot thread is alone on its core, every other JVM thread on core 0"
        (let [threads (it/proc-threads (:pid e))
              hot (filter #(= "cz-hot-1" (:name %)) threads)]
          (is (= 1 (count hot)))
          (is (= (str (it/hot-core)) (:cpus (first hot))))
          (is (< 5 (count threads)))
          (is (every? #(= "0" (:cpus %)) (remove #(= "cz-hot-1" (:name %)) threads))
              (pr-str (remove #(= "0" (:cpus %)) threads)))
          (is (= (it/hot-core) (it/read-value socket "(:hot-core (status))")))))

      (testing "duty cycles rise; pause freezes active cycles; resume restarts them"
        (let [d1 (it/read-value socket "(:duty-cycles (status))")
              _ (Thread/sleep 100)
              d2 (it/read-value socket "(:duty-cycles (status))")]
          (is (< d1 d2)))
        (let [paused (it/read-value socket "(into {} (pause!))")]
          (is (= :applied (:status paused)))
          (is (= :paused (:state paused)))
          (is (pos? (:input-sequence paused))))
        (let [a1 (it/read-value socket "(:active-cycles (status))")
              d1 (it/read-value socket "(:duty-cycles (status))")
              _ (Thread/sleep 100)
              a2 (it/read-value socket "(:active-cycles (status))")
              d2 (it/read-value socket "(:duty-cycles (status))")]
          (is (= a1 a2) "active cycles frozen while paused")
          (is (< d1 d2) "duty cycles still rising while paused"))
        (is (= :running (:state (it/read-value socket "(into {} (resume!))"))))
        (let [a1 (it/read-value socket "(:active-cycles (status))")
              _ (Thread/sleep 100)
              a2 (it/read-value socket "(:active-cycles (status))")]
          (is (< a1 a2))))

      (testing "the same engine over TCP on 127.0.0.1, port from .nrepl-port"
        (is (pos-int? (:port e)))
        (with-open [conn (nrepl/connect :host "127.0.0.1" :port (:port e))]
          (let [client (nrepl/client conn 10000)]
            (is (= [":running"] (:value (it/eval-over client "(:state (status))"))))
            (is (= ["{:command :set-param, :status :applied, :slot 2, :key :qty, :value 100}"]
                   (:value (it/eval-over client
                                         "(select-keys (set-param! 2 :qty 100) [:command :status :slot :key :value])"))))
            (is (= [{:slot 2 :key :qty :value 100}]
                   (read-string (first (:value (it/eval-over client "(:params (snapshot))")))))))))

      (testing "bad REPL commands get clear errors and the session and the engine carry on"
        (with-open [conn (nrepl/connect :socket socket)]
          (let [client (nrepl/client conn 10000)
                session (nrepl/new-session client)
                rejected (it/eval-over client "(set-param! 99 :k 1)" :session session)
                not-long (it/eval-over client "(set-param! 1 :k 2.5)" :session session)
                arity (it/eval-over client "(pause! :now)" :session session)
                after (it/eval-over client "(:state (status))" :session session)]
            (is (str/includes? (:err rejected) "rejected by the hot thread: strategy slot out of range"))
            (is (str/includes? (:err not-long) "value must be an integer"))
            (is (str/includes? (:err arity) "Wrong number of args"))
            (is (= [":running"] (:value after)))))
        (is (= 1 (it/read-value socket "(:commands-rejected (status))"))))

      (testing "sessions whose client went away are closed"
        (let [sid (with-open [conn (nrepl/connect :socket socket)]
                    (nrepl/new-session (nrepl/client conn 10000)))
              _ (Thread/sleep 300)
              sessions (with-open [conn (nrepl/connect :socket socket)]
                         (:sessions (nrepl/combine-responses
                                     (nrepl/message (nrepl/client conn 10000) {:op "ls-sessions"}))))]
          (is (string? sid))
          (is (not (some #{sid} sessions)) (str sid " still open among " sessions))))

      (testing "every eval is in the audit log with its session"
        (let [log (slurp (io/file (:run-dir e) "audit.log"))
              entries (map read-string (str/split-lines log))]
          (is (some #(= "(set-param! 99 :k 1)" (:code %)) entries))
          (is (every? #(and (:time %) (= "eval" (:op %))) entries))
          (is (some #(string? (:session %)) entries))))

      (testing "bin/corezero stat reads the counters from another process"
        (let [{:keys [exit out]} (it/run-bin "stat" "--once" (str (:run-dir e)))]
          (is (zero? exit))
          (is (str/includes? out (str "pid " (:pid e) " (running)")))
          (is (re-find #"duty-cycles" out))
          (is (re-find #"commands-rejected" out))))

      (testing "bin/corezero connect evaluates in the running engine"
        (let [{:keys [exit out]} (it/run-bin "connect" "--socket" socket "-e" "(status)")]
          (is (zero? exit))
          (is (str/includes? out "cz-hot-1"))
          (is (re-find #"duty-cycles\s+[\d,]+" out)))
        (let [{:keys [exit out]} (it/run-bin-with-input "(+ 40 2)\n(println :hello)\n(:state\n (status))\n"
                                                        "connect" "--socket" socket)]
          (is (zero? exit))
          (is (str/includes? out "corezero=> 42"))
          (is (str/includes? out ":hello"))
          (is (str/includes? out ":running") "a form spread over two lines is read whole")))

      (testing "clients coming and going leave no errors in the engine's log"
        (is (not-any? #(re-find #"ERROR|Exception" %) @(:err e)) (str/join "\n" @(:err e))))

      (testing "(shutdown!) stops the engine and the process exits 0"
        (let [{:keys [exit out err]} (it/run-bin "connect" "--socket" socket "-e" "(:state (shutdown!))")]
          (is (zero? exit) err)
          (is (str/includes? out ":stopping"))
          (is (not (str/includes? err "Exception")) err))
        (is (.waitFor ^Process (:process e) 20 TimeUnit/SECONDS))
        (is (zero? (.exitValue ^Process (:process e))))
        (is (not (.exists (io/file socket))) "socket removed on a clean stop")))))

(deftest ^:integration stale-socket-removed-and-live-socket-refused
  (let [first-run (it/start-engine!)
        config (:config first-run)]
    (try
      (testing "a second engine on the same run directory is refused while the first is alive"
        (let [{:keys [exit err]} (it/run-bin "run" config)]
          (is (= 1 exit))
          (is (str/includes? err "another engine is listening on"))))
      (testing "kill -9 leaves the socket behind; the next start removes it and runs"
        (.destroyForcibly ^Process (:process first-run))
        (.waitFor ^Process (:process first-run) 10 TimeUnit/SECONDS)
        (is (.exists (io/file (:socket first-run))) "socket left by the killed run")
        (let [proc (it/start-process [(it/bin) "run" config])]
          (try
            (it/await-line proc #"nREPL ready" 30000)
            (is (some #(str/includes? % "removed stale socket") @(:err proc)))
            (is (= ":running" (it/eval-1 (:socket first-run) "(:state (status))")))
            (finally
              (it/stop-engine! proc)))))
      (finally
        (it/stop-engine! first-run)))))

(deftest ^:integration bad-configuration-is-refused-with-the-key-named
  (let [dir (it/temp-dir "corezero-badcfg")]
    (testing "a bad value names the key and the expected form, exit 2"
      (let [{:keys [exit err]} (it/run-bin "run" (it/write-config! dir {:hot-cores [0]}))]
        (is (= 2 exit))
        (is (str/includes? err "config :hot-cores is [0], expected CPUs other than the ops core 0"))))
    (testing "non-loopback TCP without explicit permission is refused"
      (let [{:keys [exit err]} (it/run-bin "run" (it/write-config!
                                                  dir {:repl {:socket "s" :tcp {:host "0.0.0.0" :port 0}
                                                              :allow-non-loopback false}}))]
        (is (= 2 exit))
        (is (str/includes? err ":repl :tcp :host is \"0.0.0.0\", expected a loopback address"))))
    (testing "an unknown key is named"
      (let [{:keys [exit err]} (it/run-bin "run" (it/write-config! dir {:hot-core 1}))]
        (is (= 2 exit))
        (is (str/includes? err "config :hot-core is not a known key"))))))
