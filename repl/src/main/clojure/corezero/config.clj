(ns corezero.config
  "Reads and checks the engine's EDN configuration. Pure apart from `load-config`, which reads the file.
  Every problem is reported as an ex-info whose message names the key, the value found and the form
  expected, with `::error` data, so the launcher can print it and exit non-zero."
  (:require [clojure.edn :as edn]
            [clojure.java.io :as io]
            [clojure.string :as str])
  (:import (corezero.core EngineConfig FeedConfig FeedConfig$Transport NicConfig NicConfig$CopyMode NicConfig$Fallback
                          NicConfig$XdpMode OrderEntryConfig)
           (corezero.risk RiskLimits)
           (corezero.strategy TouchQuoter)
           (java.net InetSocketAddress)
           (java.io File)
           (java.nio.file Path)))

(set! *warn-on-reflection* true)

(def defaults
  "Values used for keys the configuration leaves out."
  {:ops-core 0
   :hot-cores [1]
   :run-dir "run/corezero"
   :repl {:socket "nrepl.sock" :tcp nil :allow-non-loopback false :port-file ".nrepl-port"}
   :engine {:stall-threshold-us 100
            :command-drain-limit EngineConfig/DEFAULT_COMMAND_DRAIN_LIMIT
            :command-ring-bytes EngineConfig/DEFAULT_RING_CAPACITY
            :reply-ring-bytes EngineConfig/DEFAULT_RING_CAPACITY
            :hand-off-slots EngineConfig/DEFAULT_HAND_OFF_SLOTS
            :kernel-sentinel true}
   :ops {:command-timeout-ms 1000}
   :books {:max-orders EngineConfig/DEFAULT_MAX_ORDERS
           :max-levels EngineConfig/DEFAULT_MAX_LEVELS_PER_SIDE
           :max-books EngineConfig/DEFAULT_MAX_BOOKS}
   :feed nil
   :order-entry nil
   :strategies []
   :venue-sim nil})

(def order-entry-defaults
  "Values for the keys an :order-entry map leaves out. Every risk limit defaults to 0 (nothing passes): a
  configuration must say what it allows."
  {:username ""
   :password ""
   :session ""
   :soupbintcp "4.00"
   :server-timeout-ms 15000
   :client-timeout-ms 15000
   :reconnect-ms [100 10000]
   :max-live-orders OrderEntryConfig/DEFAULT_MAX_LIVE_ORDERS
   :max-instruments OrderEntryConfig/DEFAULT_MAX_INSTRUMENTS
   :first-user-ref-num 1
   :session-poll-us 0
   :limits {}})

(def strategy-types
  "Strategies a configuration can name with :type, by keyword: a function of the strategy's map."
  {:touch-quoter (fn [{:keys [symbol]}] (TouchQuoter. ^String symbol))})

(def feed-defaults
  "Values for the keys a :feed map leaves out."
  {:transport :udp
   :receive-buffer-bytes 65536
   :recovery-buffer-bytes (* 4 1024 1024)
   :retry-ms 100
   :max-retries 5
   ;; Native transports (:xdp, :packet-ring) only.
   :queue 0
   :xdp-mode :auto
   :zero-copy :auto
   :frame-size 2048
   :frames 4096
   :fallback :udp})

(def native-transports
  "Feed transports read from rings the kernel fills, by config keyword."
  {:xdp FeedConfig$Transport/XDP
   :packet-ring FeedConfig$Transport/PACKET_RING})

(defn- deep-merge
  [a b]
  (if (and (map? a) (map? b))
    (merge-with deep-merge a b)
    b))

(defn- problem
  "ex-info for one bad key."
  [path value expected]
  (ex-info (str "config " (str/join " " path) " is " (pr-str value) ", expected " expected)
           {::error :invalid :key path :value value :expected expected}))

(defn- check
  [ok? path value expected]
  (when-not ok?
    (throw (problem path value expected))))

(defn host-port?
  "True for a \"HOST:PORT\" string with a port 0..65535."
  [s]
  (boolean (when (string? s)
             (when-let [[_ _ port] (re-matches #"([^:\s]+):(\d{1,5})" s)]
               (< (parse-long port) 65536)))))

(defn- power-of-two? [x] (and (int? x) (pos? x) (zero? (bit-and x (dec x)))))

(def ^:private known-keys
  {[] #{:ops-core :hot-cores :run-dir :repl :engine :ops :books :feed :order-entry :strategies :venue-sim :tune}
   [:order-entry] #{:venue :username :password :session :soupbintcp :server-timeout-ms :client-timeout-ms
                    :reconnect-ms :max-live-orders :max-instruments :first-user-ref-num :session-poll-us :limits}
   [:books] #{:max-orders :max-levels :max-books}
   [:feed] #{:transport :bind :multicast-interface :shm-file :rerequest :receive-buffer-bytes
             :recovery-buffer-bytes :retry-ms :max-retries
             :interface :queue :xdp-mode :zero-copy :frame-size :frames :fallback}
   [:repl] #{:socket :tcp :allow-non-loopback :port-file}
   [:engine] #{:stall-threshold-us :command-drain-limit :command-ring-bytes :reply-ring-bytes :hand-off-slots
               :kernel-sentinel}
   [:ops] #{:command-timeout-ms}
   [:venue-sim] #{:netns :itch :feed :rerequest-port :session :rate :drop-every :ouch :ouch-user :ouch-password
                  :ouch-session :flow-rate :seed :state-dir :ouch-latency-us :reject-every}})

(def limit-keys
  "Risk limit keys as keywords (RiskLimits), plus :trading-state (0 active, 1 reducing, 2 halted)."
  (conj (mapv keyword RiskLimits/KEYS) (keyword RiskLimits/TRADING_STATE)))

(defn- check-known-keys
  [cfg]
  (doseq [[path allowed] known-keys
          :let [m (get-in cfg path)]
          :when (map? m)
          k (keys m)]
    (when-not (contains? allowed k)
      (throw (ex-info (str "config " (str/join " " (conj path k)) " is not a known key; known keys here: "
                           (str/join " " (sort allowed)))
                      {::error :unknown-key :key (conj path k) :known allowed})))))

(defn loopback-host?
  "True when `host` names the loopback interface."
  [host]
  (contains? #{"127.0.0.1" "localhost" "::1"} host))

(defn- check-native-feed
  "The :feed keys of a native transport (:xdp or :packet-ring)."
  [{:keys [transport bind interface queue xdp-mode zero-copy frame-size frames fallback multicast-interface]}]
  (check (and (host-port? bind) (re-matches #"\d+\.\d+\.\d+\.\d+:\d+" bind)
              (not (str/starts-with? bind "0.0.0.0:")) (not (str/ends-with? bind ":0")))
         [:feed :bind] bind
         (str "\"A.B.C.D:PORT\", the interface's own IPv4 address and the feed's port, for " transport))
  (check (and (string? interface) (< 0 (count interface) 16)) [:feed :interface] interface
         (str "the name of the interface " transport " reads, such as \"eth1\""))
  (check (nil? multicast-interface) [:feed :multicast-interface] multicast-interface
         (str "nil with " transport " (:interface names the NIC)"))
  (check (nat-int? queue) [:feed :queue] queue "an RX queue index >= 0")
  (check (#{:auto :native :skb} xdp-mode) [:feed :xdp-mode] xdp-mode ":auto, :native or :skb")
  (check (contains? #{:auto true false} zero-copy) [:feed :zero-copy] zero-copy ":auto, true or false")
  (check (#{2048 4096} frame-size) [:feed :frame-size] frame-size "2048 or 4096")
  (check (and (power-of-two? frames) (<= 64 frames 65536)) [:feed :frames] frames
         "a power of two from 64 to 65536")
  (check (#{:udp :refuse} fallback) [:feed :fallback] fallback
         ":udp (say so once and receive on kernel UDP) or :refuse (do not start without the native path)"))

(defn validate
  "Checks a configuration map (defaults already merged). Returns it unchanged, or throws an ex-info naming
  the first bad key and the expected form."
  [cfg]
  (check (map? cfg) [] cfg "a map")
  (check-known-keys cfg)
  (let [{:keys [ops-core hot-cores run-dir repl engine ops]} cfg]
    (check (nat-int? ops-core) [:ops-core] ops-core "a CPU index: an integer >= 0")
    (check (and (vector? hot-cores) (seq hot-cores) (every? nat-int? hot-cores))
           [:hot-cores] hot-cores "a non-empty vector of CPU indices, e.g. [1]")
    (check (= 1 (count hot-cores)) [:hot-cores] hot-cores
           "exactly one hot core: this version runs one hot agent")
    (check (not (contains? (set hot-cores) ops-core)) [:hot-cores] hot-cores
           (str "CPUs other than the ops core " ops-core))
    (check (and (string? run-dir) (not (str/blank? run-dir))) [:run-dir] run-dir "a directory path string")
    (check (map? repl) [:repl] repl "a map")
    (let [{:keys [socket tcp allow-non-loopback port-file]} repl]
      (check (or (nil? port-file) (and (string? port-file) (not (str/blank? port-file))))
             [:repl :port-file] port-file "a file name for editors (relative to the project root) or nil")
      (check (or (nil? socket) (and (string? socket) (not (str/blank? socket))))
             [:repl :socket] socket "a socket file name (relative to :run-dir) or nil")
      (check (boolean? allow-non-loopback) [:repl :allow-non-loopback] allow-non-loopback "true or false")
      (check (or (nil? tcp) (map? tcp)) [:repl :tcp] tcp "nil or {:host \"127.0.0.1\" :port 7888}")
      (when tcp
        (check (string? (:host tcp)) [:repl :tcp :host] (:host tcp) "a host string, e.g. \"127.0.0.1\"")
        (check (and (nat-int? (:port tcp)) (< (:port tcp) 65536)) [:repl :tcp :port] (:port tcp)
               "a port 0..65535 (0 picks a free port)")
        (check (or (loopback-host? (:host tcp)) allow-non-loopback) [:repl :tcp :host] (:host tcp)
               "a loopback address; a non-loopback bind needs :allow-non-loopback true"))
      (check (or socket tcp) [:repl] repl "at least one of :socket or :tcp"))
    (check (map? engine) [:engine] engine "a map")
    (let [{:keys [stall-threshold-us command-drain-limit command-ring-bytes reply-ring-bytes hand-off-slots]}
          engine]
      (check (pos-int? stall-threshold-us) [:engine :stall-threshold-us] stall-threshold-us
             "a positive integer of microseconds")
      (check (pos-int? command-drain-limit) [:engine :command-drain-limit] command-drain-limit
             "a positive integer")
      (check (and (power-of-two? command-ring-bytes) (>= command-ring-bytes 1024))
             [:engine :command-ring-bytes] command-ring-bytes "a power of two >= 1024")
      (check (and (power-of-two? reply-ring-bytes) (>= reply-ring-bytes 1024))
             [:engine :reply-ring-bytes] reply-ring-bytes "a power of two >= 1024")
      (check (pos-int? hand-off-slots) [:engine :hand-off-slots] hand-off-slots "a positive integer")
      (check (boolean? (:kernel-sentinel engine)) [:engine :kernel-sentinel] (:kernel-sentinel engine)
             "true (count the hot thread's kernel entries) or false"))
    (check (pos-int? (:command-timeout-ms ops)) [:ops :command-timeout-ms] (:command-timeout-ms ops)
           "a positive integer of milliseconds")
    (let [{:keys [max-orders max-levels max-books]} (:books cfg)]
      (check (pos-int? max-orders) [:books :max-orders] max-orders "a positive integer (open orders, all books)")
      (check (pos-int? max-levels) [:books :max-levels] max-levels "a positive integer (price levels per side)")
      (check (and (pos-int? max-books) (<= max-books 65535)) [:books :max-books] max-books
             "an integer 1..65535 (instruments with a book)"))
    (when-let [feed (:feed cfg)]
      (check (map? feed) [:feed] feed "a map or nil")
      (let [{:keys [transport bind multicast-interface shm-file rerequest receive-buffer-bytes
                    recovery-buffer-bytes retry-ms max-retries] :as merged} (merge feed-defaults feed)]
        (check (#{:udp :shm :xdp :packet-ring} transport) [:feed :transport] transport
               ":udp, :shm, :xdp or :packet-ring")
        (when (= :udp transport)
          (check (host-port? bind) [:feed :bind] bind "\"HOST:PORT\" to receive on (a multicast group joins)"))
        (when (native-transports transport)
          (check-native-feed merged))
        (when (= :shm transport)
          (check (and (string? shm-file) (not (str/blank? shm-file))) [:feed :shm-file] shm-file
                 "the shared-memory ring file (relative to :run-dir)"))
        (check (or (nil? multicast-interface) (string? multicast-interface)) [:feed :multicast-interface]
               multicast-interface "an interface name such as \"lo\" or nil")
        (check (or (nil? rerequest) (host-port? rerequest)) [:feed :rerequest] rerequest
               "\"HOST:PORT\" of the MoldUDP64 re-request server, or nil")
        (check (and (int? receive-buffer-bytes) (>= receive-buffer-bytes 1500)) [:feed :receive-buffer-bytes]
               receive-buffer-bytes "an integer >= 1500")
        (check (and (int? recovery-buffer-bytes) (>= recovery-buffer-bytes 65536)) [:feed :recovery-buffer-bytes]
               recovery-buffer-bytes "an integer >= 65536")
        (check (pos-int? retry-ms) [:feed :retry-ms] retry-ms "a positive integer of milliseconds")
        (check (nat-int? max-retries) [:feed :max-retries] max-retries "an integer >= 0")))
    (when-let [oe (:order-entry cfg)]
      (check (map? oe) [:order-entry] oe "a map or nil")
      (check (some? (:feed cfg)) [:order-entry] oe
             "to come with a :feed (orders name instruments by the feed's Stock Directory symbols)")
      (let [{:keys [venue username password session soupbintcp server-timeout-ms client-timeout-ms reconnect-ms
                    max-live-orders max-instruments first-user-ref-num session-poll-us limits]}
            (deep-merge order-entry-defaults oe)]
        (check (host-port? venue) [:order-entry :venue] venue "\"HOST:PORT\" of the venue's OUCH port")
        (check (and (string? username) (<= (count username) 6)) [:order-entry :username] username
               "a string of up to 6 characters")
        (check (and (string? password) (<= (count password) 10)) [:order-entry :password] "****"
               "a string of up to 10 characters")
        (check (and (string? session) (<= (count session) 10)) [:order-entry :session] session
               "a string of up to 10 characters, \"\" for the venue's current session")
        (check (#{"4.00" "4.10"} soupbintcp) [:order-entry :soupbintcp] soupbintcp
               "\"4.00\" (49-byte login, as nassau speaks) or \"4.10\" (54-byte login)")
        (check (pos-int? server-timeout-ms) [:order-entry :server-timeout-ms] server-timeout-ms
               "a positive integer of milliseconds")
        (check (and (pos-int? client-timeout-ms) (<= client-timeout-ms 65535)) [:order-entry :client-timeout-ms]
               client-timeout-ms "1..65535 milliseconds")
        (check (and (vector? reconnect-ms) (= 2 (count reconnect-ms)) (every? pos-int? reconnect-ms)
                    (<= (first reconnect-ms) (second reconnect-ms)))
               [:order-entry :reconnect-ms] reconnect-ms "[MIN MAX] positive milliseconds, MIN <= MAX")
        (check (pos-int? max-live-orders) [:order-entry :max-live-orders] max-live-orders "a positive integer")
        (check (pos-int? max-instruments) [:order-entry :max-instruments] max-instruments "a positive integer")
        (check (and (pos-int? first-user-ref-num) (<= first-user-ref-num 4294967295))
               [:order-entry :first-user-ref-num] first-user-ref-num "1..4294967295")
        (check (and (nat-int? session-poll-us) (<= session-poll-us 1000000))
               [:order-entry :session-poll-us] session-poll-us "0..1000000 microseconds (0: every duty cycle)")
        (check (map? limits) [:order-entry :limits] limits "a map of limit keyword to integer")
        (doseq [[k v] limits]
          (check (some #{k} limit-keys) [:order-entry :limits k] v
                 (str "a known limit key: " (str/join " " limit-keys)))
          (check (nat-int? v) [:order-entry :limits k] v "an integer >= 0"))))
    (let [strategies (:strategies cfg)]
      (check (vector? strategies) [:strategies] strategies "a vector of strategy maps")
      (doseq [[i {:keys [slot type symbol params] :as st}] (map-indexed vector strategies)]
        (check (map? st) [:strategies i] st "a map {:slot 0 :type :touch-quoter :symbol \"AAPL\" :params {...}}")
        (check (and (nat-int? slot) (< slot 8)) [:strategies i :slot] slot "a slot 0..7")
        (check (contains? strategy-types type) [:strategies i :type] type
               (str "one of " (str/join " " (sort (keys strategy-types)))))
        (check (and (string? symbol) (not (str/blank? symbol)) (<= (count symbol) 8)) [:strategies i :symbol]
               symbol "a symbol string such as \"AAPL\"")
        (check (or (nil? params) (and (map? params) (every? (some-fn keyword? string?) (keys params))
                                      (every? int? (vals params))))
               [:strategies i :params] params "a map of keyword to integer")
        (check (some? (:order-entry cfg)) [:strategies i] st "an :order-entry to trade through"))
      (check (apply distinct? (cons ::none (map :slot strategies))) [:strategies] (mapv :slot strategies)
             "distinct slots"))
    (when-let [vs (:venue-sim cfg)]
      (check (map? vs) [:venue-sim] vs "a map or nil")
      (check (and (string? (:itch vs)) (not (str/blank? (:itch vs)))) [:venue-sim :itch] (:itch vs)
             "the path of an ITCH 5.0 BinaryFILE capture")
      (check (host-port? (:feed vs)) [:venue-sim :feed] (:feed vs) "\"HOST:PORT\"")
      (check (or (nil? (:netns vs)) (re-matches #"[A-Za-z0-9_.-]{1,64}" (str (:netns vs)))) [:venue-sim :netns]
             (:netns vs) "nil or the name of a network namespace made by ip netns add")
      (check (and (nat-int? (:rerequest-port vs)) (< (:rerequest-port vs) 65536)) [:venue-sim :rerequest-port]
             (:rerequest-port vs) "a port 0..65535")
      (check (and (string? (:session vs)) (<= 1 (count (:session vs)) 10)) [:venue-sim :session] (:session vs)
             "a MoldUDP64 session name of 1 to 10 characters")
      (check (pos-int? (:rate vs)) [:venue-sim :rate] (:rate vs) "a positive integer of messages per second")
      (check (or (nil? (:drop-every vs)) (and (int? (:drop-every vs)) (> (:drop-every vs) 1)))
             [:venue-sim :drop-every] (:drop-every vs) "nil or an integer > 1 (drop every Nth packet)")
      (check (or (nil? (:ouch vs)) (host-port? (:ouch vs))) [:venue-sim :ouch] (:ouch vs)
             "nil or \"HOST:PORT\" for the OUCH 5.0 over SoupBinTCP port (exchange mode)")
      (doseq [k [:ouch-user :ouch-password :ouch-session :state-dir]]
        (check (or (nil? (k vs)) (and (string? (k vs)) (not (str/blank? (k vs))))) [:venue-sim k] (k vs)
               "nil or a non-blank string"))
      (doseq [k [:flow-rate :seed :ouch-latency-us :reject-every]]
        (check (or (nil? (k vs)) (nat-int? (k vs))) [:venue-sim k] (k vs) "nil or an integer >= 0")))
    cfg))

(defn parse
  "Parses EDN text into a validated configuration with defaults merged. `source` names it in errors."
  [text source]
  (let [raw (try
              (edn/read-string text)
              (catch Exception e
                (throw (ex-info (str "config " source " is not valid EDN: " (.getMessage e))
                                {::error :unreadable :source source} e))))]
    (check (map? raw) [] raw (str "a map at the top of " source))
    (validate (deep-merge defaults raw))))

(defn home
  "The project root: system property corezero.home (set by bin/corezero), else the working directory."
  ^File []
  (io/file (or (System/getProperty "corezero.home") (System/getProperty "user.dir"))))

(defn resolve-path
  "Resolves `p` against the project root unless absolute."
  ^Path [^String p]
  (let [f (io/file p)]
    (.toPath (if (.isAbsolute f) f (io/file (home) p)))))

(defn load-config
  "Reads a configuration: \"demo\" is config/demo.edn (embedded in the jar, or from the project root when
  running from sources), anything else a file path."
  [source]
  (if (= "demo" source)
    (let [embedded (io/resource "corezero/config/demo.edn")
          on-disk (io/file (home) "config" "demo.edn")]
      (cond
        embedded (parse (slurp embedded) "demo (embedded config/demo.edn)")
        (.isFile on-disk) (parse (slurp on-disk) (str on-disk))
        :else (throw (ex-info (str "demo config not found: neither embedded nor at " on-disk)
                              {::error :missing}))))
    (let [f (io/file source)]
      (when-not (.isFile f)
        (throw (ex-info (str "config file " source " does not exist") {::error :missing :source source})))
      (parse (slurp f) source))))

(defn hot-core
  "The hot core of a validated configuration."
  [cfg]
  (first (:hot-cores cfg)))

(defn run-dir
  "Absolute run directory of a validated configuration."
  ^Path [cfg]
  (resolve-path (:run-dir cfg)))

(defn socket-address
  "An unresolved-if-need-be InetSocketAddress for \"HOST:PORT\"."
  ^InetSocketAddress [s]
  (let [[_ host port] (re-matches #"([^:\s]+):(\d{1,5})" s)]
    (InetSocketAddress. ^String host (int (parse-long port)))))

(defn ->feed-config
  "The Java feed settings for the :feed part of a validated configuration, or nil."
  ^FeedConfig [cfg]
  (when-let [feed (:feed cfg)]
    (let [{:keys [transport bind multicast-interface shm-file rerequest receive-buffer-bytes
                  recovery-buffer-bytes retry-ms max-retries interface queue xdp-mode zero-copy frame-size frames
                  fallback]} (merge feed-defaults feed)
          fc (FeedConfig. (if (= :shm transport) FeedConfig$Transport/SHARED_MEMORY FeedConfig$Transport/UDP)
                          (when (not= :shm transport) (socket-address bind))
                          multicast-interface
                          (when (= :shm transport) (.resolve (run-dir cfg) ^String shm-file))
                          (some-> rerequest socket-address)
                          (int receive-buffer-bytes)
                          (int recovery-buffer-bytes)
                          (* 1000000 (long retry-ms))
                          (int max-retries))]
      (if-let [native (native-transports transport)]
        (.withNic fc native
                  (NicConfig. ^String interface (int queue)
                              (case xdp-mode :auto NicConfig$XdpMode/AUTO :native NicConfig$XdpMode/NATIVE
                                    :skb NicConfig$XdpMode/SKB)
                              (case zero-copy :auto NicConfig$CopyMode/AUTO true NicConfig$CopyMode/ZERO_COPY
                                    false NicConfig$CopyMode/COPY)
                              (int frame-size) (int frames)
                              (if (= :refuse fallback) NicConfig$Fallback/REFUSE NicConfig$Fallback/UDP)))
        fc))))

(defn ->order-entry-config
  "The Java order-entry settings for the :order-entry part of a validated configuration, or nil."
  ^OrderEntryConfig [cfg]
  (when-let [oe (:order-entry cfg)]
    (let [{:keys [venue username password session soupbintcp server-timeout-ms client-timeout-ms reconnect-ms
                  max-live-orders max-instruments first-user-ref-num session-poll-us limits]}
          (deep-merge order-entry-defaults oe)]
      (.withSessionPollIntervalNs
       (OrderEntryConfig. (socket-address venue) username password session (= "4.10" soupbintcp)
                         (* 1000000 (long server-timeout-ms)) (long client-timeout-ms)
                         (* 1000000 (long (first reconnect-ms))) (* 1000000 (long (second reconnect-ms)))
                         (int max-live-orders) (int max-instruments) (long first-user-ref-num)
                         (java.util.LinkedHashMap. ^java.util.Map (into {} (map (fn [[k v]] [(name k) (long v)]))
                                                                       limits)))
       (* 1000 (long session-poll-us))))))

(defn- with-strategies
  "Adds the configured strategies and their parameters to an EngineConfig."
  ^EngineConfig [^EngineConfig ec cfg]
  (reduce (fn [^EngineConfig acc {:keys [slot type params] :as st}]
            (reduce (fn [^EngineConfig acc2 [k v]] (.withParam acc2 (int slot) (name k) (long v)))
                    (.withStrategy acc (int slot) ((strategy-types type) st))
                    params))
          ec
          (:strategies cfg)))

(defn ->engine-config
  "The Java engine settings for a validated configuration."
  ^EngineConfig [cfg]
  (let [e (:engine cfg)
        b (:books cfg)]
    (-> (EngineConfig. (int (:ops-core cfg))
                       (int (hot-core cfg))
                       (run-dir cfg)
                       (int (:command-ring-bytes e))
                       (int (:reply-ring-bytes e))
                       (int (:command-drain-limit e))
                       (* 1000 (long (:stall-threshold-us e)))
                       (int (:hand-off-slots e)))
        (.withBooks (int (:max-orders b)) (int (:max-levels b)) (int (:max-books b)))
        (.withKernelSentinel (boolean (:kernel-sentinel e)))
        (.withFeed (->feed-config cfg))
        (.withOrderEntry (->order-entry-config cfg))
        (with-strategies cfg))))
