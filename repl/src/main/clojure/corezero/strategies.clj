(ns corezero.strategies
  "Strategies written in Clojure, loaded into the running engine from core 0: compile with every reflection and
  boxed-math warning an error, a shadow run over recorded market data (exceptions, cost and allocation per event,
  the longest event), then a swap at one event boundary; rollback, pause, resume, unload, a file watch, and
  (strategies) to see every slot.

  A strategy file is one namespace defining `params` (keyword → {:default :min :max :doc}, all longs) and
  `create` (no arguments → a new instance of a deftype implementing corezero.strategy.Strategy). Each load
  evaluates the file into a namespace of its own, the file's name suffixed with the id and version
  (strategies.market-maker.mm-v3): the live version's functions and classes are never redefined by the next
  load, and a rollback returns to code that was not touched.

  A Java strategy file (.java) is one public top-level class named as the file, implementing Strategy, with a
  public no-arg constructor (`create` calls it) and `public static Map<String, long[]> params()` (key →
  {default, min, max}). Each load compiles it with javac (-Xlint:all -Werror: any warning refuses it) and loads
  it in a class loader of its own, so each load is a new class even under the same name. Everything after the
  compile step is shared."
  (:require [clojure.java.io :as io]
            [clojure.main :as main]
            [clojure.string :as str]
            [corezero.config :as config]
            [corezero.engine :as engine]
            [corezero.table :as table])
  (:import (clojure.lang Compiler$CompilerException ExceptionInfo LineNumberingPushbackReader
                        LispReader$ReaderException)
           (corezero.core CommandClient CommandException Engine TradingSnapshot)
           (corezero.risk RiskLimits)
           (corezero.strategy ShadowRun ShadowRun$Report Strategy StrategyChange StrategySlots
                              StrategySlotsSnapshot)
           (java.io File PrintWriter StringWriter Writer)
           (java.lang.management ManagementFactory ThreadMXBean)
           (java.lang.reflect Constructor InvocationTargetException Method Modifier)
           (java.net URL URLClassLoader)
           (java.nio.file Files)
           (java.nio.file.attribute FileAttribute)
           (java.security MessageDigest)
           (java.time Duration Instant)
           (java.util HexFormat Locale Map)
           (java.util.function Supplier)
           (java.util.regex Pattern)
           (javax.tools Diagnostic Diagnostic$Kind DiagnosticCollector JavaCompiler StandardJavaFileManager
                        ToolProvider)
           (org.agrona DirectBuffer)))

(set! *warn-on-reflection* true)

(def ^:private slot-count corezero.core.ParamTable/SLOT_COUNT)

(def default-opts
  "Options of load-strategy! left out: orders of the old version cancelled at the swap, the shared AAPL slice
  replayed, no allocation per event allowed, no event longer than 200 µs, three shadow passes, and a version that
  throws on the hot thread quarantined (`:on-fault :rollback` puts the version it replaced back instead)."
  {:orders :cancel :shadow-file nil :allow-allocation false :max-event-us 200 :passes 3 :on-fault :quarantine})

(def ^:private shared-slice "data/itch50-aapl-20200130-10k.bin")

(def ^:private confirm-passes
  "Further warm passes allocation must show in, each of them, to refuse a load."
  2)

;; ---------------------------------------------------------------------------------------------- registry

;; Core 0's record of what it loaded, for the engine it loaded into (a new engine starts a new record):
;; {:engine e :ids {id {:id :slot :current version :previous version :history [...] :next-version n}}}
;; A version: {:version :file :sha256 :ns (Clojure) :class (Java) :loaded-at :params :spec :create :instance}.
(defonce ^:private registry (atom {:engine nil :ids {}}))

(defonce ^:private watches (atom {}))

(defn- ids
  "The registry's entries for the running engine (a stale record of an engine since stopped is dropped)."
  []
  (let [e (engine/engine)]
    (:ids (swap! registry (fn [r] (if (identical? e (:engine r)) r {:engine e :ids {}}))))))

(defn- entry
  [id]
  (get (ids) id))

(defn- update-entry!
  [id f & args]
  (ids)
  (swap! registry (fn [r] (apply update-in r [:ids id] f args))))

(defn- fail
  "An ex-info for a refused operation; `data` carries the details (and ::error)."
  [msg data]
  (ex-info msg (merge {::error :refused} data)))

;; ---------------------------------------------------------------------------------------------- commands

(defn- timeout
  ^Duration []
  (Duration/ofMillis (or (get-in (engine/current) [:config :ops :command-timeout-ms]) 1000)))

(defn- hot!
  "Runs `f` with the command client; a CommandException (timeout, back pressure) becomes an ex-info."
  [f]
  (try
    (f (.commands (engine/engine)) (timeout))
    (catch CommandException ex
      (throw (ex-info (.getMessage ex) {::error (keyword (str/lower-case (str (.kind ex))))})))))

(defn- slots-snapshot
  ^StrategySlotsSnapshot []
  (hot! (fn [^CommandClient c ^Duration t] (.fill c (StrategySlotsSnapshot.) t))))

(def ^:private outcome-names
  {StrategyChange/OK :applied StrategyChange/BAD_SLOT :bad-slot StrategyChange/WRONG_STATE :wrong-state
   StrategyChange/STATE_TRANSFER_FAILED :state-transfer-failed StrategyChange/START_FAILED :start-failed
   StrategyChange/STATE_TOO_LARGE :state-too-large StrategyChange/BAD_CHANGE :bad-change})

(def ^:private order-policies
  {:cancel StrategyChange/CANCEL_ORDERS :hand-over StrategyChange/HAND_OVER_ORDERS})

(defn- change!
  "Hands a StrategyChange to the hot thread and waits until it was applied between two events. With
  `rollback-on-fault`, a later fault of the new version puts the previous one back at once."
  (^StrategyChange [kind slot next orders] (change! kind slot next orders false))
  (^StrategyChange [kind slot next orders rollback-on-fault]
   (let [policy (or (order-policies orders)
                    (throw (fail (str ":orders must be :cancel or :hand-over, got " (pr-str orders))
                                 {::error :bad-argument})))
         ch (StrategyChange. (int kind) (int slot) ^Strategy next (int policy))]
     (when rollback-on-fault
       (.rollbackOnFault ch))
     (hot! (fn [^CommandClient c ^Duration t] (.changeStrategy c ch t))))))

(defn- change-result
  [^StrategyChange ch]
  (cond-> {:outcome (outcome-names (.outcome ch) :not-applied)
           :input-sequence (.inputSequence ch)}
    (.failure ch) (assoc :failure (str (.failure ch)))))

(defn- set-params!
  "Sets every parameter in the slot, each a command applied between two events."
  [slot params]
  (doseq [[k v] (sort-by key params)]
    (hot! (fn [^CommandClient c ^Duration t] (.setParam c (int slot) (name k) (long v) t)))))

;; ---------------------------------------------------------------------------------------------- params

(defn- long-value? [v] (and (int? v) (<= Long/MIN_VALUE v Long/MAX_VALUE)))

(defn check-spec
  "Checks a strategy's `params` declaration; returns it or throws naming the first bad entry."
  [spec]
  (when-not (map? spec)
    (throw (fail (str "params must be a map of keyword to {:default :min :max :doc}, got " (pr-str spec))
                 {::error :bad-spec})))
  (when (> (count spec) corezero.core.ParamTable/PARAMS_PER_SLOT)
    (throw (fail (str "params declares " (count spec) " keys; a slot holds "
                      corezero.core.ParamTable/PARAMS_PER_SLOT) {::error :bad-spec})))
  (doseq [[k {:keys [default min max] :as p}] spec]
    (when-not (and (keyword? k) (re-matches #"[!-~]{1,32}" (name k)) (nil? (namespace k)))
      (throw (fail (str "params key " (pr-str k) " must be a plain keyword of 1..32 printable ASCII characters")
                   {::error :bad-spec :key k})))
    (when-not (and (map? p) (every? long-value? [default min max]) (<= min default max))
      (throw (fail (str "params " k " must be {:default :min :max} longs with min <= default <= max, got "
                        (pr-str p))
                   {::error :bad-spec :key k}))))
  spec)

(defn- overrides
  "The parameters of a live version that differ from its own defaults (given at its load or set live since):
  those carry over to the next version; a default changed in the file takes effect."
  [{:keys [params spec]}]
  (into {} (remove (fn [[k v]] (= v (get-in spec [k :default])))) params))

(defn check-params
  "The values a slot gets: `spec`'s defaults, then `carried` (a previous version's values that differ from its
  defaults, still declared), then `given`. Throws on a key the spec does not declare or a value out of its bounds."
  [spec carried given]
  (doseq [[k v] given]
    (when-not (contains? spec k)
      (throw (fail (str "unknown parameter " (pr-str k) "; declared: " (str/join " " (sort (keys spec))))
                   {::error :bad-param :key k}))))
  (let [values (merge (update-vals spec :default) (select-keys carried (keys spec)) given)]
    (doseq [[k v] values
            :let [{:keys [min max]} (spec k)]]
      (when-not (and (long-value? v) (<= min v max))
        (throw (fail (str "parameter " k " = " (pr-str v) " is out of bounds [" min ", " max "]"
                          (when-not (contains? given k) " (carried from the live version; pass it explicitly)"))
                     {::error :bad-param :key k :value v :min min :max max}))))
    values))

;; ---------------------------------------------------------------------------------------------- compile

(def ^:private warning-line #"(?s)(\w[\w ]*warning), (.*):(\d+):(\d+) - (.*)")

(defn parse-warnings
  "The compiler's warnings (one per line of `text`) as maps; a line that is not a located warning is kept
  whole as :message."
  [text]
  (vec (for [line (str/split-lines text)
             :when (not (str/blank? line))]
         (if-let [[_ kind file l c msg] (re-matches warning-line line)]
           {:kind kind :file file :line (parse-long l) :column (parse-long c) :message msg}
           {:kind "warning" :message line}))))

(defn- sha256
  [^bytes bs]
  (.formatHex (HexFormat/of) (.digest (MessageDigest/getInstance "SHA-256") bs)))

(defn- versioned-ns
  [ns-sym id version]
  (symbol (str ns-sym "." (name id) "-v" version)))

(defn- read-forms
  "Every top-level form of the source with its first and last line and its text."
  [^String source ^String path]
  (let [rdr (LineNumberingPushbackReader. (java.io.StringReader. source))]
    (binding [*file* path]
      (loop [forms []]
        (.captureString rdr)
        (let [line (inc (.getLineNumber rdr))
              form (read {:eof ::eof :read-cond :allow} rdr)
              text (str/trim (.getString rdr))]
          (if (= ::eof form)
            forms
            (recur (conj forms {:form form :line line :end-line (.getLineNumber rdr) :text text}))))))))

(defn- enclosing-form
  [forms line]
  (some (fn [{l :line e :end-line text :text}]
          (when (and line (<= l line e)) (first (str/split-lines text))))
        forms))

(defn- located
  "A compile problem as data: file, line, column, message, the source line and its top-level form."
  [lines forms {:keys [line] :as problem}]
  (cond-> problem
    (and line (<= 1 line (count lines))) (assoc :source-line (str/trim (nth lines (dec line))))
    (and line (seq forms)) (assoc :form (enclosing-form forms line))))

(defn- compile-error
  "A reader or compiler exception as a located problem."
  [^Throwable ex path]
  (if-let [^LispReader$ReaderException rex (some #(when (instance? LispReader$ReaderException %) %)
                                                 (take-while some? (iterate ex-cause ex)))]
    {:kind "syntax error" :file path :line (.-line rex) :column (.-column rex)
     :message (ex-message (or (ex-cause rex) rex))}
    (let [{:clojure.error/keys [line column cause] :as triage} (main/ex-triage (Throwable->map ex))]
      {:kind (if (instance? Compiler$CompilerException ex) "compile error" "error")
       :file path
       :line line
       :column column
       :message (or cause (str/trim (main/ex-str triage)))})))

(defn- compile-clojure
  "Evaluates a strategy file into namespace `ns-name` (its ns form renamed) with *warn-on-reflection* and
  *unchecked-math* :warn-on-boxed set before every top-level form. Returns {:ns :spec :create :sha256 :ms},
  or {:problems [...]} naming file, line, column, message and form for every warning or the error."
  [^File file id version]
  (let [started (System/nanoTime)
        path (.getPath file)
        bytes (Files/readAllBytes (.toPath file))
        source (String. bytes "UTF-8")
        lines (str/split-lines source)
        err (StringWriter.)
        target (volatile! nil)
        result (try
                 (let [forms (read-forms source path)
                       [[op ns-sym & ns-rest] & _] (map :form forms)]
                   (when-not (and (= 'ns op) (simple-symbol? ns-sym))
                     (throw (fail (if (empty? forms) "the file is empty" "a strategy file must start with an (ns ...) form")
                                  {:line 1})))
                   (let [target (vreset! target (versioned-ns ns-sym id version))]
                     (binding [*ns* *ns* *file* path *source-path* (.getName file)
                               *warn-on-reflection* true *unchecked-math* :warn-on-boxed
                               *err* (PrintWriter. err true)]
                       (doseq [[i {:keys [form]}] (map-indexed vector forms)]
                         (set! *warn-on-reflection* true)
                         (set! *unchecked-math* :warn-on-boxed)
                         (eval (if (zero? i) (with-meta (list* 'ns target ns-rest) (meta form)) form)))
                       (let [spec (some-> (ns-resolve target 'params) deref)
                             create (some-> (ns-resolve target 'create) deref)]
                         (cond
                           (not (fn? create))
                           (throw (fail (str ns-sym " defines no `create` function") {}))
                           (nil? spec)
                           (throw (fail (str ns-sym " defines no `params` map (use {} for none)") {}))
                           :else {:ns target :spec (check-spec spec) :create create :forms forms})))))
                 (catch Throwable ex
                   {:error ex}))
        warnings (parse-warnings (str err))
        forms (or (:forms result) (try (read-forms source path) (catch Exception _ [])))]
    (when (and @target (or (:error result) (seq warnings)))
      (remove-ns @target))
    (cond
      (:error result)
      (let [ex (:error result)]
        {:problems (conj (mapv #(located lines forms %) warnings)
                         (located lines forms
                                  (if (instance? ExceptionInfo ex)
                                    {:kind "error" :file path :line (:line (ex-data ex)) :message (ex-message ex)}
                                    (compile-error ex path))))})
      (seq warnings) {:problems (mapv #(located lines forms %) warnings)}
      :else (assoc (dissoc result :forms)
                   :sha256 (sha256 bytes)
                   :ms (quot (- (System/nanoTime) started) 1000000)))))

;; ---------------------------------------------------------------------------------------------- compile: Java

(defn- java-class-path
  "The JVM's own class path (entries that exist) and the jars of the strategy API (the core, Agrona), in case a
  launcher keeps them off java.class.path."
  ^String []
  (let [own (str/split (System/getProperty "java.class.path" "") (re-pattern (Pattern/quote File/pathSeparator)))
        api (for [^Class c [Strategy DirectBuffer]
                  :let [src (.getCodeSource (.getProtectionDomain c))]
                  :when (and src (.getLocation src))]
              (.getPath (io/file (.toURI (.getLocation src)))))]
    (str/join File/pathSeparator (distinct (filter #(.exists (io/file ^String %)) (concat own api))))))

(defn- javac-options
  "Every lint warning is an error. `path` is left out: it warns about the JVM's class path (a jar's manifest
  naming a jar that is not there), not about the strategy."
  [^File out]
  ["-Xlint:all,-path" "-Werror" "-proc:none" "-encoding" "UTF-8"
   "--release" (str (.feature (Runtime/version)))
   "-classpath" (java-class-path) "-d" (.getPath out)])

(defn- java-problem
  "A javac diagnostic as a located problem (line and column 1-based, left out when javac gives none; :code is
  javac's key, compiler.warn.raw.class.use)."
  [^Diagnostic d path]
  (let [line (.getLineNumber d)
        column (.getColumnNumber d)]
    (cond-> {:kind (if (= Diagnostic$Kind/ERROR (.getKind d)) "compile error" "warning")
             :file path
             :message (.getMessage d Locale/ROOT)
             :code (.getCode d)}
      (pos? line) (assoc :line line)
      (pos? column) (assoc :column column))))

(defn- javac!
  "Compiles `file` into directory `out`: nil, or the problems (javac's closing \"warnings found and -Werror
  specified\" left out when a located warning says more)."
  [^JavaCompiler compiler ^File file ^File out path]
  (let [diagnostics (DiagnosticCollector.)
        ok (with-open [^StandardJavaFileManager fm (.getStandardFileManager compiler diagnostics Locale/ROOT nil)]
             (.call (.getTask compiler nil fm diagnostics (javac-options out) nil
                              (.getJavaFileObjects fm ^File/1 (into-array File [file])))))
        problems (->> (.getDiagnostics diagnostics)
                      (remove #(= Diagnostic$Kind/NOTE (.getKind ^Diagnostic %)))
                      (mapv #(java-problem % path)))
        located (filterv :line problems)]
    (cond
      (seq located) located
      (seq problems) problems
      (not ok) [{:kind "compile error" :file path :message "javac failed without a diagnostic"}])))

(defn- load-classes
  "Every class javac wrote into `out`, defined by `loader` now (the directory is deleted after)."
  [^ClassLoader loader ^File out]
  (let [root (.toPath out)]
    (doall (for [^File f (file-seq out)
                 :when (str/ends-with? (.getName f) ".class")]
             (Class/forName (-> (str (.relativize root (.toPath f)))
                                (str/replace #"\.class$" "")
                                (str/replace File/separatorChar \.))
                            false loader)))))

(defn- java-spec
  "params() of a Java strategy (key → long[] {default, min, max}) as the spec map the Clojure files declare."
  [^Map m]
  (when-not (instance? Map m)
    (throw (fail "params() must return a Map<String, long[]>" {::error :bad-spec})))
  (into {} (for [[k v] m]
             (if (and (string? k) (instance? long/1 v) (== 3 (alength ^longs v)))
               (let [^longs v v]
                 [(keyword k) {:default (aget v 0) :min (aget v 1) :max (aget v 2)}])
               (throw (fail (str "params() entry " (pr-str k) " must be a long[] {default, min, max}")
                            {::error :bad-spec :key k}))))))

(defn- public-static?
  [^Method m]
  (let [mods (.getModifiers m)]
    (and (Modifier/isPublic mods) (Modifier/isStatic mods))))

(defn- java-strategy
  "The strategy class named as the file among `classes`: {:class :spec :create}; throws naming what is missing."
  [classes ^String simple-name]
  (let [^Class c (some #(when (= simple-name (.getSimpleName ^Class %)) %)
                       (remove #(.getEnclosingClass ^Class %) classes))
        no-args (make-array Class 0)]
    (when-not c
      (throw (fail (str "the file defines no top-level class " simple-name) {})))
    (when-not (and (.isAssignableFrom Strategy c) (Modifier/isPublic (.getModifiers c))
                   (not (Modifier/isAbstract (.getModifiers c))))
      (throw (fail (str (.getName c) " must be a public, concrete class implementing corezero.strategy.Strategy")
                   {})))
    (let [^Constructor ctor (try (.getConstructor c no-args)
                                 (catch NoSuchMethodException _
                                   (throw (fail (str (.getName c) " has no public no-arg constructor") {}))))
          ^Method params (try (.getMethod c "params" no-args)
                              (catch NoSuchMethodException _
                                (throw (fail (str (.getName c) " declares no public static Map<String, long[]>"
                                                  " params() (return Map.of() for none)") {}))))]
      (when-not (and (public-static? params) (.isAssignableFrom Map (.getReturnType params)))
        (throw (fail (str (.getName c) ".params() must be public static and return Map<String, long[]>") {})))
      {:class c
       :spec (check-spec (java-spec (try (.invoke params nil (object-array 0))
                                         (catch InvocationTargetException ex
                                           (throw (fail (str (.getName c) ".params() threw " (.getCause ex))
                                                        {}))))))
       :create (fn []
                 (try
                   (.newInstance ctor (object-array 0))
                   (catch InvocationTargetException ex
                     (throw (.getCause ex)))))})))

(defn- delete-tree!
  [^File dir]
  (doseq [^File f (reverse (file-seq dir))]
    (.delete f)))

(defn- compile-java
  "Compiles a Java strategy file with javac into a fresh directory and loads its classes in a new class loader
  whose parent has Strategy (each load a new class, even under the same name). Returns {:class :spec :create
  :sha256 :ms}, or {:problems [...]} naming file, line, column and message of every warning or error."
  [^File file id version]
  (let [started (System/nanoTime)
        path (.getPath file)
        bytes (Files/readAllBytes (.toPath file))
        lines (str/split-lines (String. bytes "UTF-8"))
        simple-name (str/replace (.getName file) #"\.java$" "")]
    (if-let [compiler (ToolProvider/getSystemJavaCompiler)]
      (let [out (.toFile (Files/createTempDirectory (str "cz-" (name id) "-v" version "-")
                                                    (make-array FileAttribute 0)))]
        (try
          (if-let [problems (javac! compiler file out path)]
            {:problems (mapv #(located lines [] %) problems)}
            (let [loader (URLClassLoader. (into-array URL [(.toURL (.toURI out))]) (.getClassLoader Strategy))]
              (try
                (assoc (java-strategy (load-classes loader out) simple-name)
                       :sha256 (sha256 bytes)
                       :ms (quot (- (System/nanoTime) started) 1000000))
                (catch ExceptionInfo ex
                  {:problems [{:kind "error" :file path :message (ex-message ex)}]})
                (catch Throwable ex
                  {:problems [{:kind "error" :file path :message (str "loading the class threw " ex)}]}))))
          (finally
            (delete-tree! out))))
      {:problems [{:kind "error" :file path
                   :message (str "no Java compiler in this JVM (a JRE?): run the engine on a JDK to load " path)}]})))

(defn compile-file
  "Compiles a strategy file, Clojure or (named *.java) Java, as version `version` of `id`. Returns {:spec :create
  :sha256 :ms} and :ns (Clojure) or :class (Java), or {:problems [...]} naming file, line, column and message of
  every warning or the error."
  [^File file id version]
  (if (str/ends-with? (.getName file) ".java")
    (compile-java file id version)
    (compile-clojure file id version)))

(defn- discard!
  "Drops what a refused version's compile left behind: its namespace (a Java version's classes go with their
  class loader)."
  [compiled]
  (when-let [n (:ns compiled)]
    (remove-ns n)))

(defn- problem-line
  [{:keys [kind file line column message form]}]
  (str kind (when line (str " at " file ":" line (when column (str ":" column))))
       " - " (first (str/split-lines (str message)))
       (when form (str "  in " form))))

;; ---------------------------------------------------------------------------------------------- shadow run

(defn- capture-file
  ^File [opts]
  (if-let [f (:shadow-file opts)]
    (.toFile (config/resolve-path (str f)))
    (if-let [dir (System/getProperty "corezero.shared.dir")]
      (io/file dir shared-slice)
      (.toFile (config/resolve-path (str "../shared/" shared-slice))))))

(defn- risk-limits
  ^RiskLimits [cfg]
  (let [limits (RiskLimits.)]
    (doseq [[k v] (get-in cfg [:order-entry :limits])]
      (.set limits (name k) (long v)))
    limits))

(defn- strategy-bytes
  "Bytes the measured pass allocated less what the same replay allocates with a strategy that does nothing."
  ^long [^ShadowRun$Report r ^long idle-bytes]
  (max 0 (- (.allocatedBytes r) idle-bytes)))

(defn- shadow-stats
  [^ShadowRun$Report r idle-bytes]
  (let [bytes (strategy-bytes r idle-bytes)]
    {:events (.events r)
     :orders (.orders r)
     :risk-rejects (.riskRejects r)
     :cancels (.cancels r)
     :ns-per-event (Math/round (.nsPerEvent r))
     :bytes-per-event (if (pos? (.events r)) (/ (Math/round (/ (* 100.0 bytes) (.events r))) 100.0) 0.0)
     :max-event-us (quot (.maxEventNanos r) 1000)}))

(def ^:private idle
  "A strategy that does nothing: what the replay itself allocates."
  (fn []
    (reify Strategy
      (onStart [_ _])
      (onStop [_])
      (onBookUpdate [_ _ _]))))

(defn- shadow-run
  "Replays the capture through new instances; the report of the last pass."
  ^ShadowRun$Report [create params capture passes]
  (let [cfg (:config (engine/current))
        {:keys [max-orders max-levels max-books]} (:books cfg)
        shadow (ShadowRun. (risk-limits cfg) (int max-orders) (int max-levels) (int max-books))]
    (.run shadow
          (reify Supplier (get [_] (create)))
          (java.util.HashMap. ^java.util.Map (update-keys params name))
          ^bytes capture
          (int passes))))

(defmacro ^:private cpu-timed
  "Runs `body` (a void callback) and keeps the longest thread CPU time any callback took in `max-ns`."
  [threads max-ns & body]
  `(let [t0# (.getCurrentThreadCpuTime ~threads)]
     ~@body
     (let [d# (- (.getCurrentThreadCpuTime ~threads) t0#)]
       (when (> d# ~max-ns) (set! ~max-ns d#)))
     nil))

;; The longest callback in thread CPU time, which a preemption of core 0 does not lengthen (deref to read it).
(deftype ^:private CpuTimed [^Strategy inner ^ThreadMXBean threads ^:unsynchronized-mutable ^long max-ns]
  Strategy
  (onStart [_ context] (.onStart inner context))
  (onStop [_] (.onStop inner))
  (saveState [_ buffer offset] (.saveState inner buffer offset))
  (loadState [_ buffer offset length] (.loadState inner buffer offset length))
  (onBookUpdate [_ locate book] (cpu-timed threads max-ns (.onBookUpdate inner locate book)))
  (onTrade [_ locate shares price] (cpu-timed threads max-ns (.onTrade inner locate shares price)))
  (onOrderUpdate [_ ref from to] (cpu-timed threads max-ns (.onOrderUpdate inner ref from to)))
  (onFill [_ ref locate side shares price] (cpu-timed threads max-ns (.onFill inner ref locate side shares price)))
  (onTimer [_ now] (cpu-timed threads max-ns (.onTimer inner now)))
  clojure.lang.IDeref
  (deref [_] max-ns))

(defn- max-event-cpu-us
  "The longest callback of one warm pass in thread CPU time, µs."
  [create params capture]
  (let [timed (volatile! nil)
        threads (ManagementFactory/getThreadMXBean)]
    (shadow-run #(vreset! timed (CpuTimed. (create) threads 0)) params capture 1)
    (quot (long @@timed) 1000)))

(defn- shadow!
  "The shadow run of a version: {:report :idle-bytes :stats :problem}. Costs are confirmed before they refuse
  it: allocation must show in every one of further warm passes (the JVM may allocate a few bytes once), and a
  long event must be long in thread CPU time too, in two passes (core 0, shared with the JIT, the GC and the
  REPL, is often preempted in the middle of an event)."
  [create values capture {:keys [passes allow-allocation max-event-us]}]
  (let [idle-bytes (.allocatedBytes (shadow-run idle values capture 2))
        ^ShadowRun$Report r (loop [^ShadowRun$Report r (shadow-run create values capture passes) retries confirm-passes]
                              (if (and (pos? retries) (nil? (.failure r)) (not allow-allocation)
                                       (pos? (strategy-bytes r idle-bytes)))
                                (recur (shadow-run create values capture 1) (dec retries))
                                r))
        bytes (strategy-bytes r idle-bytes)
        wall-us (quot (.maxEventNanos r) 1000)
        cpu-us (when (and (nil? (.failure r)) (> wall-us (long max-event-us)))
                 ;; The smaller of two CPU-timed passes: a slow strategy is slow in both, a one-off stall (JIT,
                 ;; a page fault, the host) is not.
                 (let [first-us (max-event-cpu-us create values capture)]
                   (if (> (long first-us) (long max-event-us))
                     (min (long first-us) (long (max-event-cpu-us create values capture)))
                     first-us)))]
    {:report r
     :stats (cond-> (shadow-stats r idle-bytes) cpu-us (assoc :max-event-cpu-us cpu-us))
     :problem (cond
                (.failure r)
                (str "threw on event " (.failedAtEvent r) ": " (.failure r))
                (and (not allow-allocation) (pos? bytes))
                (str "allocated " bytes " bytes over " (.events r) " events ("
                     (format "%.2f" (/ (double bytes) (max 1 (.events r))))
                     " bytes/event) after warm-up; pass :allow-allocation true to accept")
                (and cpu-us (> (long cpu-us) (long max-event-us)))
                (str "its longest event took " cpu-us " µs of CPU (" wall-us " µs), over :max-event-us "
                     max-event-us))}))

;; ---------------------------------------------------------------------------------------------- slots

(defn- configured-slots
  []
  (set (map :slot (get-in (engine/current) [:config :strategies]))))

(defn- pick-slot
  [id opts ^StrategySlotsSnapshot snap]
  (let [taken (into {} (for [[other {:keys [slot]}] (ids) :when (not= other id)] [slot other]))]
    (if-let [s (:slot opts)]
      (cond
        (not (and (int? s) (< -1 s slot-count)))
        (throw (fail (str ":slot must be 0.." (dec slot-count) ", got " (pr-str s)) {::error :bad-argument}))
        (taken s) (throw (fail (str "slot " s " belongs to " (taken s)) {::error :slot-taken}))
        (and (:slot (entry id)) (not= s (:slot (entry id))))
        (throw (fail (str id " is in slot " (:slot (entry id)) "; unload it, or load under another id")
                     {::error :slot-taken}))
        :else s)
      (or (:slot (entry id))
          (first (for [s (range slot-count)
                       :when (and (not (taken s)) (not ((configured-slots) s))
                                  (= StrategySlots/EMPTY (.state snap (int s))))]
                   s))
          (throw (fail (str "no free strategy slot for " id ": all " slot-count
                            " are taken by the configuration or other ids") {::error :no-slot}))))))

(defn- check-id
  [id]
  (when-not (simple-keyword? id)
    (throw (fail (str "strategy id must be a keyword such as :mm, got " (pr-str id)) {::error :bad-argument}))))

(defn- entry-for
  [id]
  (check-id id)
  (or (entry id) (throw (fail (str "no strategy " id " was loaded; loaded: " (str/join " " (sort (keys (ids)))))
                              {::error :unknown-id}))))

;; ---------------------------------------------------------------------------------------------- load

(def ^:private load-lock (Object.))

(defn- refuse!
  "Records a refused load in the id's history and throws its report."
  [id step why report]
  (when (entry id)
    (update-entry! id update :history conj {:event :refused :at (Instant/now) :step step :why why}))
  (throw (ex-info (str "load-strategy! " id " refused at " (name step) ": " why)
                  (assoc report ::error :refused :step step :why why))))

(defn- load-version!
  [id file params opts]
  (let [opts (merge default-opts opts)
        f (io/file (str file))
        snap (slots-snapshot)
        slot (pick-slot id opts snap)
        version (or (:next-version (entry id)) 1)
        base {:id id :slot slot :version version :file (.getPath f)}]
    (when-not (.isFile f)
      (refuse! id :compile (str "no file " (.getPath f)) base))
    (when-not (pos-int? (:passes opts))
      (refuse! id :compile (str ":passes must be a positive integer, got " (pr-str (:passes opts))) base))
    (when-not (#{:quarantine :rollback} (:on-fault opts))
      (refuse! id :compile (str ":on-fault must be :quarantine or :rollback, got " (pr-str (:on-fault opts))) base))
    (when-not (order-policies (:orders opts))
      (refuse! id :compile (str ":orders must be :cancel or :hand-over, got " (pr-str (:orders opts))) base))
    (let [compiled (compile-file f id version)]
      (when-let [problems (:problems compiled)]
        (refuse! id :compile (str/join "; " (map problem-line problems)) (assoc base :problems problems)))
      (let [{:keys [spec create sha256 ms]} compiled
            values (try
                     (check-params spec (overrides (:current (entry id))) params)
                     (catch ExceptionInfo ex
                       (discard! compiled)
                       (refuse! id :params (ex-message ex) (merge base (ex-data ex)))))
            capture-path (capture-file opts)
            _ (when-not (.isFile capture-path)
                (discard! compiled)
                (refuse! id :shadow (str "no shadow capture " capture-path) base))
            capture (ShadowRun/readCapture (.toPath capture-path))
            shadow-started (System/nanoTime)
            {:keys [^ShadowRun$Report report stats problem]}
            (try
              (shadow! create values capture opts)
              (catch Exception ex
                (discard! compiled)
                (refuse! id :shadow (str "create or the shadow run threw: " ex) (assoc base :failure ex))))
            shadow-ms (quot (- (System/nanoTime) shadow-started) 1000000)
            failure (.failure report)
            report (assoc base :sha256 sha256 :shadow stats :compile-ms ms :shadow-ms shadow-ms
                               :capture (str capture-path))]
        (when problem
          (discard! compiled)
          (refuse! id :shadow problem (cond-> report failure (assoc :failure failure))))
        (set-params! slot values)
        (let [instance (try
                         (cast Strategy (create))
                         (catch Exception ex
                           (refuse! id :swap (str "create threw: " ex) (assoc report :failure ex))))
              ch (change! StrategyChange/SWAP slot instance (:orders opts) (= :rollback (:on-fault opts)))
              result (change-result ch)
              v {:version version :file (.getPath f) :sha256 sha256 :ns (:ns compiled) :class (:class compiled)
                 :loaded-at (Instant/now)
                 :params values :spec spec :create create :instance instance}
              report (merge report result
                            {:previous (some-> (.previous ch) class .getName) :state-bytes (.stateBytes ch)})]
          (case (:outcome result)
            (:applied :start-failed)
            (update-entry! id (fn [e] (-> (or e {:id id :history []})
                                          (assoc :slot slot :next-version (inc version))
                                          (assoc :previous (if (:current e) (:current e) (:previous e)))
                                          (assoc :current v)
                                          (update :history conj {:event :load :at (:loaded-at v) :version version
                                                                 :input-sequence (:input-sequence result)
                                                                 :outcome (:outcome result)}))))
            nil)
          (if (= :applied (:outcome result))
            (with-meta report {:type ::map :keys [:id :slot :version :outcome :input-sequence :previous
                                                  :state-bytes :shadow :compile-ms :shadow-ms :file :sha256]})
            (refuse! id :swap (str (StrategyChange/describe (.outcome ch))
                                   (when (.failure ch) (str ": " (.failure ch)))
                                   (when (= :start-failed (:outcome result)) "; (rollback! " id ") restores the previous version"))
                     report)))))))

(defn load-strategy!
  "Loads strategy file `file` (Clojure, or Java when it ends in .java) as `id` (a keyword): compile (any warning
  refuses it), check `params` against the file's declaration, shadow run over recorded data (an exception,
  allocation per event or an event over :max-event-us refuses it), set the parameters in the slot, and swap it
  in at one event boundary. Returns the report: input sequence of the swap, shadow statistics, previous version.
  A refusal throws an ex-info naming the step and why, with the report as its data; the live version stays.
  opts: :slot n, :orders :cancel | :hand-over, :shadow-file path, :allow-allocation, :max-event-us, :passes."
  ([id file] (load-strategy! id file {} {}))
  ([id file params] (load-strategy! id file params {}))
  ([id file params opts]
   (check-id id)
   (when-not (map? params)
     (throw (fail (str "params must be a map of keyword to integer, got " (pr-str params)) {::error :bad-argument})))
   (locking load-lock
     (load-version! id file params opts))))

;; ---------------------------------------------------------------------------------------------- changes

(defn- simple-change!
  [verb kind id]
  (locking load-lock
    (let [{:keys [slot]} (entry-for id)
          ch (change! kind slot nil :cancel)
          result (assoc (change-result ch) :id id :slot slot :change verb)]
      (when-not (= :applied (:outcome result))
        (throw (fail (str (name verb) " " id " (slot " slot ") not applied: " (StrategyChange/describe (.outcome ch)))
                     result)))
      (update-entry! id update :history conj {:event verb :at (Instant/now) :input-sequence (:input-sequence result)})
      result)))

(defn rollback!
  "Returns `id` to its previous version the way a load swaps: its parameters set again, then the swap at an
  event boundary (state carried, orders cancelled or, with {:orders :hand-over}, handed over). A second
  rollback goes forward again."
  ([id] (rollback! id {}))
  ([id {:keys [orders] :or {orders :cancel}}]
   (locking load-lock
     (let [{:keys [slot current previous]} (entry-for id)]
       (when-not previous
         (throw (fail (str id " has no previous version to roll back to") {::error :no-previous})))
       (set-params! slot (:params previous))
       (let [ch (change! StrategyChange/ROLLBACK slot nil orders)
             result (assoc (change-result ch) :id id :slot slot :change :rollback
                           :version (:version previous) :from-version (:version current)
                           :state-bytes (.stateBytes ch))]
         (when-not (#{:applied :start-failed} (:outcome result))
           (throw (fail (str "rollback! " id " not applied: " (StrategyChange/describe (.outcome ch))) result)))
         (update-entry! id (fn [e] (-> e (assoc :current previous :previous current)
                                       (update :history conj {:event :rollback :at (Instant/now)
                                                              :version (:version previous)
                                                              :input-sequence (:input-sequence result)}))))
         (when (= :start-failed (:outcome result))
           (throw (fail (str "rollback! " id ": " (StrategyChange/describe (.outcome ch))) result)))
         result)))))

(defn pause-strategy!
  "Stops delivering events to `id`'s slot; its orders stay."
  [id]
  (simple-change! :pause StrategyChange/PAUSE id))

(defn resume-strategy!
  "Delivers events to a paused `id` again."
  [id]
  (simple-change! :resume StrategyChange/RESUME id))

(declare unwatch-strategy!)

(defn unload-strategy!
  "Stops `id`, cancels its orders and empties its slot (kept for `id`: a later load reuses it, rollback! brings
  the unloaded version back). Stops a watch on it."
  [id]
  (unwatch-strategy! id)
  (let [result (simple-change! :unload StrategyChange/UNLOAD id)]
    (update-entry! id (fn [e] (assoc e :previous (:current e) :current nil)))
    result))

;; ---------------------------------------------------------------------------------------------- reads

(defn- fault-summary
  "The exception and the first frames of its stack trace, on one line."
  [^Throwable t]
  (when t
    (str t " at "
         (str/join " < " (for [^StackTraceElement f (take 3 (.getStackTrace t))]
                           (str (.getClassName f) "." (.getMethodName f) ":" (.getLineNumber f)))))))

(defn- version-of
  "The registry's version whose instance is `strategy`, by identity."
  [e strategy]
  (some #(when (and strategy (identical? strategy (:instance %))) %) [(:current e) (:previous e)]))

(defn- slot-pnl
  "Realized plus unrealized P&L in dollars by strategy slot, from the order side's snapshot; empty when the
  engine does not trade."
  []
  (let [^Engine e (engine/engine)]
    (if-not (.hasOrderEntry e)
      {}
      (let [^TradingSnapshot t (.fill (.commands e) (TradingSnapshot.) (Duration/ofSeconds 1))]
        (reduce (fn [m i] (update m (.positionSlot t i) (fnil + 0M)
                                  (BigDecimal/valueOf (+ (.realizedPnl t i) (.unrealizedPnl t i)) 4)))
                {} (range (.positionRows t)))))))

(defn strategies
  "Every strategy slot: id, version, source file and hash, state, events, open orders, P&L (realized plus
  unrealized, dollars), faults and the last
  fault with the top of its stack trace (a version that threw on the hot thread is quarantined)."
  []
  (let [snap (slots-snapshot)
        by-slot (into {} (for [[id e] (ids)] [(:slot e) e]))
        configured (into {} (for [s (get-in (engine/current) [:config :strategies])] [(:slot s) s]))
        pnl (slot-pnl)]
    (with-meta
      (vec (for [s (range slot-count)
                 :let [e (by-slot s)
                       st (.strategy snap (int s))
                       v (version-of e st)]
                 :when (or e st (configured s))]
             {:slot s
              :id (or (:id e) (some-> (configured s) :type))
              :version (or (:version v) (when st "-"))
              :file (or (:file v) (some-> st class .getName))
              :sha256 (some-> (:sha256 v) (subs 0 12))
              :state (keyword (StrategySlotsSnapshot/stateName (.state snap (int s))))
              :events (.events snap (int s))
              :orders (.openOrders snap (int s))
              :pnl (get pnl s)
              :faults (.faultCount snap (int s))
              :fault (fault-summary (.fault snap (int s)))}))
      {:type ::table :columns [:slot :id :version :state :events :orders :pnl :faults :file :sha256 :fault]})))

(defn strategy
  "One loaded strategy in detail: slot, live and previous versions (file, hash, namespace or Java class,
  parameters), the history of loads, refusals and changes, and the slot's last fault with its stack trace."
  [id]
  (let [{:keys [slot current previous history]} (entry-for id)
        snap (slots-snapshot)
        version (fn [v] (when v (cond-> (select-keys v [:version :file :sha256 :ns :loaded-at :params])
                                  (:class v) (-> (dissoc :ns) (assoc :class (.getName ^Class (:class v)))))))
        ^Throwable fault (.fault snap (int slot))]
    (cond-> {:id id :slot slot
             :state (keyword (StrategySlotsSnapshot/stateName (.state snap (int slot))))
             :current (version current) :previous (version previous) :history history
             :watching (contains? @watches id)}
      fault (assoc :fault (str fault)
                   :stack-trace (mapv str (take 12 (.getStackTrace fault)))))))

;; ---------------------------------------------------------------------------------------------- watch

(defn unwatch-strategy!
  "Stops watching `id`'s file. Returns true if it was watched."
  [id]
  (if-let [^Thread t (get @watches id)]
    (do (swap! watches dissoc id)
        (.interrupt t)
        true)
    false))

(defn watch-strategy!
  "Reloads `id` from `file` through load-strategy! (same params and opts) each time the file's modification
  time changes (and then stays for one poll), polled every 250 ms on a daemon thread; prints each report, or why the load was refused, to
  this session's *out*. Replaces an earlier watch of `id`; (unwatch-strategy! id) stops it."
  ([id file] (watch-strategy! id file {} {}))
  ([id file params] (watch-strategy! id file params {}))
  ([id file params opts]
   (check-id id)
   (unwatch-strategy! id)
   (let [out *out*
         f (io/file (str file))
         e (engine/engine)
         initial (.lastModified f)
         t (Thread.
            ^Runnable
            (fn []
              ;; A change is loaded once the time has stayed the same for one poll: an editor may still be
              ;; writing the file when its time first changes.
              (loop [seen initial polled initial]
                (when (and (identical? (Thread/currentThread) (get @watches id))
                           (identical? e (:engine @engine/system)))
                  (let [now (.lastModified f)
                        load? (and (not= now seen) (= now polled))]
                    (when load?
                      (binding [*out* out]
                        (try
                          (println (str "watch " id ": " f " changed; reloading"))
                          (prn (load-strategy! id file params opts))
                          (catch ExceptionInfo ex
                            (println (ex-message ex)))
                          (catch Exception ex
                            (println (str "watch " id ": " ex))))
                        (flush)))
                    (when (try (Thread/sleep 250) true (catch InterruptedException _ false))
                      (recur (if load? now seen) now))))))
            (str "cz-watch-" (name id)))]
     (.setDaemon t true)
     (swap! watches assoc id t)
     (.start t)
     {:id id :file (.getPath f) :watching true})))

;; ---------------------------------------------------------------------------------------------- params by id

(defn param-slot
  "The slot of strategy `id` for set-param!, after checking `key` against its declaration and `value` against
  the bounds; throws otherwise."
  [id key value]
  (let [{:keys [slot current]} (entry-for id)
        spec (:spec current)
        k (keyword (name key))]
    (when-not current
      (throw (fail (str id " is unloaded") {::error :unloaded})))
    (when-not (contains? spec k)
      (throw (fail (str id " declares no parameter " k "; declared: " (str/join " " (sort (keys spec))))
                   {::error :bad-param :key k})))
    (let [{:keys [min max]} (spec k)]
      (when-not (and (long-value? value) (<= min value max))
        (throw (fail (str id " " k " must be within [" min ", " max "], got " (pr-str value))
                     {::error :bad-param :key k :value value :min min :max max}))))
    slot))

(defn param-set!
  "Records a value set-param! set for `id`, so that a reload keeps it."
  [id key value]
  (update-entry! id assoc-in [:current :params (keyword (name key))] value)
  nil)

;; ---------------------------------------------------------------------------------------------- printing

(defmethod print-method ::map [m ^Writer w]
  (.write w ^String (table/render-map m (or (:keys (meta m)) (sort (keys m))))))

(defmethod print-method ::table [rows ^Writer w]
  (.write w ^String (table/render (:columns (meta rows)) rows)))
