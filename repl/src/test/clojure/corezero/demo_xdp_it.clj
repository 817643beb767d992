(ns corezero.demo-xdp-it
  "`bin/corezero demo --transport xdp`: venue-sim in one network namespace, the engine in another, the feed read
  from AF_XDP rings on the engine's veth end. The whole demo runs across the namespaces: the book fills, dropped
  packets are recovered through the AF_XDP TX ring, TouchQuoter trades over OUCH, the kernel sentinel is armed,
  and stopping the demo deletes the namespaces. Needs root: skipped with the reason outside CI, failed inside it."
  (:require [clojure.java.io :as io]
            [clojure.string :as str]
            [clojure.test :refer [deftest is testing]]
            [corezero.it-support :as it])
  (:import (java.util.concurrent TimeUnit)))

(defn- root? [] (= "root" (System/getProperty "user.name")))

(defn- namespaces
  "The demo's network namespaces that exist now."
  []
  (set (filter #(.exists (io/file "/var/run/netns" %)) ["czdemo-v" "czdemo-e"])))

(deftest ^:integration the-demo-runs-over-af-xdp-across-namespaces
  (if-not (root?)
    (if (= "true" (System/getenv "CI"))
      (is false "CI=true: the AF_XDP demo test needs root (network namespaces, XDP), and CI runs as root")
      (println "skipped: the AF_XDP demo test needs root"))
    (let [demo (it/start-process [(it/bin) "demo" "--transport" "xdp"])
          socket (str (io/file (it/project-dir) "run" "demo" "nrepl.sock"))]
      (try
        (it/await-line demo #"nREPL ready \d+ ms after JVM start" 60000)
        (testing "the launcher says what the feed reads, and that the sentinel counts the hot thread"
          (let [err (str/join "\n" @(:err demo))]
            (is (re-find #"feed af_xdp czdemo-e queue 0 \((native|skb), copy" err) err)
            (is (str/includes? err "kernel sentinel armed") err)
            (is (not (str/includes? err "could not be opened")) "no fallback to UDP")))
        (testing "the feed comes through the rings, gaps are recovered through the TX ring"
          (let [feed (it/await-value #(it/read-value socket "(into {} (dissoc (feed) :rejects))")
                                  #(pos? (:gaps-recovered %)) 30000)
                stat (it/read-value socket "(into {} (map (juxt (comp keyword :name) :value)) (counters))")]
            (is (pos? (:messages feed)) (str feed))
            (is (pos? (:gaps-recovered feed)) "venue-sim drops every 100th packet; the re-request leaves by the ring")
            (is (zero? (:gaps-unrecoverable feed)))
            (is (zero? (it/read-value socket "(reduce + (vals (:rejects (feed))))")) "no rejects of any kind")
            (is (pos? (get stat :nic-frames 0)) (str stat))
            (is (pos? (get stat :nic-frames-sent 0)) "re-requests went out through the AF_XDP TX ring")
            (is (zero? (get stat :nic-malformed -1)))
            (is (= 1 (get stat :sentinel-armed)))))
        (testing "TouchQuoter trades against venue-sim over OUCH, across the veth"
          (let [probe "(let [s (#'corezero.ops/trading-snapshot)] {:sent (.ordersSent s) :fills (.fills s)})"
                trading (it/await-value #(it/read-value socket probe) #(pos? (:fills %)) 90000)]
            (is (pos? (:sent trading)) (str trading))
            (is (pos? (:fills trading)) (str trading))))
        (finally
          (.destroy ^Process (:process demo))
          (when-not (.waitFor ^Process (:process demo) 30 TimeUnit/SECONDS)
            (.destroyForcibly ^Process (:process demo)))))
      (is (empty? (namespaces)) "stopping the demo deletes its namespaces"))))
