(ns corezero.ops
  "The operator's vocabulary at the REPL, referred into `user`. Reads come from the shared-memory counters or
  from a snapshot the hot thread copies on request; writes are commands offered into the hot thread's ring,
  each answered with the input sequence at which it took effect. Every function returns data; tables print
  as tables. A command that does not take effect within the timeout throws a clear error instead of hanging."
  (:require [clojure.string :as str]
            [corezero.engine :as engine]
            [corezero.proc :as proc]
            [corezero.table :as table])
  (:import (corezero.book BookSnapshot BookView)
           (corezero.core CommandClient CommandException CommandException$Kind CommandReply CommandType
                          Engine EngineSnapshot EngineState)
           (corezero.telemetry EngineCounter)
           (java.io File Writer)
           (java.lang ProcessHandle)
           (java.time Duration)))

(set! *warn-on-reflection* true)

(def ^:dynamic *command-timeout-ms*
  "Overrides the configuration's :ops :command-timeout-ms when bound."
  nil)

(defn- timeout
  ^Duration []
  (Duration/ofMillis (or *command-timeout-ms*
                         (get-in (engine/current) [:config :ops :command-timeout-ms])
                         1000)))

(defn- counter-value
  ^long [^Engine e ^EngineCounter c]
  (.counter e c))

(defn- state-keyword
  [code]
  (keyword (EngineState/name (int code))))

;; ---------------------------------------------------------------------------------------------- /proc reads

(defn- proc-threads
  "Name and allowed CPUs of every thread of this process."
  []
  (vec (for [^File task (.listFiles (File. "/proc/self/task"))
             :let [comm (some-> (proc/read-file (File. task "comm")) str/trim)
                   allowed (proc/cpus-allowed task)]
             :when comm]
         {:thread comm :tid (parse-long (.getName task)) :cpus allowed})))

(defn threads
  "Every thread of the engine's JVM with the CPUs it may run on, from /proc: the hot thread should be alone
  on its hot core and everything else on the ops core."
  []
  (with-meta (vec (sort-by :tid (proc-threads))) {:type ::table :columns [:tid :thread :cpus]}))

;; ---------------------------------------------------------------------------------------------- reads

(def ^:private status-keys
  [:state :hot-thread :hot-core :hot-thread-cpus :other-threads-cpus :ops-core :duty-cycles :active-cycles
   :input-sequence :commands-applied :commands-rejected :max-duty-cycle-us :stalls :stall-threshold-us
   :uptime-s :pid :run-dir :repl-socket :repl-tcp])

(defn status
  "The engine at a glance: state, the hot thread's core, duty cycles and commands, read from the counters
  (so it answers even when the hot thread is stalled)."
  []
  (let [{:keys [^Engine engine config repl started-ms]} (engine/current)
        c #(counter-value engine %)
        ts (proc-threads)
        hot-name Engine/HOT_ROLE_NAME
        hot (first (filter #(= hot-name (:thread %)) ts))]
    (with-meta
      {:state (state-keyword (c EngineCounter/ENGINE_STATE))
       :hot-thread hot-name
       :hot-core (c EngineCounter/HOT_CPU)
       :hot-thread-cpus (:cpus hot)
       :other-threads-cpus (str/join "," (sort (distinct (keep :cpus (remove #(= hot %) ts)))))
       :ops-core (:ops-core config)
       :duty-cycles (c EngineCounter/DUTY_CYCLES)
       :active-cycles (c EngineCounter/ACTIVE_CYCLES)
       :input-sequence (c EngineCounter/INPUT_SEQUENCE)
       :commands-applied (c EngineCounter/COMMANDS_APPLIED)
       :commands-rejected (c EngineCounter/COMMANDS_REJECTED)
       :max-duty-cycle-us (quot (c EngineCounter/MAX_DUTY_CYCLE_NS) 1000)
       :stalls (c EngineCounter/STALLS)
       :stall-threshold-us (quot (c EngineCounter/STALL_THRESHOLD_NS) 1000)
       :uptime-s (quot (- (System/currentTimeMillis) started-ms) 1000)
       :pid (.pid (ProcessHandle/current))
       :run-dir (str (.. engine config runDir))
       :repl-socket (:socket repl)
       :repl-tcp (some-> (:tcp repl) ((fn [{:keys [host port]}] (str host ":" port))))}
      {:type ::map :keys status-keys})))

(defn counters
  "Every engine counter in shared memory: id, name, value and label (what `bin/corezero stat` shows)."
  []
  (let [^Engine e (engine/engine)
        reader (.counters e)
        rows (transient [])]
    (.forEach reader
              (reify org.agrona.concurrent.status.CountersReader$MetaData
                (accept [_ id type-id _key label]
                  (let [c (EngineCounter/forTypeId type-id)]
                    (conj! rows {:id id
                                 :name (if c (.shortName c) "-")
                                 :value (.getCounterValue reader id)
                                 :label label})))))
    (with-meta (persistent! rows) {:type ::table :columns [:id :name :value :label]})))

;; ---------------------------------------------------------------------------------------------- commands

(defn- reply->map
  [^CommandReply r started-ns]
  {:command (keyword (CommandType/name (.commandType r)))
   :status (if (.isApplied r) :applied :rejected)
   :input-sequence (.inputSequence r)
   :state (state-keyword (.engineState r))
   :reply-us (quot (- (System/nanoTime) started-ns) 1000)})

(defn- command!
  "Runs `f` with the command client, turning a CommandException into an ex-info with the same message."
  [f]
  (let [^CommandClient client (.commands (engine/engine))
        started (System/nanoTime)]
    (try
      (let [r (f client (timeout))]
        (if (instance? CommandReply r) (reply->map r started) r))
      (catch CommandException ex
        (throw (ex-info (.getMessage ex)
                        (cond-> {::error (keyword (str/lower-case (str (.kind ex))))}
                          (.reply ex) (assoc :input-sequence (.inputSequence ^CommandReply (.reply ex))))))))))

(defn pause!
  "Stops the hot thread processing inputs at the next command boundary; it keeps draining commands."
  []
  (command! (fn [^CommandClient c ^Duration t] (.pause c t))))

(defn resume!
  "Resumes processing inputs."
  []
  (command! (fn [^CommandClient c ^Duration t] (.resume c t))))

(defn shutdown!
  "Stops the engine: the hot thread applies the command, then the launcher closes the engine and the REPL."
  []
  (command! (fn [^CommandClient c ^Duration t] (.shutdown c t))))

(defn- param-key
  ^String [k]
  (cond
    (keyword? k) (subs (str k) 1)
    (or (string? k) (symbol? k)) (str k)
    :else (throw (ex-info (str "parameter key must be a keyword or string, got " (pr-str k))
                          {::error :bad-argument}))))

(defn set-param!
  "Sets long parameter `key` (keyword or string, 1..32 printable ASCII characters) of strategy slot `slot`
  to `value`, an integer: prices are fixed-point longs, never doubles."
  [slot key value]
  (when-not (int? slot)
    (throw (ex-info (str "slot must be an integer, got " (pr-str slot)) {::error :bad-argument})))
  (when-not (and (integer? value) (<= Long/MIN_VALUE value Long/MAX_VALUE))
    (throw (ex-info (str "value must be an integer that fits a long (prices are fixed-point), got "
                         (pr-str value))
                    {::error :bad-argument})))
  (let [k (param-key key)]
    (try
      (assoc (command! (fn [^CommandClient c ^Duration t] (.setParam c (int slot) k (long value) t)))
             :slot slot :key (keyword k) :value value)
      (catch IllegalArgumentException ex
        (throw (ex-info (.getMessage ex) {::error :bad-argument}))))))

(defn snapshot
  "A copy of the hot thread's state made at one command boundary: state, input sequence, duty cycles and
  every strategy parameter."
  []
  (command!
   (fn [^CommandClient c ^Duration t]
     (let [^EngineSnapshot s (.snapshot c t)]
       {:state (state-keyword (.engineState s))
        :input-sequence (.inputSequence s)
        :duty-cycles (.dutyCycles s)
        :active-cycles (.activeCycles s)
        :hot-core (.hotCpu s)
        :epoch-ms (.epochTimeMs s)
        :params (vec (for [i (range (.paramCount s))]
                       {:slot (.paramSlot s i) :key (keyword (.paramKey s i)) :value (.paramValue s i)}))}))))

;; ---------------------------------------------------------------------------------------------- market data

(defn- price
  "A fixed-point ITCH price (4 implied decimals) as a BigDecimal, or nil for none."
  [^long p]
  (when (not= p BookView/NO_PRICE)
    (BigDecimal/valueOf p 4)))

(def ^:private feed-rejects
  {:duplicates EngineCounter/FEED_DUPLICATES
   :old-packets EngineCounter/FEED_OLD_PACKETS
   :truncated-packets EngineCounter/FEED_TRUNCATED
   :bad-block-lengths EngineCounter/FEED_BAD_BLOCKS
   :session-mismatches EngineCounter/FEED_SESSION_MISMATCHES
   :recovery-overflows EngineCounter/FEED_RECOVERY_OVERFLOWS
   :unknown-message-types EngineCounter/ITCH_UNKNOWN_TYPES
   :bad-message-lengths EngineCounter/ITCH_BAD_LENGTHS
   :unknown-orders EngineCounter/BOOK_UNKNOWN_ORDERS
   :duplicate-orders EngineCounter/BOOK_DUPLICATE_ORDERS
   :executions-exceeding-order EngineCounter/BOOK_EXECUTIONS_EXCEEDING
   :cancels-exceeding-order EngineCounter/BOOK_CANCELS_EXCEEDING
   :order-pool-exhausted EngineCounter/BOOK_POOL_EXHAUSTED
   :price-levels-exhausted EngineCounter/BOOK_LEVELS_EXHAUSTED
   :bad-side-or-locate EngineCounter/BOOK_OTHER_REJECTS})

(def ^:private feed-keys
  [:next-sequence :packets :messages :messages-per-s :heartbeats :gaps :gaps-recovered :gaps-unrecoverable
   :retransmit-requests :stale :stale-instruments :end-of-session :open-orders :rejects])

(defn feed
  "The market-data feed: next expected sequence, packets and messages, the message rate over the last 200 ms,
  gaps detected / recovered / unrecoverable, retransmission requests, whether books are stale, and every
  rejection by kind. Read from the counters."
  []
  (let [^Engine e (engine/engine)
        c #(counter-value e %)]
    (when-not (.hasFeed e)
      (throw (ex-info "this engine has no market-data feed (no :feed in its configuration)"
                      {::error :no-feed})))
    (let [m0 (c EngineCounter/FEED_MESSAGES)
          t0 (System/nanoTime)
          _ (Thread/sleep 200)
          m1 (c EngineCounter/FEED_MESSAGES)
          t1 (System/nanoTime)
          stale? (= 1 (c EngineCounter/FEED_STALE))]
      (with-meta
        {:next-sequence (c EngineCounter/FEED_NEXT_SEQUENCE)
         :packets (c EngineCounter/FEED_PACKETS)
         :messages m1
         :messages-per-s (long (/ (* (- m1 m0) 1e9) (max 1 (- t1 t0))))
         :heartbeats (c EngineCounter/FEED_HEARTBEATS)
         :gaps (c EngineCounter/FEED_GAPS)
         :gaps-recovered (c EngineCounter/FEED_GAPS_RECOVERED)
         :gaps-unrecoverable (c EngineCounter/FEED_GAPS_UNRECOVERABLE)
         :retransmit-requests (c EngineCounter/FEED_RETRANSMIT_REQUESTS)
         :stale stale?
         :stale-instruments (if stale? :all :none)
         :end-of-session (c EngineCounter/FEED_END_OF_SESSION)
         :open-orders (c EngineCounter/BOOK_OPEN_ORDERS)
         :rejects (into (sorted-map) (map (fn [[k counter]] [k (c counter)])) feed-rejects)}
        {:type ::map :keys feed-keys}))))

(defn book
  "Depth of one instrument's book (default 5 levels a side), copied by the hot thread at a command boundary:
  prices as decimals, shares and order counts per level, plus the book's state."
  ([symbol] (book symbol 5))
  ([symbol depth]
   (when-not (and (string? symbol) (not (str/blank? symbol)))
     (throw (ex-info (str "symbol must be a string such as \"AAPL\", got " (pr-str symbol)) {::error :bad-argument})))
   (when-not (pos-int? depth)
     (throw (ex-info (str "depth must be a positive integer, got " (pr-str depth)) {::error :bad-argument})))
   (let [^BookSnapshot s (command! (fn [^CommandClient c ^Duration t] (.fill c (BookSnapshot. symbol (int depth)) t)))]
     (when-not (.found s)
       (throw (ex-info (str "no book for " symbol ": no Stock Directory message has named it (yet)")
                       {::error :unknown-symbol})))
     (with-meta
       {:symbol symbol
        :stock-locate (.stockLocate s)
        :stale (.isStale s)
        :trading-state (let [b (.tradingState s)] (if (zero? b) nil (str (char b))))
        :orders (.orderCount s)
        :last-trade (price (.lastTradePrice s))
        :volume (.tradedVolume s)
        :bid-levels (.totalBidLevels s)
        :ask-levels (.totalAskLevels s)
        :bids (vec (for [i (range (.bidLevels s))]
                     {:price (price (.bidPrice s i)) :shares (.bidShares s i) :orders (.bidOrders s i)}))
        :asks (vec (for [i (range (.askLevels s))]
                     {:price (price (.askPrice s i)) :shares (.askShares s i) :orders (.askOrders s i)}))}
       {:type ::book}))))

(defn help
  "The vocabulary, one line each."
  []
  (with-meta
    (vec (for [v [#'status #'counters #'threads #'feed #'book #'snapshot #'pause! #'resume! #'set-param!
                  #'shutdown!]]
           {:fn (str "(" (:name (meta v)) (some->> (first (:arglists (meta v))) seq (str/join " ") (str " ")) ")")
            :doc (first (str/split-lines (:doc (meta v))))}))
    {:type ::table :columns [:fn :doc]}))

;; ---------------------------------------------------------------------------------------------- printing

(defmethod print-method ::book [b ^Writer w]
  (let [{:keys [symbol stock-locate stale trading-state orders last-trade volume bids asks bid-levels ask-levels]} b
        rows (for [i (range (max (count bids) (count asks)))
                   :let [bid (get bids i) ask (get asks i)]]
               {:bid-orders (:orders bid) :bid-shares (:shares bid) :bid (:price bid)
                :ask (:price ask) :ask-shares (:shares ask) :ask-orders (:orders ask)})]
    (.write w ^String (str symbol " (locate " stock-locate ")  trading " (or trading-state "-")
                           "  orders " orders "  levels " bid-levels "/" ask-levels
                           "  last " (or last-trade "-") "  volume " volume
                           (when stale "  STALE (feed gap open)") "\n"
                           (table/render [:bid-orders :bid-shares :bid :ask :ask-shares :ask-orders] rows)))))


(defmethod print-method ::map [m ^Writer w]
  (.write w ^String (table/render-map m (or (:keys (meta m)) (sort (keys m))))))

(defmethod print-method ::table [rows ^Writer w]
  (.write w ^String (table/render (:columns (meta rows)) rows)))
