(ns corezero.tune
  "Host tuning that can be undone: `bin/corezero tune apply|undo|show [CONFIG]`.

  What `apply` changes, each only when the host differs from what the config asks (the :tune map of the
  config, `options` for the keys and defaults):
  - every IRQ allowed on a hot core is moved to the ops core (/proc/irq/N/smp_affinity_list), and so is
    /proc/irq/default_smp_affinity, the mask new IRQs start with; IRQs the kernel will not move (managed or
    per-CPU ones answer EIO, some virtio ones EPERM) are reported as refused;
  - /proc/sys/vm/nr_hugepages is raised to :huge-pages (never lowered: another user's reservation stays);
  - transparent huge pages, enabled and defrag;
  - /proc/sys/kernel/sched_rt_runtime_us, and, when asked, kernel.timer_migration and vm.stat_interval.

  Each original value is recorded in an EDN undo file (written atomically, before any change is made); a
  second `apply` keeps the originals already there, and `undo` writes them back in reverse order and removes
  the file. The undo file carries the boot id: after a reboot the kernel's own values are back and the file
  is stale.

  Like corezero.doctor, everything reads and writes under a `:root` directory (\"\" is this host), so tests
  run on a fake /proc and /sys tree. `snapshot` reads, `plan` and `show-rows` are pure, `apply!` `undo!` and
  `main` are the effects."
  (:require [clojure.edn :as edn]
            [clojure.java.io :as io]
            [clojure.pprint :as pprint]
            [clojure.string :as str]
            [corezero.config :as config]
            [corezero.proc :as proc]
            [corezero.table :as table])
  (:import (java.io File FileNotFoundException FileOutputStream IOException)
           (java.nio.charset StandardCharsets)
           (java.nio.file AtomicMoveNotSupportedException CopyOption Files StandardCopyOption)
           (java.time Instant)))

(set! *warn-on-reflection* true)

;; ---------------------------------------------------------------------------------------------------------
;; Kernel text formats (CPU lists, /proc/interrupts), shared with corezero.doctor

(defn parse-cpu-list
  "Parses a kernel CPU list such as \"0-3,6\" into a sorted set of CPU numbers; a blank list gives #{}.
  Tokens that are not a number or a range (isolcpus flags like \"domain\" or \"managed_irq\") are skipped."
  [s]
  (into (sorted-set)
        (mapcat (fn [token]
                  (if-let [[_ from to] (re-matches #"(\d+)(?:-(\d+))?" (str/trim token))]
                    (range (parse-long from) (inc (parse-long (or to from))))
                    [])))
        (str/split (str/trim (str s)) #",")))

(defn cpu-list-str
  "Formats CPU numbers as a kernel CPU list: [1 2 3 5] gives \"1-3,5\"; no CPUs give \"none\"."
  [cpus]
  (if (empty? cpus)
    "none"
    (->> (sort (set cpus))
         (reduce (fn [runs cpu]
                   (let [[from to] (peek runs)]
                     (if (and to (= cpu (inc to)))
                       (conj (pop runs) [from cpu])
                       (conj runs [cpu cpu]))))
                 [])
         (map (fn [[from to]] (if (= from to) (str from) (str from "-" to))))
         (str/join ","))))

(defn parse-interrupts
  "Parses /proc/interrupts text into {irq {:name \"virtio1-req.0\" :counts {cpu count}}} for numbered IRQs
  (the per-CPU rows such as LOC or NMI have no /proc/irq entry and are left out)."
  [text]
  (let [[header & lines] (str/split-lines text)
        cpus (mapv #(parse-long (subs % 3)) (re-seq #"CPU\d+" (str header)))]
    (into (sorted-map)
          (keep (fn [line]
                  (when-let [[_ irq more] (re-matches #"\s*(\d+):\s*(.*)" line)]
                    (let [tokens (str/split (str/trim more) #"\s+")
                          counts (map parse-long (take (count cpus) tokens))]
                      [(parse-long irq)
                       {:name (or (last (drop (count cpus) tokens)) "")
                        :counts (zipmap cpus (map #(or % 0) counts))}]))))
          lines)))

;; ---------------------------------------------------------------------------------------------------------
;; Options (the config's :tune map)

(def defaults
  "What `apply` does when the config's :tune map leaves a key out. A key set to nil is left alone."
  {:irq-affinity true
   :irq-cpus nil                  ; nil: the ops core
   :huge-pages 64                 ; 2 MiB pages: 128 MiB, the AF_XDP UMEM and rings with room to spare
   :thp-enabled "never"
   :thp-defrag "never"
   :sched-rt-runtime-us -1        ; no RT throttling: a SCHED_FIFO hot thread is never paused
   :timer-migration nil           ; 0 keeps timers on the CPU that armed them
   :stat-interval nil             ; seconds between vmstat updates (kernel default 1)
   :undo-file "run/tune-undo.edn"})

(def ^:private thp-values #{"always" "madvise" "never"})
(def ^:private thp-defrag-values #{"always" "defer" "defer+madvise" "madvise" "never"})

(defn- problem
  [k v expected]
  (ex-info (str "config :tune " k " is " (pr-str v) ", expected " expected)
           {::error :invalid :key [:tune k] :value v :expected expected}))

(defn options
  "The tune options of a validated config: its :tune map over `defaults`, plus :ops-core and :hot-cores.
  Throws an ex-info naming the first bad key, e.g. \"config :tune :huge-pages is -1, expected ...\"."
  [cfg]
  (let [raw (get cfg :tune)
        _ (when-not (or (nil? raw) (map? raw))
            (throw (ex-info (str "config :tune is " (pr-str raw) ", expected a map such as {:huge-pages 64}")
                            {::error :invalid :key [:tune] :value raw})))
        unknown (remove (set (keys defaults)) (keys raw))
        _ (when (seq unknown)
            (throw (ex-info (str "config :tune " (first unknown) " is not a known key; known keys here: "
                                 (str/join " " (sort (keys defaults))))
                            {::error :unknown-key :key [:tune (first unknown)]})))
        o (merge defaults raw)
        ops (get cfg :ops-core 0)
        hot (set (get cfg :hot-cores []))
        check (fn [k ok? expected] (when-not (ok? (get o k)) (throw (problem k (get o k) expected))))
        or-nil (fn [p] (fn [v] (or (nil? v) (p v))))]
    (check :irq-affinity boolean? "true or false")
    (check :irq-cpus (or-nil #(and (vector? %) (seq %) (every? nat-int? %) (not-any? hot %)))
           (str "nil (the ops core " ops ") or a vector of CPUs that are not hot cores, e.g. [0]"))
    (check :huge-pages (or-nil #(and (nat-int? %) (<= % 1048576))) "nil or an integer 0..1048576 of huge pages")
    (check :thp-enabled (or-nil thp-values) "nil, \"never\", \"madvise\" or \"always\"")
    (check :thp-defrag (or-nil thp-defrag-values)
           "nil, \"never\", \"madvise\", \"defer\", \"defer+madvise\" or \"always\"")
    (check :sched-rt-runtime-us (or-nil #(and (int? %) (<= -1 % 1000000)))
           "nil, -1 (no throttling) or microseconds 0..1000000")
    (check :timer-migration (or-nil #{0 1}) "nil, 0 or 1")
    (check :stat-interval (or-nil #(and (int? %) (<= 1 % 3600))) "nil or seconds 1..3600")
    (check :undo-file #(and (string? %) (not (str/blank? %))) "a file path (relative to the project root)")
    (assoc o
           :ops-core ops
           :hot-cores (into (sorted-set) hot)
           :irq-cpus (into (sorted-set) (or (:irq-cpus o) [ops])))))

;; ---------------------------------------------------------------------------------------------------------
;; Tunables: what each one is, read and compared as text

(defn- bracketed-or-text
  "The selected value of a sysfs choice such as \"always [madvise] never\", or the text itself."
  [text]
  (or (second (re-find #"\[([^\]]+)\]" text)) text))

(defn parse-cpu-mask
  "CPUs set in a kernel hex mask such as \"3\" or \"ffffffff,00000001\"."
  [s]
  (let [hex (str/replace (str/trim (str s)) "," "")]
    (if (re-matches #"[0-9a-fA-F]+" hex)
      (let [bits (BigInteger. hex 16)]
        (into (sorted-set) (filter #(.testBit bits (int %))) (range (.bitLength bits))))
      #{})))

(defn cpu-mask-str
  "A kernel hex mask for CPUs, in comma-separated 32-bit words as the kernel prints them: #{0 1} gives \"3\"."
  [cpus]
  (let [bits (reduce (fn [^BigInteger b cpu] (.setBit b (int cpu))) BigInteger/ZERO cpus)
        hex (.toString ^BigInteger bits 16)
        words (loop [s hex acc ()]
                (if (<= (count s) 8)
                  (cons s acc)
                  (recur (subs s 0 (- (count s) 8)) (cons (subs s (- (count s) 8)) acc))))]
    (str/join "," words)))

(defn- sysctl
  "A tunable written as one value and applied when it reads back equal."
  [path label desired]
  {:path path :label label :desired (str desired) :applied? #(= (str desired) %)})

(defn tunables
  "Pure: the tunables these options ask for, in the order `apply` changes them, given the IRQ numbers on the
  host. Each is {:path :label :desired :applied? (fn [current-text])}; IRQ entries carry :irq."
  [opts irq-numbers]
  (let [{:keys [hot-cores irq-cpus]} opts
        off-hot? (fn [cpus] (not-any? hot-cores cpus))]
    (concat
      (when (:irq-affinity opts)
        (cons {:path "/proc/irq/default_smp_affinity" :label "irq default affinity"
               :desired (cpu-mask-str irq-cpus) :applied? #(off-hot? (parse-cpu-mask %))}
              (for [n irq-numbers]
                {:path (str "/proc/irq/" n "/smp_affinity_list") :label (str "irq " n) :irq n
                 :desired (cpu-list-str irq-cpus) :applied? #(off-hot? (parse-cpu-list %))})))
      (when-let [n (:huge-pages opts)]
        ;; at least n: a larger reservation belongs to someone else and stays
        [{:path "/proc/sys/vm/nr_hugepages" :label "huge pages" :desired (str n)
          :applied? #(when-let [v (parse-long %)] (>= (long v) (long n)))}])
      (when-let [v (:thp-enabled opts)]
        [(sysctl "/sys/kernel/mm/transparent_hugepage/enabled" "THP enabled" v)])
      (when-let [v (:thp-defrag opts)]
        [(sysctl "/sys/kernel/mm/transparent_hugepage/defrag" "THP defrag" v)])
      (when-let [v (:sched-rt-runtime-us opts)]
        [(sysctl "/proc/sys/kernel/sched_rt_runtime_us" "sched_rt_runtime_us" v)])
      (when-let [v (:timer-migration opts)]
        [(sysctl "/proc/sys/kernel/timer_migration" "timer_migration" v)])
      (when-let [v (:stat-interval opts)]
        [(sysctl "/proc/sys/vm/stat_interval" "vm.stat_interval" v)]))))

;; ---------------------------------------------------------------------------------------------------------
;; Reading the host and the undo file (effects)

(defn- read-value
  "The current value of root+path as text (the selected one for a sysfs choice), or nil when unreadable."
  [root path]
  (some-> (proc/read-file (str root path)) str/trim bracketed-or-text))

(defn- irq-numbers
  [root]
  (sort (keep parse-long (.list (io/file (str root "/proc/irq"))))))

(defn snapshot
  "Reads the host under root (\"\" for this one): {:irqs [numbers] :names {irq name} :values {path text}
  :boot-id text} where :values holds every tunable these options could touch (nil where unreadable)."
  [root opts]
  (let [irqs (irq-numbers root)
        names (some-> (proc/read-file (str root "/proc/interrupts")) parse-interrupts)]
    {:irqs (vec irqs)
     :names (into {} (map (fn [[irq {:keys [name]}]] [irq name])) names)
     :values (into {} (map (fn [{:keys [path]}] [path (read-value root path)])) (tunables opts irqs))
     :boot-id (some-> (proc/read-file (str root "/proc/sys/kernel/random/boot_id")) str/trim)}))

(defn undo-path
  "Where the undo file of these options lives: :undo-file against the project root unless absolute."
  ^File [opts]
  (.toFile (config/resolve-path (:undo-file opts))))

(defn read-undo
  "The undo file as data, nil when there is none; throws an ex-info when it is there but not readable EDN."
  [^File f]
  (when (.exists f)
    (let [data (try (edn/read-string (slurp f))
                    (catch Exception e
                      (throw (ex-info (str "undo file " f " is not readable EDN (" (.getMessage e)
                                           "); move it away to start again")
                                      {::error :bad-undo-file} e))))]
      (when-not (and (map? data) (vector? (:changes data)))
        (throw (ex-info (str "undo file " f " has no :changes vector; move it away to start again")
                        {::error :bad-undo-file})))
      data)))

(defn- write-atomically!
  "Writes text to f through a temporary file beside it, forced to disk and renamed over f."
  [^File f ^String text]
  (let [dir (.getAbsoluteFile (.getParentFile (.getAbsoluteFile f)))
        _ (.mkdirs dir)
        tmp (File. dir (str "." (.getName f) ".tmp"))]
    (with-open [out (FileOutputStream. tmp)]
      (.write out (.getBytes text StandardCharsets/UTF_8))
      (.force (.getChannel out) true))
    (try
      (Files/move (.toPath tmp) (.toPath f)
                  (into-array CopyOption [StandardCopyOption/ATOMIC_MOVE StandardCopyOption/REPLACE_EXISTING]))
      (catch AtomicMoveNotSupportedException _
        (Files/move (.toPath tmp) (.toPath f) (into-array CopyOption [StandardCopyOption/REPLACE_EXISTING]))))))

(defn- write-undo!
  [^File f undo]
  (write-atomically! f (with-out-str (binding [*print-namespace-maps* false] (pprint/pprint undo)))))

(defn write-value!
  "Writes one value (and a newline, as echo does) to a /proc or /sys file in a single write()."
  [path ^String text]
  (with-open [out (FileOutputStream. (str path))]
    (.write out (.getBytes (str text "\n") StandardCharsets/US_ASCII))))

(defn- failure
  "What an exception from a /proc or /sys write means: {:status :refused|:denied|:missing|:failed :reason}."
  [^Exception e]
  (let [msg (str (.getMessage e))]
    (cond
      ;; EIO: the kernel will not do it (managed or per-CPU IRQs); expected, not an error
      (str/includes? msg "Input/output error") {:status :refused :reason "the kernel refused (EIO)"}
      ;; EPERM to root: an IRQ the kernel keeps where it is (seen on this VM's virtio IRQs); not an error either
      (str/includes? msg "Operation not permitted") {:status :refused :reason "the kernel refused (EPERM)"}
      (str/includes? msg "Permission denied") {:status :denied :reason "permission denied"}
      (str/includes? msg "Read-only file system") {:status :denied :reason "read-only file system"}
      (and (instance? FileNotFoundException e) (str/includes? msg "No such file"))
      {:status :missing :reason "no longer exists"}
      :else {:status :failed :reason msg})))

(defn- write-one!
  "Writes text to root+path with write-fn; the outcome as {:status :applied|... :reason}."
  [write-fn root path text]
  (try
    (write-fn (str root path) text)
    {:status :applied :reason ""}
    (catch IOException e (failure e))))

(defn- not-writable
  "The first of these paths (under root) that exists and this process may not write, or nil."
  [root paths]
  (first (filter (fn [path]
                   (let [p (.toPath (io/file (str root path)))]
                     (and (Files/exists p (make-array java.nio.file.LinkOption 0)) (not (Files/isWritable p)))))
                 paths)))

(defn needs-root-message
  "What to tell a user who may not write path."
  [verb path]
  (str "cannot write " path ": `tune " verb "` needs root (sudo bin/corezero tune " verb " ...)"
       "; in a container /proc/sys and /sys are often read-only"))

;; ---------------------------------------------------------------------------------------------------------
;; Planning (pure)

(defn stale?
  "Whether an undo file was written in another boot than this snapshot's (the reboot restored the values)."
  [undo snap]
  (boolean (and undo (:boot-id undo) (:boot-id snap) (not= (:boot-id undo) (:boot-id snap)))))

(defn plan
  "Pure: the changes that bring this snapshot to what the options ask, in order, each
  {:path :label :from :to}. A tunable already applied, or not readable (absent on this kernel), is skipped."
  [opts snap]
  (vec (for [{:keys [path label desired applied?]} (tunables opts (:irqs snap))
             :let [current (get-in snap [:values path])]
             :when (and (some? current) (not (applied? current)))]
         {:path path :label label :from current :to desired})))

(defn- with-originals
  "The undo data for these changes: the recorded originals of a current undo file stay, new paths append."
  [undo snap changes]
  (let [recorded (set (map :path (:changes undo)))]
    {:format 1
     :boot-id (:boot-id snap)
     :written (str (Instant/now))
     :changes (into (vec (:changes undo))
                    (comp (remove #(recorded (:path %)))
                          (map (fn [{:keys [path label from]}] {:path path :label label :original from})))
                    changes)}))

;; ---------------------------------------------------------------------------------------------------------
;; apply! and undo!

(defn- context
  [{:keys [root undo-file write-fn] :or {root ""}} opts]
  {:root root
   :undo-file (if undo-file (io/file undo-file) (undo-path opts))
   :write-fn (or write-fn write-value!)})

(defn apply!
  "Applies the options (from `options`) to the host under :root (default \"\", this host). The originals are
  recorded in the undo file (:undo-file, default the options') before anything changes. Returns
  {:results [{:path :label :from :to :status :reason}] :undo-file :notes [..] :error msg-or-nil};
  :status is :applied, :short (written, but the kernel gave less), :refused (EIO), or :denied :missing :failed."
  ([opts] (apply! opts {}))
  ([opts ctx]
   (let [{:keys [root ^File undo-file write-fn]} (context ctx opts)
         snap (snapshot root opts)
         found (read-undo undo-file)
         stale (stale? found snap)
         undo (when-not stale found)
         changes (plan opts snap)
         notes (cond-> []
                 stale (conj (str "undo file " undo-file " was written before the last reboot: "
                                  (if (seq changes) "replaced" "removed")))
                 (empty? changes) (conj "nothing to change: every tunable already has its value"))]
     (if-let [denied (not-writable root (map :path changes))]
       {:results [] :undo-file (str undo-file) :notes notes :error (needs-root-message "apply" denied)}
       (let [tunable (into {} (map (juxt :path identity)) (tunables opts (:irqs snap)))
             _ (when (and stale (empty? changes)) (io/delete-file undo-file true))
             _ (when (seq changes) (write-undo! undo-file (with-originals undo snap changes)))
             results (mapv (fn [{:keys [path to] :as change}]
                             (let [outcome (write-one! write-fn root path to)
                                   now (read-value root path)]
                               (merge change outcome
                                      (when (and (= :applied (:status outcome))
                                                 (not ((:applied? (tunable path)) (str now))))
                                        {:status :short :reason (str "the kernel has " now)}))))
                           changes)
             unchanged (set (map :path (remove #(#{:applied :short} (:status %)) results)))
             kept (with-originals undo snap (remove #(unchanged (:path %)) changes))]
         ;; what did not change needs no undo: the file keeps only what this or an earlier apply changed
         (when (seq changes)
           (if (seq (:changes kept))
             (write-undo! undo-file kept)
             (io/delete-file undo-file true)))
         {:results results
          :undo-file (str undo-file)
          :notes notes
          :error (some #(when (= :denied (:status %)) (needs-root-message "apply" (:path %))) results)})))))

(defn undo!
  "Writes back every value recorded in the undo file, last change first, then removes the file. A value that
  can no longer be written is reported, not fatal; when this process may not write, nothing is written and
  the file stays. Returns {:results [{:path :label :original :status :reason}] :undo-file :notes :error};
  :status is :restored, :refused, :missing, :denied or :failed."
  ([opts] (undo! opts {}))
  ([opts ctx]
   (let [{:keys [root ^File undo-file write-fn]} (context ctx opts)
         undo (read-undo undo-file)
         boot-id (some-> (proc/read-file (str root "/proc/sys/kernel/random/boot_id")) str/trim)
         changes (reverse (:changes undo))]
     (cond
       (nil? undo)
       {:results [] :undo-file (str undo-file) :notes [(str "nothing to undo: no undo file " undo-file)]}

       (stale? undo {:boot-id boot-id})
       (do (io/delete-file undo-file true)
           {:results [] :undo-file (str undo-file)
            :notes [(str "undo file " undo-file " was written before the last reboot, which restored the"
                         " kernel's values: nothing written, file removed")]})

       :else
       (if-let [denied (not-writable root (map :path changes))]
         {:results [] :undo-file (str undo-file) :notes [] :error (needs-root-message "undo" denied)}
         (let [results (mapv (fn [{:keys [path original] :as c}]
                               (merge c (if (.exists (io/file (str root path)))
                                          (let [r (write-one! write-fn root path original)]
                                            (if (= :applied (:status r)) (assoc r :status :restored) r))
                                          {:status :missing :reason "no longer exists"})))
                             changes)
               denied (some #(when (= :denied (:status %)) (:path %)) results)]
           (if denied
             ;; keep what was not restored, so that root can finish the job
             (write-undo! undo-file (assoc undo :changes (vec (reverse (remove #(= :restored (:status %))
                                                                                results)))))
             (io/delete-file undo-file true))
           {:results results :undo-file (str undo-file) :notes []
            :error (when denied (needs-root-message "undo" denied))}))))))

;; ---------------------------------------------------------------------------------------------------------
;; show

(defn show-rows
  "Pure: one row per tunable {:tunable :current :desired :original :applied}; the IRQs are summed up in one
  row. `undo` is the undo file's data or nil."
  [opts snap undo]
  (let [originals (into {} (map (juxt :path :original)) (:changes undo))
        all (tunables opts (:irqs snap))
        irq? :irq
        row (fn [{:keys [path label desired applied?]}]
              (let [current (get-in snap [:values path])]
                {:tunable label
                 :current (or current "unreadable")
                 :desired (if (= "huge pages" label) (str ">= " desired) desired)
                 :original (get originals path "-")
                 :applied (cond (nil? current) "n/a" (applied? current) "yes" :else "no")}))
        irq-rows (map row (filter irq? all))
        others (map row (remove irq? all))
        hot (cpu-list-str (:hot-cores opts))
        summary {:tunable (str "irq affinity (" (count irq-rows) " irqs)")
                 :current (str (count (filter #(= "no" (:applied %)) irq-rows)) " on hot core " hot)
                 :desired (str "none on " hot " (to " (cpu-list-str (:irq-cpus opts)) ")")
                 :original (let [n (count (filter #(re-matches #"/proc/irq/\d+/smp_affinity_list" %)
                                                  (keys originals)))]
                             (if (pos? n) (str n " moved, recorded") "-"))
                 :applied (if (some #(= "no" (:applied %)) irq-rows) "no" "yes")}]
    (if (:irq-affinity opts)
      ;; the default affinity row comes first, then the IRQs, then the rest
      (concat (take 1 others) [summary] (drop 1 others))
      others)))

(defn hot-irqs
  "Pure: the IRQs of a snapshot allowed on a hot core, as rows {:irq :name :affinity}."
  [opts snap]
  (for [n (:irqs snap)
        :let [aff (get-in snap [:values (str "/proc/irq/" n "/smp_affinity_list")])]
        :when (and aff (some (:hot-cores opts) (parse-cpu-list aff)))]
    ;; the IRQ as text: the table would print 1024 as "1,024"
    {:irq (str n) :name (get-in snap [:names n] "") :affinity aff}))

(defn show
  "The text `tune show` prints for the host under :root: the tunables, the undo file's state, the IRQs on
  hot cores."
  ([opts] (show opts {}))
  ([opts ctx]
   (let [{:keys [root ^File undo-file]} (context ctx opts)
         snap (snapshot root opts)
         undo (read-undo undo-file)
         stale (stale? undo snap)
         irqs (hot-irqs opts snap)]
     (str (table/render [:tunable :current :desired :original :applied]
                        (show-rows opts snap (when-not stale undo)))
          "\n\n"
          (cond
            (nil? undo) (str "no undo file (" undo-file "): nothing applied by `tune apply`")
            stale (str "undo file " undo-file " is from before the last reboot: stale, the kernel's values are back")
            :else (str "undo file " undo-file ": " (count (:changes undo)) " original values, written "
                       (:written undo) "; `tune undo` restores them"))
          "\n\n"
          (if (empty? irqs)
            (str "no IRQ is allowed on hot core " (cpu-list-str (:hot-cores opts)))
            (str "IRQs allowed on hot core " (cpu-list-str (:hot-cores opts)) ":\n"
                 (table/render [:irq :name :affinity] irqs)))))))

;; ---------------------------------------------------------------------------------------------------------
;; Reports and the command line

(defn report
  "The text for the result of apply! or undo!: one line per value changed, refused or failed, then notes."
  [verb {:keys [results notes error undo-file]}]
  (let [line (fn [{:keys [label path from to original status reason]}]
               (str "  " (name status) "  " label "  " path
                    (if original (str "  -> " original) (str "  " from " -> " to))
                    (when (seq reason) (str "  (" reason ")"))))
        counts (frequencies (map :status results))]
    (str/join "\n"
              (concat
                (map line results)
                notes
                (when (seq results)
                  [(str "corezero tune " verb ": "
                        (str/join ", " (for [[k n] (sort-by key counts)] (str n " " (name k))))
                        (when (= "apply" verb) (str "; originals in " undo-file)))])
                (when error [(str "corezero tune: " error)])))))

(defn- err
  [& xs]
  (binding [*out* *err*]
    (println (apply str xs))
    (flush)))

(defn- parse-args
  "[sub CONFIG? --root DIR --undo-file PATH] as a map, or nil when malformed."
  [args]
  (loop [[a & more :as args] args acc {:config "demo"} positional []]
    (cond
      (empty? args) (let [[sub cfg & extra] positional]
                      (when (and (#{"apply" "undo" "show"} sub) (empty? extra))
                        (cond-> (assoc acc :sub sub) cfg (assoc :config cfg))))
      (#{"--root" "--undo-file"} a) (when (seq more)
                                     (recur (rest more) (assoc acc (keyword (subs a 2)) (first more)) positional))
      :else (recur more acc (conj positional a)))))

(defn run
  "What `bin/corezero tune` does with its arguments; prints, and returns the exit code: 0 done (refused IRQs
  included), 1 a value could not be written, 2 usage or bad configuration."
  [args]
  (if-let [{:keys [sub config root undo-file]} (parse-args args)]
    (try
      (let [opts (options (config/load-config config))
            ctx (cond-> {:root (or root "")} undo-file (assoc :undo-file undo-file))]
        (case sub
          "show" (do (println (show opts ctx)) 0)
          "apply" (let [r (apply! opts ctx)]
                    (println (report "apply" r))
                    (if (or (:error r) (some #(#{:failed :denied} (:status %)) (:results r))) 1 0))
          "undo" (let [r (undo! opts ctx)]
                   (println (report "undo" r))
                   (if (or (:error r) (some #(#{:failed :denied} (:status %)) (:results r))) 1 0))))
      (catch clojure.lang.ExceptionInfo ex
        (err "corezero tune: " (ex-message ex))
        2)
      (catch IOException ex
        (err "corezero tune: " (.getMessage ex))
        1))
    (do (err "usage: bin/corezero tune apply|undo|show [CONFIG] [--root DIR] [--undo-file PATH]")
        2)))

(defn -main
  "Entry point of `bin/corezero tune` (run through clojure.main -m)."
  [& args]
  (let [code (run args)]
    (shutdown-agents)
    (System/exit code)))
