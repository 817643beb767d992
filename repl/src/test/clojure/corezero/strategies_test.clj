(ns corezero.strategies-test
  "The load pipeline against an engine in this JVM with a shared-memory feed (so strategy slots exist; no data
  is published, so only the shadow runs see market data): deliberately broken strategy files are refused at the
  right step and leave the live version running; a good one loads, swaps, rolls back, pauses, resumes, unloads,
  takes bounds-checked parameters by id and reloads when its file is touched. Java strategy files go through the
  same pipeline, each load a new class in a class loader of its own."
  (:require [clojure.java.io :as io]
            [clojure.string :as str]
            [clojure.test :refer [deftest is testing use-fixtures]]
            [corezero.config :as config]
            [corezero.engine :as engine]
            [corezero.ops :as ops]
            [corezero.strategies :as s])
  (:import (corezero.itch MoldUdp64Descriptor)
           (corezero.nic SharedMemoryPublisher)
           (corezero.strategy ShadowRun)
           (java.io File)
           (java.nio ByteOrder)
           (java.nio.file Files Path)
           (java.nio.file.attribute FileAttribute)
           (org.agrona.concurrent UnsafeBuffer)))

(def ^:private fixtures "src/test/resources/broken-strategies/")

(defn- fixture [name] (str fixtures name ".clj"))

(defn- java-fixture [name] (str fixtures name ".java"))

(def ^:private touch-follower
  "The Java example, strategies/TouchFollower.java."
  (str (io/file (System/getProperty "corezero.project.dir" "..") "strategies" "TouchFollower.java")))

(defn- live-class
  "The class of `id`'s current version, from the load pipeline's registry."
  ^Class [id]
  (get-in @@#'s/registry [:ids id :current :class]))

(def ^:dynamic ^:private *dir* nil)

(def ^:dynamic ^:private *publisher* nil)

(defn- last-cpu
  []
  (dec (.length (corezero.sys.CpuPinning/onlineCpus))))

(defn- with-engine
  [f]
  (let [dir (Files/createTempDirectory "cz-strategies-test" (make-array FileAttribute 0))
        run-dir (.resolve dir "run")
        cfg (config/parse (pr-str {:hot-cores [(last-cpu)] :run-dir (str run-dir)
                                   :feed {:transport :shm :shm-file "feed.ring"}})
                          "strategies-test")]
    (Files/createDirectories run-dir (make-array FileAttribute 0))
    (with-open [publisher (SharedMemoryPublisher/create (.resolve run-dir "feed.ring") (bit-shift-left 1 20))]
      (engine/start! cfg)
      (try
        (binding [*dir* dir *publisher* publisher]
          (f))
        (finally
          (engine/stop!))))))

(def ^:private test-max-event-us
  "The shadow run's event budget in these tests: the product's 200 µs would be a timing test on this shared VM,
  where a good fixture's longest event was once measured at 290 µs of CPU inside the full suite. The slow fixture
  spins 1 ms, well over it."
  600)

(defn- with-test-budget
  [f]
  (with-redefs [s/default-opts (assoc s/default-opts :max-event-us test-max-event-us)]
    (f)))

(use-fixtures :each with-test-budget with-engine)

(defn- row
  [id]
  (first (filter #(= id (:id %)) (s/strategies))))

(defn- refusal
  "The ex-info a load throws, or nil."
  [& args]
  (try
    (apply s/load-strategy! args)
    nil
    (catch clojure.lang.ExceptionInfo ex ex)))

(defn- publish!
  "The first `n` messages of the shared AAPL slice into the engine's feed ring, one MoldUDP64 packet each,
  sequence numbers from 1."
  [^SharedMemoryPublisher publisher n]
  (let [capture (ShadowRun/readCapture (.toPath (io/file (System/getProperty "corezero.shared.dir" "../../shared")
                                                         "data/itch50-aapl-20200130-10k.bin")))
        in (UnsafeBuffer. capture)
        session (.getBytes "STRATEGIES" "US-ASCII")]
    (loop [offset 0 sequence 1]
      (when (and (<= sequence n) (< (+ offset 2) (alength capture)))
        (let [length (bit-and (.getShort in (int offset) ByteOrder/BIG_ENDIAN) 0xFFFF)
              packet (UnsafeBuffer. (byte-array (+ MoldUdp64Descriptor/HEADER_LENGTH 2 length)))]
          (MoldUdp64Descriptor/encodeHeader packet 0 session sequence 1)
          (.putShort packet MoldUdp64Descriptor/HEADER_LENGTH (short length) ByteOrder/BIG_ENDIAN)
          (.putBytes packet (+ MoldUdp64Descriptor/HEADER_LENGTH 2) in (int (+ offset 2)) (int length))
          (while (not (.offer publisher packet 0 (.capacity packet)))
            (Thread/onSpinWait))
          (recur (+ offset 2 length) (inc sequence)))))))

(defn- await-state
  [id state]
  (let [deadline (+ (System/currentTimeMillis) 10000)]
    (while (and (not= state (:state (row id))) (< (System/currentTimeMillis) deadline))
      (Thread/sleep 20))
    (:state (row id))))

(deftest a-strategy-that-throws-on-the-hot-thread-is-quarantined-and-shown-with-its-fault
  (s/load-strategy! :x (fixture "throws_after") {:n 1000000})
  (ops/set-param! :x :n 5)
  (publish! *publisher* 500)
  (is (= :quarantined (await-state :x :quarantined)))
  (let [{:keys [faults fault events]} (row :x)]
    (is (= 1 faults))
    (is (= 5 events))
    (is (re-find #"^java.lang.IllegalStateException: broken on purpose at book update N at broken_strategies\.throws_after\.x_v1\.ThrowsAfter\.onBookUpdate:14 < corezero\.strategy\.StrategySlots\."
                 (str fault))
        fault))
  (is (str/includes? (first (:stack-trace (s/strategy :x))) "ThrowsAfter.onBookUpdate(throws_after.clj:14)"))
  (testing "the next version swaps into the quarantined slot"
    (is (= :applied (:outcome (s/load-strategy! :x (fixture "throws_after") {:n 1000000}))))
    (is (= {:version 2 :state :live :fault nil} (select-keys (row :x) [:version :state :fault])))))

(deftest a-version-loaded-with-on-fault-rollback-gives-way-to-its-predecessor-when-it-throws
  (is (= :applied (:outcome (s/load-strategy! :x (fixture "good")))))
  (is (= :applied (:outcome (s/load-strategy! :x (fixture "throws_after") {:n 1000000} {:on-fault :rollback}))))
  (ops/set-param! :x :n 5)
  (publish! *publisher* 500)
  (let [deadline (+ (System/currentTimeMillis) 10000)]
    (while (and (not= 1 (:version (row :x))) (< (System/currentTimeMillis) deadline))
      (Thread/sleep 20)))
  (let [{:keys [version state faults fault]} (row :x)]
    (is (= 1 version) "the good version is back")
    (is (= :live state))
    (is (= 1 faults))
    (is (re-find #"broken on purpose" (str fault)) "the fault stays visible"))
  (is (thrown-with-msg? clojure.lang.ExceptionInfo #":on-fault must be :quarantine or :rollback"
                        (s/load-strategy! :y (fixture "good") {} {:on-fault :ignore}))))

(deftest a-good-strategy-loads-swaps-rolls-back-pauses-resumes-and-unloads
  (let [r1 (s/load-strategy! :t (fixture "good"))]
    (is (= {:id :t :slot 0 :version 1 :outcome :applied :previous nil :state-bytes 0}
           (select-keys r1 [:id :slot :version :outcome :previous :state-bytes])))
    (is (pos? (:input-sequence r1)))
    (is (> (get-in r1 [:shadow :events]) 9000) "the shared AAPL slice replayed")
    (is (= 0.0 (get-in r1 [:shadow :bytes-per-event])))
    (is (str/starts-with? (pr-str r1) "KEY"))
    (is (= {:slot 0 :id :t :version 1 :state :live :faults 0 :fault nil}
           (select-keys (row :t) [:slot :id :version :state :faults :fault])))
    (is (= (subs (:sha256 r1) 0 12) (:sha256 (row :t))))
    (is (= {:edge-ticks 0 :size 10}
           (into {} (for [{:keys [slot key value]} (:params (ops/snapshot)) :when (= 0 slot)] [key value])))
        "every declared parameter set in the slot, defaults here")
    (testing "a second load is a new version; the previous one is named in the report, state carried over"
      (let [r2 (s/load-strategy! :t (fixture "good") {:size 20})]
        (is (= 2 (:version r2)))
        (is (str/includes? (:previous r2) "broken_strategies.good.t_v1.Good"))
        (is (= 8 (:state-bytes r2)))
        (is (> (:input-sequence r2) (:input-sequence r1)))
        (is (= 2 (:version (row :t))))))
    (testing "rollback returns to version 1, a second one goes forward again"
      (is (= {:outcome :applied :version 1 :from-version 2}
             (select-keys (s/rollback! :t) [:outcome :version :from-version])))
      (is (= 1 (:version (row :t))))
      (is (= 10 (get-in (s/strategy :t) [:current :params :size])) "version 1's parameters restored")
      (s/rollback! :t)
      (is (= 2 (:version (row :t)))))
    (testing "pause and resume; a change that does not apply says so"
      (is (= :applied (:outcome (s/pause-strategy! :t))))
      (is (= :paused (:state (row :t))))
      (is (thrown-with-msg? clojure.lang.ExceptionInfo #"pause :t \(slot 0\) not applied: the change does not apply"
                            (s/pause-strategy! :t)))
      (is (= :applied (:outcome (s/resume-strategy! :t))))
      (is (= :live (:state (row :t)))))
    (testing "unload empties the slot; the id keeps it"
      (is (= :applied (:outcome (s/unload-strategy! :t))))
      (is (= :empty (:state (row :t))))
      (is (= 0 (:slot (s/load-strategy! :t (fixture "good")))))
      (is (= 3 (:version (row :t)))))
    (testing "unknown ids are refused clearly"
      (is (thrown-with-msg? clojure.lang.ExceptionInfo #"no strategy :nope was loaded" (s/pause-strategy! :nope))))))

(deftest every-broken-strategy-is-refused-at-its-step-and-the-live-version-stays
  (s/load-strategy! :t (fixture "good"))
  (doseq [[file step pattern check]
          [["syntax_error" :compile #"syntax error at .*syntax_error\.clj:12:18 - Unmatched delimiter: \]"
            #(is (= 12 (:line (first (:problems %)))))]
           ["unresolved" :compile #"compile error at .*unresolved\.clj:12:5 - Unable to resolve symbol: no-such-context"
            #(is (= "(deftype Unresolved [^:unsynchronized-mutable ^StrategyContext ctx]" (:form (first (:problems %)))))]
           ["reflection" :compile #"Reflection warning at .*reflection\.clj:22:3 - reference to field toUpperCase"
            #(is (= {:line 22 :column 3 :source-line "(.toUpperCase s))" :form "(defn describe"}
                    (select-keys (first (:problems %)) [:line :column :source-line :form])))]
           ["allocates" :shadow #"allocated \d+ bytes over \d+ events \([\d.]+ bytes/event\) after warm-up"
            #(is (>= (get-in % [:shadow :bytes-per-event]) 16.0))]
           ["throws_after" :shadow #"threw on event \d+: java.lang.IllegalStateException: broken on purpose"
            #(is (instance? IllegalStateException (:failure %)))]
           ["slow" :shadow #"its longest event took \d+ µs of CPU \(\d+ µs\), over :max-event-us 600"
            #(is (> (get-in % [:shadow :max-event-cpu-us]) test-max-event-us))]]]
    (testing file
      (let [ex (refusal :t (fixture file))]
        (is (some? ex))
        (when ex
          (is (str/starts-with? (ex-message ex) (str "load-strategy! :t refused at " (name step) ": ")))
          (is (re-find pattern (ex-message ex)) (ex-message ex))
          (is (= step (:step (ex-data ex))))
          (check (ex-data ex))))
      (is (= {:version 1 :state :live} (select-keys (row :t) [:version :state])) "the good version stays live")))
  (testing "refusals are in the history; failed versions leave no namespace behind"
    (is (= 6 (count (filter #(= :refused (:event %)) (:history (s/strategy :t))))))
    (is (not-any? #(re-find #"^broken-strategies\.(reflection|allocates|slow)" (str (ns-name %))) (all-ns))))
  (testing "allocation can be allowed explicitly"
    (is (= :applied (:outcome (s/load-strategy! :a (fixture "allocates") {} {:allow-allocation true})))))
  (testing "throws_after with a larger N than the slice has book updates runs clean"
    (is (= :applied (:outcome (s/load-strategy! :x (fixture "throws_after") {:n 1000000})))))
  (testing "each id got its own slot"
    (is (= [0 1 2] (mapv :slot (s/strategies))))))

(deftest parameters-are-checked-against-the-declaration
  (testing "at load"
    (is (re-find #"refused at params: unknown parameter :sise; declared: :edge-ticks :size"
                 (ex-message (refusal :t (fixture "good") {:sise 5}))))
    (is (re-find #"refused at params: parameter :size = 0 is out of bounds \[1, 1000\]"
                 (ex-message (refusal :t (fixture "good") {:size 0}))))
    (is (nil? (row :t)) "nothing was loaded"))
  (s/load-strategy! :t (fixture "good") {:size 30})
  (testing "set-param! by id"
    (is (= {:id :t :slot 0 :key :size :value 40 :status :applied}
           (select-keys (ops/set-param! :t :size 40) [:id :slot :key :value :status])))
    (is (thrown-with-msg? clojure.lang.ExceptionInfo #":t :size must be within \[1, 1000\], got 1001"
                          (ops/set-param! :t :size 1001)))
    (is (thrown-with-msg? clojure.lang.ExceptionInfo #":t declares no parameter :sise; declared: :edge-ticks :size"
                          (ops/set-param! :t "sise" 1)))
    (is (thrown-with-msg? clojure.lang.ExceptionInfo #"no strategy :u was loaded" (ops/set-param! :u :size 1)))
    (is (= 40 (get-in (s/strategy :t) [:current :params :size])))
    (is (= 40 (some #(when (= [0 :size] [(:slot %) (:key %)]) (:value %)) (:params (ops/snapshot))))))
  (testing "a reload keeps the value set live, unless given"
    (s/load-strategy! :t (fixture "good"))
    (is (= 40 (get-in (s/strategy :t) [:current :params :size])))
    (s/load-strategy! :t (fixture "good") {:size 50})
    (is (= 50 (get-in (s/strategy :t) [:current :params :size]))))
  (testing "integer slots work as before"
    (is (= 7 (:value (ops/set-param! 5 :anything 7)))))
  (testing "the vocabulary lists the strategy functions"
    (is (some #(str/starts-with? (:fn %) "(load-strategy! id file") (ops/help)))))

(deftest watch-reloads-a-touched-file
  (let [^Path dir *dir*
        ^File f (.toFile (.resolve dir "watched.clj"))
        out (java.io.StringWriter.)]
    (io/copy (io/file (fixture "good")) f)
    (s/load-strategy! :w (str f))
    (binding [*out* out]
      (is (= {:id :w :file (str f) :watching true} (s/watch-strategy! :w (str f)))))
    (try
      (.setLastModified f (+ (.lastModified f) 2000))
      (let [deadline (+ (System/currentTimeMillis) 15000)]
        (while (and (not= 2 (:version (row :w))) (< (System/currentTimeMillis) deadline))
          (Thread/sleep 50)))
      (is (= 2 (:version (row :w))))
      (testing "a broken save is refused and reported; the live version stays"
        (spit f "(ns broken-strategies.watched)\n(def params {})\n(defn create [] (.foo (Object.) 1))\n")
        (.setLastModified f (+ (.lastModified f) 4000))
        (let [deadline (+ (System/currentTimeMillis) 15000)]
          (while (and (not (str/includes? (str out) "refused")) (< (System/currentTimeMillis) deadline))
            (Thread/sleep 50)))
        (is (re-find #"load-strategy! :w refused at compile: Reflection warning at .*watched\.clj:3:17 - call to method foo"
                     (str out))
            (str out))
        (is (= {:version 2 :state :live} (select-keys (row :w) [:version :state]))))
      (finally
        (is (true? (s/unwatch-strategy! :w)))))
    (is (false? (s/unwatch-strategy! :w)))))

(deftest a-java-strategy-loads-swaps-and-rolls-back-through-the-same-pipeline
  (let [r1 (s/load-strategy! :tf touch-follower)
        c1 (live-class :tf)]
    (is (= {:id :tf :slot 0 :version 1 :outcome :applied :previous nil :state-bytes 0}
           (select-keys r1 [:id :slot :version :outcome :previous :state-bytes])))
    (is (> (get-in r1 [:shadow :events]) 9000) "the shared AAPL slice replayed")
    (is (pos? (get-in r1 [:shadow :risk-rejects])) "it quoted (every order a risk reject without order entry)")
    (is (= 0.0 (get-in r1 [:shadow :bytes-per-event])))
    (is (= {:slot 0 :id :tf :version 1 :state :live :faults 0 :fault nil}
           (select-keys (row :tf) [:slot :id :version :state :faults :fault])))
    (is (= {:class "strategies.TouchFollower" :params {:size 100 :behind-ticks 1 :max-inventory 300}}
           (select-keys (:current (s/strategy :tf)) [:class :params]))
        "params() declared the defaults")
    (is (= {:behind-ticks 1 :max-inventory 300 :size 100}
           (into {} (for [{:keys [slot key value]} (:params (ops/snapshot)) :when (= 0 slot)] [key value]))))
    (testing "the same class name loaded again is a new class in a new class loader, and it swaps"
      (let [r2 (s/load-strategy! :tf touch-follower {:size 200})
            c2 (live-class :tf)]
        (is (= {:version 2 :outcome :applied :previous "strategies.TouchFollower" :state-bytes 40}
               (select-keys r2 [:version :outcome :previous :state-bytes])))
        (is (= (.getName c1) (.getName c2)))
        (is (not (identical? c1 c2)))
        (is (not (identical? (.getClassLoader c1) (.getClassLoader c2))))
        (is (identical? (.getClassLoader corezero.strategy.Strategy) (.getParent (.getClassLoader c2))))
        (is (= {:version 2 :state :live} (select-keys (row :tf) [:version :state])))))
    (testing "rollback returns to version 1's class and parameters"
      (is (= {:outcome :applied :version 1 :from-version 2}
             (select-keys (s/rollback! :tf) [:outcome :version :from-version])))
      (is (identical? c1 (live-class :tf)))
      (is (= 100 (get-in (s/strategy :tf) [:current :params :size]))))
    (testing "set-param! by id checks the Java declaration"
      (is (thrown-with-msg? clojure.lang.ExceptionInfo #":tf :size must be within \[1, 10000\], got 10001"
                            (ops/set-param! :tf :size 10001))))))

(deftest broken-java-strategies-are-refused-at-compile-and-the-live-version-stays
  (s/load-strategy! :tf touch-follower)
  (doseq [[file pattern problem]
          [["CompileError" #"compile error at .*CompileError\.java:33:22 - cannot find symbol"
            {:line 33 :column 22 :source-line "spread = book.bestAsk() - book.bestBidPrice();"}]
           ["RawType" #"warning at .*RawType\.java:14:19 - found raw type: java.util.List"
            {:line 14 :column 19 :code "compiler.warn.raw.class.use"}]
           ["NoParams" #"broken.NoParams declares no public static Map<String, long\[\]> params\(\)"
            {:kind "error"}]]]
    (testing file
      (let [ex (refusal :tf (java-fixture file))]
        (is (some? ex))
        (when ex
          (is (str/starts-with? (ex-message ex) "load-strategy! :tf refused at compile: "))
          (is (re-find pattern (ex-message ex)) (ex-message ex))
          (is (= 1 (count (:problems (ex-data ex)))) "javac's closing -Werror line is left out")
          (is (= problem (select-keys (first (:problems (ex-data ex))) (keys problem))))
          (is (str/ends-with? (:file (first (:problems (ex-data ex)))) (str file ".java")))))
      (is (= {:version 1 :state :live} (select-keys (row :tf) [:version :state])) "the live version stays")))
  (testing "the shadow run is the Clojure one: a Java strategy allocating per event is refused"
    (let [ex (refusal :tf (java-fixture "Allocates"))]
      (is (re-find #"refused at shadow: allocated \d+ bytes over \d+ events" (str (ex-message ex))) (ex-message ex))
      (is (= {:version 1 :state :live} (select-keys (row :tf) [:version :state])))))
  (is (= 4 (count (filter #(= :refused (:event %)) (:history (s/strategy :tf))))))
  (testing "a refused version is not on disk: javac's output directory is gone"
    (is (empty? (filter #(str/starts-with? (.getName ^File %) "cz-tf-v")
                        (.listFiles (io/file (System/getProperty "java.io.tmpdir"))))))))
