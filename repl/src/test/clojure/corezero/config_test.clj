(ns corezero.config-test
  (:require [clojure.java.io :as io]
            [clojure.string :as str]
            [clojure.test :refer [deftest is testing]]
            [corezero.config :as config]
            [corezero.venue :as venue])
  (:import (corezero.core EngineConfig FeedConfig$Transport NicConfig$CopyMode NicConfig$Fallback NicConfig$XdpMode)))

(defn- error-of
  [text]
  (try
    (config/parse text "test.edn")
    nil
    (catch clojure.lang.ExceptionInfo ex
      {:message (ex-message ex) :data (ex-data ex)})))

(deftest the-demo-config-is-valid-and-complete
  (let [cfg (config/load-config "demo")]
    (is (= 0 (:ops-core cfg)))
    (is (= [1] (:hot-cores cfg)))
    (is (= "127.0.0.1" (get-in cfg [:repl :tcp :host])))
    (is (instance? EngineConfig (config/->engine-config cfg)))
    (is (= 100000 (.stallThresholdNs (config/->engine-config cfg))))
    (is (true? (.kernelSentinel (config/->engine-config cfg))) "the sentinel is on unless turned off")
    (is (false? (.kernelSentinel (config/->engine-config (config/parse "{:engine {:kernel-sentinel false}}" "t")))))))

(deftest the-xdp-demo-config-reads-the-feed-from-af-xdp-across-namespaces
  (let [project (System/getProperty "corezero.project.dir")
        cfg (config/load-config (str (io/file project "config" "demo-xdp.edn")))
        feed (.feed (config/->engine-config cfg))
        venue-cmd (venue/command (:venue-sim cfg) (io/file project) "java")]
    (is (= FeedConfig$Transport/XDP (.transport feed)))
    (is (= "czdemo-e" (.interfaceName (.nic feed))))
    (is (= NicConfig$Fallback/UDP (.fallback (.nic feed))) "the demo says why and goes on over UDP")
    (is (= "10.198.0.1:31003" (get-in cfg [:order-entry :venue])))
    (is (nil? (get-in cfg [:repl :tcp])) "the engine's loopback is inside its namespace: the socket is the way in")
    (is (= ["ip" "netns" "exec" "czdemo-v" "java"] (subvec venue-cmd 0 5)) "venue-sim runs in the venue namespace")
    (is (= (dissoc (config/load-config "demo") :feed :order-entry :venue-sim :repl)
           (dissoc cfg :feed :order-entry :venue-sim :repl))
        "otherwise the same demo")))

(deftest defaults-fill-what-is-left-out
  (let [cfg (config/parse "{:hot-cores [1]}" "t")]
    (is (= 1000 (get-in cfg [:ops :command-timeout-ms])))
    (is (= "nrepl.sock" (get-in cfg [:repl :socket])))
    (is (nil? (get-in cfg [:repl :tcp])))))

(defn- are-errors*
  [cases]
  (doseq [[text path expected] cases]
    (testing text
      (let [{:keys [message data]} (error-of text)]
        (is (= path (:key data)) message)
        (is (str/includes? (str message) expected) message)
        (is (str/starts-with? (str message) (str "config " (str/join " " path) " is ")))))))

(defmacro ^:private are-errors [& cases] `(are-errors* [~@cases]))

(deftest bad-values-name-the-key-and-the-expected-form
  (are-errors
   ["{:ops-core -1}" [:ops-core] "expected a CPU index"]
   ["{:hot-cores 1}" [:hot-cores] "expected a non-empty vector of CPU indices"]
   ["{:hot-cores [0]}" [:hot-cores] "expected CPUs other than the ops core 0"]
   ["{:hot-cores [1 2]}" [:hot-cores] "expected exactly one hot core"]
   ["{:run-dir 5}" [:run-dir] "expected a directory path string"]
   ["{:repl {:tcp {:host \"10.0.0.1\" :port 1}}}" [:repl :tcp :host] "expected a loopback address"]
   ["{:repl {:tcp {:host \"127.0.0.1\" :port 70000}}}" [:repl :tcp :port] "expected a port 0..65535"]
   ["{:repl {:socket nil :tcp nil}}" [:repl] "at least one of :socket or :tcp"]
   ["{:engine {:command-ring-bytes 1000}}" [:engine :command-ring-bytes] "a power of two >= 1024"]
   ["{:engine {:stall-threshold-us 0}}" [:engine :stall-threshold-us] "a positive integer of microseconds"]
   ["{:engine {:kernel-sentinel 1}}" [:engine :kernel-sentinel] "true (count the hot thread's kernel entries) or false"]
   ["{:ops {:command-timeout-ms \"1s\"}}" [:ops :command-timeout-ms] "a positive integer of milliseconds"]
   ["{:feed {:bind \"nowhere\"}}" [:feed :bind] "\"HOST:PORT\" to receive on"]
   ["{:feed {:transport :tcp :bind \"127.0.0.1:1\"}}" [:feed :transport] ":udp, :shm, :xdp or :packet-ring"]
   ["{:feed {:transport :xdp :bind \"10.0.0.2:31001\"}}" [:feed :interface] "the name of the interface :xdp reads"]
   ["{:feed {:transport :xdp :bind \"eth0:31001\" :interface \"eth0\"}}" [:feed :bind] "the interface's own IPv4"]
   ["{:feed {:transport :xdp :bind \"10.0.0.2:0\" :interface \"eth0\"}}" [:feed :bind] "A.B.C.D:PORT"]
   ["{:feed {:transport :packet-ring :bind \"10.0.0.2:1\" :interface \"eth0\" :frames 100}}" [:feed :frames]
    "a power of two from 64 to 65536"]
   ["{:feed {:transport :xdp :bind \"10.0.0.2:1\" :interface \"eth0\" :xdp-mode :driver}}" [:feed :xdp-mode]
    ":auto, :native or :skb"]
   ["{:feed {:transport :xdp :bind \"10.0.0.2:1\" :interface \"eth0\" :frame-size 1500}}" [:feed :frame-size]
    "2048 or 4096"]
   ["{:feed {:transport :xdp :bind \"10.0.0.2:1\" :interface \"eth0\" :fallback :maybe}}" [:feed :fallback]
    ":udp (say so once"]
   ["{:feed {:transport :shm}}" [:feed :shm-file] "the shared-memory ring file"]
   ["{:feed {:bind \"127.0.0.1:1\" :rerequest \"127.0.0.1:99999\"}}" [:feed :rerequest] "re-request server"]
   ["{:books {:max-orders 0}}" [:books :max-orders] "a positive integer"]))

(deftest a-native-feed-becomes-the-java-feed-config-with-its-nic
  (let [cfg (config/parse (str "{:feed {:transport :xdp :bind \"10.199.0.2:31001\" :interface \"cz-e\" :queue 1"
                               " :xdp-mode :skb :zero-copy false :frames 1024 :fallback :refuse"
                               " :rerequest \"10.199.0.1:31002\"}}") "t")
        feed (.feed (config/->engine-config cfg))
        nic (.nic feed)]
    (is (= FeedConfig$Transport/XDP (.transport feed)))
    (is (= "10.199.0.2" (.getHostAddress (.getAddress (.bindAddress feed)))))
    (is (= ["cz-e" 1 NicConfig$XdpMode/SKB NicConfig$CopyMode/COPY 2048 1024 NicConfig$Fallback/REFUSE]
           [(.interfaceName nic) (.queue nic) (.xdpMode nic) (.copyMode nic) (.frameSize nic) (.frameCount nic)
            (.fallback nic)])))
  (let [feed (.feed (config/->engine-config
                     (config/parse "{:feed {:transport :packet-ring :bind \"10.1.0.2:5\" :interface \"e\"}}" "t")))]
    (is (= FeedConfig$Transport/PACKET_RING (.transport feed)))
    (is (= [NicConfig$XdpMode/AUTO NicConfig$CopyMode/AUTO 4096 NicConfig$Fallback/UDP]
           [(.xdpMode (.nic feed)) (.copyMode (.nic feed)) (.frameCount (.nic feed)) (.fallback (.nic feed))]))))

(deftest unknown-keys-and-unreadable-text-are-refused
  (is (str/includes? (:message (error-of "{:hot-core 1}")) "config :hot-core is not a known key"))
  (is (str/includes? (:message (error-of "{:repl {:sokcet \"x\"}}")) "config :repl :sokcet is not a known key"))
  (is (str/includes? (:message (error-of "{:ops-core")) "test.edn is not valid EDN"))
  (is (str/includes? (:message (error-of "[1 2]")) "expected a map at the top of test.edn")))

(deftest a-feed-becomes-the-java-feed-config
  (let [cfg (config/parse "{:feed {:bind \"127.0.0.1:31001\" :rerequest \"127.0.0.1:31002\" :retry-ms 50}}" "t")
        feed (.feed (config/->engine-config cfg))]
    (is (= 31001 (.getPort (.bindAddress feed))))
    (is (= 31002 (.getPort (.rerequestAddress feed))))
    (is (= 50000000 (.retryIntervalNs feed)))
    (is (= 5 (.maxRetries feed))))
  (is (nil? (.feed (config/->engine-config (config/parse "{}" "t"))))))

(deftest non-loopback-needs-explicit-permission
  (let [cfg (config/parse "{:repl {:tcp {:host \"0.0.0.0\" :port 0} :allow-non-loopback true}}" "t")]
    (is (= "0.0.0.0" (get-in cfg [:repl :tcp :host])))))

(deftest a-missing-file-is-a-clear-error
  (is (thrown-with-msg? clojure.lang.ExceptionInfo #"config file /no/such.edn does not exist"
                        (config/load-config "/no/such.edn"))))

(deftest order-entry-and-strategies-become-java-settings
  (let [cfg (config/load-config "demo")
        ec (config/->engine-config cfg)
        oe (.orderEntry ec)]
    (is (some? oe) "the demo trades")
    (is (= 31003 (.getPort (.venue oe))))
    (is (false? (.version410 oe)) "the demo logs in with the 49-byte 4.00 request nassau speaks")
    (is (= 1000 (get (.limits oe) "max-order-qty")))
    (is (instance? corezero.strategy.TouchQuoter (.strategy ec 0)))
    (is (nil? (.strategy ec 1)))
    (is (= #{["size" 100] ["max-inventory" 300]}
           (set (map (fn [^corezero.core.EngineConfig$Param p] [(.key p) (.value p)]) (.params ec)))))))

(deftest bad-order-entry-and-strategy-settings-name-the-key
  (let [base "{:hot-cores [1] :feed {:bind \"127.0.0.1:0\"} "]
    (testing "order entry without a feed"
      (is (str/includes? (:message (error-of "{:hot-cores [1] :order-entry {:venue \"127.0.0.1:1\"}}"))
                         ":order-entry")))
    (testing "an unknown limit"
      (is (str/includes? (:message (error-of (str base ":order-entry {:venue \"127.0.0.1:1\" :limits {:max-qty 5}}}")))
                         ":order-entry :limits :max-qty")))
    (testing "a negative limit"
      (is (str/includes? (:message (error-of (str base ":order-entry {:venue \"127.0.0.1:1\" :limits {:max-position -1}}}")))
                         "an integer >= 0")))
    (testing "a bad SoupBinTCP version"
      (is (str/includes? (:message (error-of (str base ":order-entry {:venue \"127.0.0.1:1\" :soupbintcp \"3\"}}")))
                         ":order-entry :soupbintcp")))
    (testing "a strategy without order entry"
      (is (str/includes? (:message (error-of (str base ":strategies [{:slot 0 :type :touch-quoter :symbol \"AAPL\"}]}")))
                         ":strategies 0")))
    (testing "an unknown strategy type"
      (is (str/includes? (:message (error-of (str base ":order-entry {:venue \"127.0.0.1:1\"} "
                                                  ":strategies [{:slot 0 :type :nope :symbol \"AAPL\"}]}")))
                         ":strategies 0 :type")))
    (testing "two strategies in one slot"
      (is (str/includes? (:message (error-of (str base ":order-entry {:venue \"127.0.0.1:1\"} "
                                                  ":strategies [{:slot 0 :type :touch-quoter :symbol \"AAPL\"} "
                                                  "{:slot 0 :type :touch-quoter :symbol \"MSFT\"}]}")))
                         "distinct slots")))
    (testing "a non-integer parameter"
      (is (str/includes? (:message (error-of (str base ":order-entry {:venue \"127.0.0.1:1\"} "
                                                  ":strategies [{:slot 0 :type :touch-quoter :symbol \"AAPL\" "
                                                  ":params {:size 1.5}}]}")))
                         ":strategies 0 :params")))))
