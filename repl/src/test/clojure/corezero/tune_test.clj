(ns corezero.tune-test
  "Tests of corezero.tune on a fake /proc and /sys tree in a temporary directory: apply and undo restore the
  exact contents, a second apply keeps the originals, refused and denied writes are reported, bad options
  are named by key, and `show` says what is applied. Nothing here writes outside the temporary directory."
  (:require [clojure.edn :as edn]
            [clojure.java.io :as io]
            [clojure.string :as str]
            [clojure.test :refer [deftest is testing]]
            [corezero.config :as config]
            [corezero.tune :as tune])
  (:import (java.io File FileNotFoundException IOException)
           (java.nio.file Files)
           (java.nio.file.attribute FileAttribute)))

(set! *warn-on-reflection* true)

(def ^:private boot-id "8d0c3a52-0f5e-4d7a-9a34-3f1c2b9e6a10")

(def ^:private untuned-host
  "An untuned 4-CPU host: IRQ 24 allowed everywhere, 25 on the ops core, 26 on the hot core only."
  {"/proc/irq/default_smp_affinity" "f\n"
   "/proc/irq/24/smp_affinity_list" "0-3\n"
   "/proc/irq/25/smp_affinity_list" "0\n"
   "/proc/irq/26/smp_affinity_list" "1\n"
   "/proc/interrupts" (str "           CPU0       CPU1       CPU2       CPU3\n"
                           " 24:         10          5          0          0  PCI-MSI  eth0-rx-0\n"
                           " 25:          7          0          0          0  PCI-MSI  eth0-tx-0\n"
                           " 26:          0        300          0          0  PCI-MSI  nvme0q1\n"
                           "LOC:        100        100        100        100  Local timer interrupts\n")
   "/proc/sys/vm/nr_hugepages" "0\n"
   "/sys/kernel/mm/transparent_hugepage/enabled" "always\n"
   "/sys/kernel/mm/transparent_hugepage/defrag" "madvise\n"
   "/proc/sys/kernel/sched_rt_runtime_us" "950000\n"
   "/proc/sys/kernel/timer_migration" "1\n"
   "/proc/sys/vm/stat_interval" "1\n"
   "/proc/sys/kernel/random/boot_id" (str boot-id "\n")})

(def ^:private cfg
  {:ops-core 0 :hot-cores [1] :tune {:timer-migration 0 :stat-interval 10}})

(defn- temp-dir
  ^File []
  (.toFile (Files/createTempDirectory "tune-test" (make-array FileAttribute 0))))

(defn- delete-tree!
  [^File dir]
  (doseq [^File f (reverse (file-seq dir))] (.delete f)))

(defn- write-tree!
  [^File root files]
  (doseq [[path text] files]
    (let [f (io/file (str root path))]
      (io/make-parents f)
      (spit f text))))

(defn- read-tree
  "Every file under root as {path contents}, the undo file's directory left out."
  [^File root]
  (into (sorted-map)
        (for [^File f (file-seq root)
              :when (.isFile f)
              :let [path (subs (.getPath f) (count (.getPath root)))]
              :when (not (str/starts-with? path "/run/"))]
          [path (slurp f)])))

(defmacro ^:private with-host
  "Runs body with `root` a fake tree of `files` and `ctx` the tune context for it (undo file in root/run)."
  [[root ctx files] & body]
  `(let [~root (temp-dir)
         ~ctx {:root (str ~root) :undo-file (str ~root "/run/tune-undo.edn")}]
     (try
       (write-tree! ~root ~files)
       ~@body
       (finally (delete-tree! ~root)))))

(defn- value
  [root path]
  (slurp (str root path)))

(defn- undo-data
  [ctx]
  (edn/read-string (slurp (:undo-file ctx))))

(defn- originals
  [ctx]
  (into {} (map (juxt :path :original)) (:changes (undo-data ctx))))

(deftest apply-then-undo-restores-the-exact-contents
  (with-host [root ctx untuned-host]
    (let [opts (tune/options cfg)
          before (read-tree root)
          applied (tune/apply! opts ctx)]
      (is (nil? (:error applied)))
      (is (every? #(= :applied (:status %)) (:results applied)) (pr-str (:results applied)))
      (testing "every tunable has its value"
        (is (= "1\n" (value root "/proc/irq/default_smp_affinity")))
        (is (= "0\n" (value root "/proc/irq/24/smp_affinity_list")))
        (is (= "0\n" (value root "/proc/irq/25/smp_affinity_list")) "already off the hot core: untouched")
        (is (= "0\n" (value root "/proc/irq/26/smp_affinity_list")))
        (is (= "64\n" (value root "/proc/sys/vm/nr_hugepages")))
        (is (= "never\n" (value root "/sys/kernel/mm/transparent_hugepage/enabled")))
        (is (= "never\n" (value root "/sys/kernel/mm/transparent_hugepage/defrag")))
        (is (= "-1\n" (value root "/proc/sys/kernel/sched_rt_runtime_us")))
        (is (= "0\n" (value root "/proc/sys/kernel/timer_migration")))
        (is (= "10\n" (value root "/proc/sys/vm/stat_interval"))))
      (testing "the undo file holds each original, in the order of the changes, with the boot id"
        (is (= boot-id (:boot-id (undo-data ctx))))
        (is (= ["/proc/irq/default_smp_affinity" "/proc/irq/24/smp_affinity_list" "/proc/irq/26/smp_affinity_list"
                "/proc/sys/vm/nr_hugepages" "/sys/kernel/mm/transparent_hugepage/enabled"
                "/sys/kernel/mm/transparent_hugepage/defrag" "/proc/sys/kernel/sched_rt_runtime_us"
                "/proc/sys/kernel/timer_migration" "/proc/sys/vm/stat_interval"]
               (map :path (:changes (undo-data ctx)))))
        (is (= {"/proc/irq/24/smp_affinity_list" "0-3" "/proc/sys/kernel/sched_rt_runtime_us" "950000"}
               (select-keys (originals ctx) ["/proc/irq/24/smp_affinity_list"
                                             "/proc/sys/kernel/sched_rt_runtime_us"]))))
      (let [undone (tune/undo! opts ctx)]
        (is (nil? (:error undone)))
        (is (= 9 (count (:results undone))))
        (is (every? #(= :restored (:status %)) (:results undone)))
        (is (= "/proc/sys/vm/stat_interval" (:path (first (:results undone)))) "last change first"))
      (is (= before (read-tree root)) "every file as it was, byte for byte")
      (is (not (.exists (io/file (:undo-file ctx)))) "the undo file is removed")
      (is (= "nothing to undo" (re-find #"nothing to undo" (first (:notes (tune/undo! opts ctx)))))))))

(deftest apply-twice-keeps-the-originals
  (with-host [root ctx untuned-host]
    (let [opts (tune/options cfg)
          before (read-tree root)]
      (tune/apply! opts ctx)
      (let [recorded (undo-data ctx)
            again (tune/apply! opts ctx)]
        (is (empty? (:results again)))
        (is (some #(str/includes? % "nothing to change") (:notes again)))
        (is (= recorded (undo-data ctx)) "a second apply with nothing to do leaves the undo file alone"))
      (testing "a tunable changed by hand is applied again; its recorded original stays the first one"
        (spit (str root "/proc/sys/kernel/sched_rt_runtime_us") "500000\n")
        (spit (str root "/proc/irq/24/smp_affinity_list") "0-1\n")
        (let [again (tune/apply! opts ctx)]
          (is (= #{"/proc/sys/kernel/sched_rt_runtime_us" "/proc/irq/24/smp_affinity_list"}
                 (set (map :path (:results again)))))
          (is (= "-1\n" (value root "/proc/sys/kernel/sched_rt_runtime_us")))
          (is (= "950000" (get (originals ctx) "/proc/sys/kernel/sched_rt_runtime_us")))
          (is (= "0-3" (get (originals ctx) "/proc/irq/24/smp_affinity_list")))
          (is (= 9 (count (:changes (undo-data ctx)))) "no path recorded twice")))
      (tune/undo! opts ctx)
      (is (= before (read-tree root))))))

(deftest an-irq-that-answers-eperm-to-root-is-refused-too
  (with-host [root ctx untuned-host]
    (let [;; seen on this VM: a virtio IRQ answers EPERM even to root
          write-fn (fn [path text]
                     (if (str/ends-with? path "/proc/irq/24/smp_affinity_list")
                       (throw (IOException. "Operation not permitted"))
                       (tune/write-value! path text)))
          r (tune/apply! (tune/options cfg) (assoc ctx :write-fn write-fn))
          irq24 (first (filter #(= "irq 24" (:label %)) (:results r)))]
      (is (= :refused (:status irq24)))
      (is (str/includes? (:reason irq24) "EPERM"))
      (is (= "0-3\n" (value root "/proc/irq/24/smp_affinity_list")))
      (is (= "0\n" (value root "/proc/irq/26/smp_affinity_list")) "the other IRQs still moved"))))

(deftest refused-irq-writes-are-reported-not-errors
  (with-host [root ctx untuned-host]
    (let [opts (tune/options cfg)
          ;; a managed IRQ: the kernel answers EIO
          write-fn (fn [path text]
                     (if (str/ends-with? path "/proc/irq/26/smp_affinity_list")
                       (throw (IOException. "Input/output error"))
                       (tune/write-value! path text)))
          r (tune/apply! opts (assoc ctx :write-fn write-fn))
          irq26 (first (filter #(= "irq 26" (:label %)) (:results r)))]
      (is (nil? (:error r)))
      (is (= :refused (:status irq26)))
      (is (str/includes? (:reason irq26) "EIO"))
      (is (= "1\n" (value root "/proc/irq/26/smp_affinity_list")))
      (is (= "0\n" (value root "/proc/irq/24/smp_affinity_list")) "the other IRQs still moved")
      (is (not (contains? (originals ctx) "/proc/irq/26/smp_affinity_list")) "nothing changed, nothing to undo")
      (let [text (tune/report "apply" r)]
        (is (str/includes? text "refused  irq 26  /proc/irq/26/smp_affinity_list"))
        (is (str/includes? text "1 refused")))
      (testing "show still lists the refused IRQ on the hot core"
        (is (re-find #"26\s+nvme0q1\s+1" (tune/show opts ctx)))))))

(deftest a-user-who-may-not-write-is-told-to-use-root
  (with-host [root ctx untuned-host]
    (let [opts (tune/options cfg)
          before (read-tree root)
          denied (fn [path _] (throw (FileNotFoundException. (str path " (Permission denied)"))))
          r (tune/apply! opts (assoc ctx :write-fn denied))]
      (is (str/includes? (:error r) "cannot write "))
      (is (str/includes? (:error r) "/proc/irq/default_smp_affinity"))
      (is (str/includes? (:error r) "needs root"))
      (is (str/includes? (tune/report "apply" r) "corezero tune: cannot write"))
      (is (= before (read-tree root)) "nothing changed")
      (is (not (.exists (io/file (:undo-file ctx)))) "and no undo file, as nothing needs undoing"))
    (testing "undo keeps the file when it may not write"
      (let [opts (tune/options cfg)]
        (tune/apply! opts ctx)
        (let [r (tune/undo! opts (assoc ctx :write-fn (fn [path _]
                                                        (throw (FileNotFoundException.
                                                                 (str path " (Permission denied)"))))))]
          (is (str/includes? (:error r) "needs root"))
          (is (= 9 (count (:changes (undo-data ctx))))))))
    (testing "the message names the file and the command"
      (is (= (str "cannot write /proc/sys/vm/nr_hugepages: `tune apply` needs root (sudo bin/corezero tune apply"
                  " ...); in a container /proc/sys and /sys are often read-only")
             (tune/needs-root-message "apply" "/proc/sys/vm/nr_hugepages"))))))

(deftest undo-reports-values-it-cannot-restore
  (with-host [root ctx untuned-host]
    (let [opts (tune/options cfg)]
      (tune/apply! opts ctx)
      ;; the device went away: its IRQ directory with it
      (delete-tree! (io/file (str root "/proc/irq/26")))
      (let [r (tune/undo! opts ctx)
            irq26 (first (filter #(= "irq 26" (:label %)) (:results r)))]
        (is (nil? (:error r)))
        (is (= :missing (:status irq26)))
        (is (= "0-3\n" (value root "/proc/irq/24/smp_affinity_list")) "the rest restored")
        (is (str/includes? (tune/report "undo" r) "missing  irq 26"))
        (is (not (.exists (io/file (:undo-file ctx)))))))))

(deftest kernel-formats
  (with-host [root ctx (assoc untuned-host
                              "/sys/kernel/mm/transparent_hugepage/enabled" "always [madvise] never\n"
                              "/proc/sys/vm/nr_hugepages" "1024\n")]
    (let [opts (tune/options cfg)
          r (tune/apply! opts ctx)]
      (testing "a sysfs choice is recorded by its selected value, which is what the kernel accepts back"
        (is (= "madvise" (get (originals ctx) "/sys/kernel/mm/transparent_hugepage/enabled"))))
      (testing "a larger huge page reservation is kept"
        (is (not-any? #(= "huge pages" (:label %)) (:results r)))
        (is (= "1024\n" (value root "/proc/sys/vm/nr_hugepages"))))
      (tune/undo! opts ctx)
      (is (= "madvise\n" (value root "/sys/kernel/mm/transparent_hugepage/enabled")))))
  (is (= #{0 1} (tune/parse-cpu-mask "3")))
  (is (= #{0 32} (tune/parse-cpu-mask "00000001,00000001")))
  (is (= "1" (tune/cpu-mask-str #{0})))
  (is (= "1,00000001" (tune/cpu-mask-str #{0 32}))))

(deftest the-kernel-may-give-fewer-huge-pages
  (with-host [root ctx untuned-host]
    (let [r (tune/apply! (tune/options cfg)
                         (assoc ctx :write-fn (fn [path text]
                                                (tune/write-value! path (if (str/ends-with? path "nr_hugepages")
                                                                          "40"
                                                                          text)))))
          pages (first (filter #(= "huge pages" (:label %)) (:results r)))]
      (is (= :short (:status pages)))
      (is (= "the kernel has 40" (:reason pages)))
      (is (= "0" (get (originals ctx) "/proc/sys/vm/nr_hugepages")) "undo brings back the original"))))

(deftest an-undo-file-from-before-a-reboot-is-stale
  (with-host [root ctx untuned-host]
    (let [opts (tune/options cfg)]
      (io/make-parents (io/file (:undo-file ctx)))
      (spit (:undo-file ctx) (pr-str {:format 1 :boot-id "another-boot"
                                      :changes [{:path "/proc/sys/vm/nr_hugepages" :label "huge pages"
                                                 :original "7"}]}))
      (is (str/includes? (tune/show opts ctx) "stale"))
      (let [r (tune/undo! opts ctx)]
        (is (empty? (:results r)))
        (is (str/includes? (first (:notes r)) "before the last reboot"))
        (is (= "0\n" (value root "/proc/sys/vm/nr_hugepages")) "nothing written"))
      (is (not (.exists (io/file (:undo-file ctx)))))
      (testing "apply replaces a stale file instead of keeping its originals"
        (spit (:undo-file ctx) (pr-str {:boot-id "another-boot"
                                        :changes [{:path "/proc/sys/vm/nr_hugepages" :original "7"}]}))
        (let [r (tune/apply! opts ctx)]
          (is (some #(str/includes? % "replaced") (:notes r)))
          (is (= "0" (get (originals ctx) "/proc/sys/vm/nr_hugepages"))))))))

(deftest bad-options-are-named-by-key
  (let [message (fn [tune-map]
                  (try (tune/options {:ops-core 0 :hot-cores [1] :tune tune-map})
                       nil
                       (catch clojure.lang.ExceptionInfo e (ex-message e))))]
    (is (= "config :tune :huge-pages is -1, expected nil or an integer 0..1048576 of huge pages"
           (message {:huge-pages -1})))
    (is (str/includes? (message {:thp-enabled "sometimes"}) ":thp-enabled is \"sometimes\""))
    (is (str/includes? (message {:thp-defrag :never}) ":thp-defrag"))
    (is (str/includes? (message {:sched-rt-runtime-us -2}) ":sched-rt-runtime-us is -2"))
    (is (str/includes? (message {:timer-migration 2}) ":timer-migration"))
    (is (str/includes? (message {:stat-interval 0}) ":stat-interval is 0"))
    (is (str/includes? (message {:irq-cpus [1]}) ":irq-cpus is [1], expected nil (the ops core 0) or"))
    (is (str/includes? (message {:irq-affinity "yes"}) ":irq-affinity"))
    (is (str/includes? (message {:undo-file ""}) ":undo-file"))
    (is (str/includes? (message {:hugepages 64}) "config :tune :hugepages is not a known key"))
    (is (str/includes? (message [:huge-pages 64]) "config :tune is [:huge-pages 64], expected a map")))
  (testing "defaults, nil to leave a tunable alone, and the config file accepts :tune"
    (let [o (tune/options {:ops-core 0 :hot-cores [1]})]
      (is (= [64 "never" "never" -1 nil nil #{0}]
             ((juxt :huge-pages :thp-enabled :thp-defrag :sched-rt-runtime-us :timer-migration :stat-interval
                    :irq-cpus) o))))
    (is (= ["/proc/irq/default_smp_affinity" "/proc/sys/vm/nr_hugepages"]
           (map :path (tune/tunables (tune/options {:ops-core 0 :hot-cores [1]
                                                    :tune {:thp-enabled nil :thp-defrag nil
                                                           :sched-rt-runtime-us nil}})
                                     []))))
    (is (= {:huge-pages 128} (:tune (config/parse "{:tune {:huge-pages 128}}" "test"))))))

(deftest show-says-what-is-applied
  (with-host [root ctx untuned-host]
    (let [opts (tune/options cfg)
          before (tune/show opts ctx)
          lines (str/split-lines before)]
      (is (re-find #"^TUNABLE\s+CURRENT\s+DESIRED\s+ORIGINAL\s+APPLIED$" (first lines)))
      (is (re-find #"irq default affinity\s+f\s+1\s+-\s+no" before))
      (is (re-find #"irq affinity \(3 irqs\)\s+2 on hot core 1\s+none on 1 \(to 0\)\s+-\s+no" before))
      (is (re-find #"huge pages\s+0\s+>= 64\s+-\s+no" before))
      (is (re-find #"THP enabled\s+always\s+never\s+-\s+no" before))
      (is (re-find #"sched_rt_runtime_us\s+950000\s+-1\s+-\s+no" before))
      (is (re-find #"vm.stat_interval\s+1\s+10\s+-\s+no" before))
      (is (str/includes? before "no undo file"))
      (is (str/includes? before "IRQs allowed on hot core 1:"))
      (is (re-find #"24\s+eth0-rx-0\s+0-3" before))
      (is (re-find #"26\s+nvme0q1\s+1" before))
      (is (not (re-find #"25\s+eth0-tx-0" before)))
      (is (= before (tune/show opts ctx)) "show changes nothing")
      (tune/apply! opts ctx)
      (let [after (tune/show opts ctx)]
        (is (re-find #"irq default affinity\s+1\s+1\s+f\s+yes" after))
        (is (re-find #"irq affinity \(3 irqs\)\s+0 on hot core 1\s+none on 1 \(to 0\)\s+2 moved, recorded\s+yes"
                     after))
        (is (re-find #"sched_rt_runtime_us\s+-1\s+-1\s+950000\s+yes" after))
        (is (re-find #"undo file .*tune-undo.edn: 9 original values" after))
        (is (str/includes? after "no IRQ is allowed on hot core 1"))))))

(deftest command-line
  (with-host [root ctx untuned-host]
    (let [args ["--root" (:root ctx) "--undo-file" (:undo-file ctx)]
          out (java.io.StringWriter.)
          run (fn [& more] (binding [*out* out *err* out] (tune/run (concat more args))))]
      (is (= 0 (run "show")))
      (is (str/includes? (str out) "TUNABLE"))
      (is (= 0 (run "apply")))
      (is (str/includes? (str out) "corezero tune apply: 7 applied"))
      (is (= 0 (run "undo")))
      (is (str/includes? (str out) "corezero tune undo: 7 restored"))
      (is (= 2 (run "bogus")))
      (is (str/includes? (str out) "usage: bin/corezero tune apply|undo|show"))
      (is (= 2 (run "show" "/nonexistent/config.edn")))
      (is (str/includes? (str out) "corezero tune: config file /nonexistent/config.edn does not exist")))))
