(ns corezero.ops
  "The operator's vocabulary at the REPL, referred into `user`. Reads come from the shared-memory counters or
  from a snapshot the hot thread copies on request; writes are commands offered into the hot thread's ring,
  each answered with the input sequence at which it took effect. Every function returns data; tables print
  as tables. A command that does not take effect within the timeout throws a clear error instead of hanging."
  (:require [clojure.string :as str]
            [corezero.engine :as engine]
            [corezero.proc :as proc]
            [corezero.strategies :as strategies]
            [corezero.table :as table])
  (:import (corezero.book BookSnapshot BookView)
           (corezero.core CommandClient CommandException CommandException$Kind CommandReply CommandType
                          Engine EngineSnapshot EngineState OrderEntry TradingSnapshot)
           (corezero.ouch OuchRejectReason SoupBinTcpListener)
           (corezero.risk RiskLimits RiskResult TradingState)
           (corezero.strategy EntryResult)
           (org.HdrHistogram Histogram)
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
  to `value`, an integer: prices are fixed-point longs, never doubles. `slot` may be the id of a strategy
  loaded with load-strategy! (:mm): the key and the value are then checked against its `params` declaration."
  [slot key value]
  (when-not (or (int? slot) (keyword? slot))
    (throw (ex-info (str "slot must be an integer or a strategy id keyword, got " (pr-str slot))
                    {::error :bad-argument})))
  (when-not (and (integer? value) (<= Long/MIN_VALUE value Long/MAX_VALUE))
    (throw (ex-info (str "value must be an integer that fits a long (prices are fixed-point), got "
                         (pr-str value))
                    {::error :bad-argument})))
  (let [k (param-key key)
        id (when (keyword? slot) slot)
        slot (if id (strategies/param-slot id k value) slot)]
    (try
      (let [reply (command! (fn [^CommandClient c ^Duration t] (.setParam c (int slot) k (long value) t)))]
        (when id (strategies/param-set! id k value))
        (cond-> (assoc reply :slot slot :key (keyword k) :value value)
          id (assoc :id id)))
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


;; ---------------------------------------------------------------------------------------------- orders and risk

(defn- money
  "A fixed-point amount in 1/10,000 dollar as a BigDecimal."
  [^long v]
  (BigDecimal/valueOf v 4))

(defn- trading-snapshot
  ^TradingSnapshot []
  (when-not (.hasOrderEntry (engine/engine))
    (throw (ex-info "this engine has no order entry (no :order-entry in its configuration)"
                    {::error :no-order-entry})))
  (command! (fn [^CommandClient c ^Duration t] (.fill c (TradingSnapshot.) t))))

(defn- slot-name [slot] (if (= slot OrderEntry/OPS_SLOT) "ops" (str slot)))

(defn- order-rows
  [^TradingSnapshot s]
  (vec (for [i (range (.orderRows s))]
         {:ref (.orderUserRefNum s i)
          :slot (slot-name (.orderSlot s i))
          :symbol (.symbol s (.orderLocate s i))
          :side (str (.orderSide s i))
          :price (money (.orderPrice s i))
          :qty (.orderOriginalQuantity s i)
          :open (.orderOpenQuantity s i)
          :filled (.orderExecutedQuantity s i)
          :state (str/lower-case (str (.orderState s i)))})))

(defn- fill-rows
  [^TradingSnapshot s]
  (vec (for [i (range (.fillRows s))]
         {:match (.fillMatchNumber s i)
          :ref (.fillUserRefNum s i)
          :slot (slot-name (.fillSlot s i))
          :symbol (.symbol s (.fillLocate s i))
          :side (str (.fillSide s i))
          :shares (.fillShares s i)
          :price (money (.fillPrice s i))})))

(defn orders
  "Open orders (newest last), copied by the hot thread: UserRefNum, slot, symbol, side, price, entered / open /
  executed shares and state. The title line counts orders sent, fills and live orders."
  []
  (let [s (trading-snapshot)]
    (with-meta (order-rows s)
      {:type ::titled-table
       :title (str "open " (.openOrdersTotal s) "  sent " (.ordersSent s) " (venue accepted " (.venueAccepted s)
                   ", rejected " (.venueRejected s) ")  cancels sent " (.cancelsSent s)
                   "  fills " (.fills s) " (" (.filledShares s) " shares)  trading "
                   (str/lower-case (TradingState/name (.tradingState s)))
                   (when-not (.loggedIn s) "  ORDER SESSION DOWN"))
       :columns [:ref :slot :symbol :side :price :qty :open :filled :state]})))

(defn fills
  "The last 64 executions of our orders, oldest first: match number, order, slot, symbol, side, shares, price."
  []
  (let [s (trading-snapshot)]
    (with-meta (fill-rows s) {:type ::table :columns [:match :ref :slot :symbol :side :shares :price]})))

(defn- reject-reason
  [^long code]
  (cond
    (= code OrderEntry/LOST_IN_FLIGHT) "lost in flight: the venue never received it (found after a reconnect)"
    (= code OrderEntry/NOT_SENT) "not sent: the order session's send buffer was full"
    :else (str "venue: " (OuchRejectReason/describe (int code)))))

(defn rejects
  "The last 32 orders that never went live, oldest first: rejected by the venue (with the OUCH reason), found lost
  in flight after a reconnect, or not sent. Orders the risk gate refused never became orders: see (risk)."
  []
  (let [s (trading-snapshot)]
    (with-meta
      (vec (for [i (range (.rejectRows s))]
             {:ref (.rejectUserRefNum s i)
              :slot (slot-name (.rejectSlot s i))
              :symbol (.symbol s (.rejectLocate s i))
              :side (str (.rejectSide s i))
              :qty (.rejectQuantity s i)
              :price (money (.rejectPrice s i))
              :reason (reject-reason (.rejectReason s i))}))
      {:type ::table :columns [:ref :slot :symbol :side :qty :price :reason]})))

(defn positions
  "Positions by strategy slot and symbol: signed shares, average cost, the mark (mid, else last trade), and
  realized and unrealized P&L in dollars, exact (fixed point)."
  []
  (let [s (trading-snapshot)]
    (with-meta
      (vec (for [i (range (.positionRows s))]
             {:slot (slot-name (.positionSlot s i))
              :symbol (.symbol s (.positionLocate s i))
              :position (.position s i)
              :avg-cost (money (.averageCost s i))
              :mark (money (.markPrice s i))
              :realized (money (.realizedPnl s i))
              :unrealized (money (.unrealizedPnl s i))}))
      {:type ::table :columns [:slot :symbol :position :avg-cost :mark :realized :unrealized]})))

(defn pnl
  "P&L in dollars: realized, unrealized at the mark and total, overall and by symbol."
  []
  (let [rows (positions)
        sum (fn [k rs] (reduce #(.add ^BigDecimal %1 ^BigDecimal (k %2)) (money 0) rs))
        total (fn [rs] (let [r (sum :realized rs) u (sum :unrealized rs)]
                         {:realized r :unrealized u :total (.add ^BigDecimal r u)}))]
    (with-meta
      (merge (total rows)
             {:by-symbol (into (sorted-map) (for [[sym rs] (group-by :symbol rows)]
                                              [sym (:total (total rs))]))})
      {:type ::map :keys [:realized :unrealized :total :by-symbol]})))

(defn- nonzero-map
  [pairs]
  (into (sorted-map) (remove (comp zero? second)) pairs))

(defn risk
  "The risk gate: trading state, every limit (keys for set-limit!), orders passed and refused, refusals by
  reason, the throttle's tokens, and order calls that sent nothing (session down, send buffer full...)."
  []
  (let [s (trading-snapshot)]
    (with-meta
      {:trading-state (keyword (str/lower-case (TradingState/name (.tradingState s))))
       :limits (into (array-map) (map-indexed (fn [i k] [(keyword k) (.limit s i)]) RiskLimits/KEYS))
       :passed (.riskAccepted s)
       :refused (.riskRejected s)
       :refused-by-reason (nonzero-map (for [r (range 1 RiskResult/COUNT)]
                                         [(RiskResult/describe r) (.riskRejects s r)]))
       :throttle-tokens (.throttleTokens s)
       :not-sent (nonzero-map (for [c (range RiskResult/COUNT EntryResult/COUNT)]
                                [(EntryResult/describe c) (.entryRejects s c)]))}
      {:type ::map :keys [:trading-state :limits :passed :refused :refused-by-reason :throttle-tokens :not-sent]})))

(def ^:private disconnect-reasons
  {SoupBinTcpListener/DISCONNECT_CLOSED_BY_SERVER :closed-by-venue
   SoupBinTcpListener/DISCONNECT_SERVER_TIMEOUT :venue-silent
   SoupBinTcpListener/DISCONNECT_MALFORMED :malformed-packet
   SoupBinTcpListener/DISCONNECT_CONNECT_FAILED :connect-failed
   SoupBinTcpListener/DISCONNECT_LOGOUT :logout
   SoupBinTcpListener/DISCONNECT_LOGIN_REJECTED :login-rejected
   SoupBinTcpListener/DISCONNECT_END_OF_SESSION :end-of-session})

(defn order-session
  "The OUCH 5.0 over SoupBinTCP session: logged in or not, the venue's session and next sequence number,
  reconnects and disconnects by reason, packets and heartbeats, bad input from the venue (malformed packets,
  undecodable OUCH, messages for unknown orders) and the reconciliation after the last login."
  []
  (let [s (trading-snapshot)
        oe (get-in (engine/current) [:config :order-entry])]
    (with-meta
      {:venue (:venue oe)
       :logged-in (.loggedIn s)
       :stopped (.stopped s)
       :session (.session s)
       :next-sequence (.nextSequence s)
       :logins (.logins s)
       :login-rejects (.loginRejects s)
       :reconnects (.reconnects s)
       :disconnects (nonzero-map (for [[code k] disconnect-reasons] [k (.disconnects s (int code))]))
       :packets-in (.packetsIn s)
       :packets-out (.packetsOut s)
       :sequenced-messages (.sequencedMessages s)
       :heartbeats-in (.heartbeatsIn s)
       :heartbeats-out (.heartbeatsOut s)
       :malformed-packets (.malformedPackets s)
       :unknown-packets (.unknownPackets s)
       :ouch-undecodable (.ouchErrors s)
       :ouch-unknown-orders (.ouchUnknownOrders s)
       :ouch-refused-by-orders (.ouchRejectedByOrders s)
       :send-buffer-full (.sendBufferFull s)
       :venue-next-user-ref-num (.venueNextUserRefNum s)
       :next-user-ref-num (.nextUserRefNum s)
       :lost-in-flight (.lostInFlight s)
       :cancels-resent (.cancelsResent s)
       :canceled-on-accept (.canceledOnAccept s)}
      {:type ::map :keys [:venue :logged-in :stopped :session :next-sequence :logins :login-rejects :reconnects
                          :disconnects :packets-in :packets-out :sequenced-messages :heartbeats-in :heartbeats-out
                          :malformed-packets :unknown-packets :ouch-undecodable :ouch-unknown-orders
                          :ouch-refused-by-orders :send-buffer-full :venue-next-user-ref-num :next-user-ref-num
                          :lost-in-flight :cancels-resent :canceled-on-accept]})))

(defn tick-to-trade
  "Tick-to-trade of every order sent while handling market data, in nanoseconds from the frame being handed to
  the engine: :in-core to the Enter Order encoded in the order session's send buffer (all user space), and
  :to-socket to the kernel's TCP write of it having returned (the system call included)."
  []
  (let [s (trading-snapshot)
        row (fn [k ^Histogram h]
              (let [p (fn [q] (.getValueAtPercentile h q))]
                {:span k :orders (.getTotalCount h) :p50-ns (p 50.0) :p90-ns (p 90.0) :p99-ns (p 99.0)
                 :p99.9-ns (p 99.9) :max-ns (.getMaxValue h)}))]
    (with-meta [(row :in-core (.tickToTrade s)) (row :to-socket (.tickToSocket s))]
      {:type ::table :columns [:span :orders :p50-ns :p90-ns :p99-ns :p99.9-ns :max-ns]})))

(def ^:dynamic *confirm-timeout-ms*
  "How long kill!, cancel-all! and flatten! wait for the venue to confirm."
  5000)

(defn- await-venue
  "Polls trading snapshots until (done? snapshot) or the confirmation timeout; returns [snapshot done? ms]."
  [done?]
  (let [start (System/nanoTime)
        deadline (+ start (* 1000000 (long *confirm-timeout-ms*)))]
    (loop []
      (let [s (trading-snapshot)
            ok (boolean (done? s))]
        (if (or ok (> (System/nanoTime) deadline))
          [s ok (quot (- (System/nanoTime) start) 1000000)]
          (do (Thread/sleep 20) (recur)))))))

(defn- open-count [^TradingSnapshot s] (.openOrdersTotal s))

(defn kill!
  "Kill switch: trading state HALTED (the risk gate refuses every new order, whatever its source) and a cancel
  for every open order. Waits until the venue has confirmed every cancel (no open orders left) or
  *confirm-timeout-ms*, and says which. Orders still in flight are cancelled the moment the venue accepts them.
  Stays on until (unkill!)."
  []
  (let [before (open-count (trading-snapshot))
        reply (command! (fn [^CommandClient c ^Duration t] (.kill c t)))
        [s ok ms] (await-venue #(zero? (open-count %)))]
    (with-meta
      (assoc reply :trading-state :halted :open-orders-before before :open-orders-now (open-count s)
                   :venue-confirmed ok :waited-ms ms)
      {:type ::map :keys [:command :status :trading-state :open-orders-before :open-orders-now :venue-confirmed
                          :waited-ms :input-sequence]})))

(defn unkill!
  "Releases the kill switch: trading state ACTIVE; strategies may send orders again."
  []
  (assoc (command! (fn [^CommandClient c ^Duration t] (.unkill c t))) :trading-state :active))

(defn cancel-all!
  "Cancels every open order (trading state unchanged: strategies may quote again at once) and waits for the
  venue's confirmations, as kill! does."
  []
  (let [before (open-count (trading-snapshot))
        reply (command! (fn [^CommandClient c ^Duration t] (.cancelAll c t)))
        [s ok ms] (await-venue #(zero? (open-count %)))]
    (assoc reply :open-orders-before before :open-orders-now (open-count s) :venue-confirmed ok :waited-ms ms)))

(defn- symbol-position
  [^TradingSnapshot s symbol]
  (reduce + 0 (for [i (range (.positionRows s)) :when (= symbol (.symbol s (.positionLocate s i)))]
                (.position s i))))

(defn flatten!
  "Flattens one instrument: cancels its open orders, then sends, for each slot holding a position in it,
  immediate-or-cancel orders for the whole position at the opposite touch, in pieces of at most :max-order-qty
  (through the risk gate). Waits for the position to reach zero or *confirm-timeout-ms*; an IOC that finds too
  little liquidity leaves the rest, and the result says so."
  [symbol]
  (when-not (and (string? symbol) (not (str/blank? symbol)) (<= (count symbol) 8))
    (throw (ex-info (str "symbol must be a string such as \"AAPL\", got " (pr-str symbol)) {::error :bad-argument})))
  (let [before (symbol-position (trading-snapshot) symbol)
        reply (command! (fn [^CommandClient c ^Duration t] (.flatten c ^String symbol t)))
        [s ok ms] (await-venue #(zero? (symbol-position % symbol)))]
    (assoc reply :symbol symbol :position-before before :position-now (symbol-position s symbol) :flat ok
                 :waited-ms ms)))

(defn- limit-key
  ^String [k]
  (let [s (param-key k)]
    (when-not (some #{s} (conj (vec RiskLimits/KEYS) RiskLimits/TRADING_STATE))
      (throw (ex-info (str "unknown limit " (pr-str k) "; limits: "
                           (str/join " " (map #(str ":" %) (conj (vec RiskLimits/KEYS) RiskLimits/TRADING_STATE))))
                      {::error :bad-argument})))
    s))

(def ^:private trading-states {:active TradingState/ACTIVE :reducing TradingState/REDUCING
                               :halted TradingState/HALTED})

(defn set-limit!
  "Sets risk limit `k` (a keyword, see (risk)) to integer `v`, applied by the hot thread between two events.
  Notional is in 1/10,000 dollar; :collar-bps in basis points; :trading-state takes :active, :reducing or
  :halted (or 0, 1, 2)."
  [k v]
  (let [key (limit-key k)
        value (if (= key RiskLimits/TRADING_STATE) (get trading-states v v) v)]
    (when-not (and (integer? value) (<= 0 value Long/MAX_VALUE))
      (throw (ex-info (str "limit value must be an integer >= 0 (fixed point for money), got " (pr-str v))
                      {::error :bad-argument})))
    (assoc (command! (fn [^CommandClient c ^Duration t] (.setLimit c key (long value) t)))
           :limit (keyword key) :value v)))

(defn help
  "The vocabulary, one line each."
  []
  (with-meta
    (vec (for [v [#'status #'counters #'threads #'feed #'book #'snapshot #'pause! #'resume! #'set-param!
                  #'orders #'fills #'rejects #'positions #'pnl #'risk #'order-session #'tick-to-trade #'set-limit! #'kill!
                  #'unkill! #'cancel-all! #'flatten! #'shutdown! #'strategies/strategies #'strategies/strategy
                  #'strategies/load-strategy! #'strategies/rollback! #'strategies/pause-strategy!
                  #'strategies/resume-strategy! #'strategies/unload-strategy! #'strategies/watch-strategy!
                  #'strategies/unwatch-strategy!]]
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

(defmethod print-method ::titled-table [rows ^Writer w]
  (.write w ^String (str (:title (meta rows)) "\n" (table/render (:columns (meta rows)) rows))))

(defmethod print-method ::table [rows ^Writer w]
  (.write w ^String (table/render (:columns (meta rows)) rows)))
