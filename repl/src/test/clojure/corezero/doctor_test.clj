(ns corezero.doctor-test
  "Tests of corezero.doctor: `checks` on hand-made facts, the parsers and the table, and `read-host-facts`
  on this machine and on an empty directory tree."
  (:require [clojure.java.io :as io]
            [clojure.string :as str]
            [clojure.test :refer [deftest is testing]]
            [corezero.doctor :as doctor]
            [corezero.tune :as tune])
  (:import (java.nio.file Files)
           (java.nio.file.attribute FileAttribute)))

(set! *warn-on-reflection* true)

(def ^:private all-capabilities
  #{"CAP_NET_ADMIN" "CAP_NET_RAW" "CAP_IPC_LOCK" "CAP_SYS_ADMIN" "CAP_SYS_NICE" "CAP_PERFMON" "CAP_BPF"})

(def ^:private ready-host
  "A host tuned for {:ops-core 0 :hot-cores [1]}: every check passes."
  {:online-cpus #{0 1 2 3}
   :isolated-cpus #{1 2 3}
   :nohz-full-cpus #{1 2 3}
   :cmdline "BOOT_IMAGE=/vmlinuz root=/dev/sda1 isolcpus=1-3 nohz_full=1-3 rcu_nocbs=1-3 irqaffinity=0"
   :irqs [{:irq 24 :cpus #{0} :name "eth0-rx-0" :counts {0 120 1 0 2 0 3 0}}
          {:irq 25 :cpus #{0} :name "eth0-tx-0" :counts {0 80 1 0 2 0 3 0}}]
   :thp-enabled "never"
   :thp-defrag "never"
   :hugepages {:total 512 :free 500 :size-kb 2048}
   :sched-rt-runtime-us -1
   :sched-rt-period-us 1000000
   :tracefs {:mounted? true :raw-syscalls? true}
   :libxdp {:present? true :path "/lib/x86_64-linux-gnu/libxdp.so.1" :headers? true}
   :libcorezero {:present? true :path "/opt/corezero/native/build/libcorezero.so" :reason ""}
   :uid 0
   :capabilities all-capabilities
   :memlock-limit :unlimited
   :perf-event-paranoid 2
   :cpu-governors {0 "performance" 1 "performance" 2 "performance" 3 "performance"}
   :xdp-sockets true
   :tune-undo {:path "/opt/corezero/run/tune-undo.edn" :exists? true :stale? false :changes 12}})

(def ^:private config {:ops-core 0 :hot-cores [1]})

(defn- row-for
  [rows check]
  (or (first (filter #(= check (:check %)) rows))
      (throw (ex-info (str "no row " check) {:checks (map :check rows)}))))

(defn- check
  "The row named check-name for facts (ready-host with changes) and a config."
  ([facts check-name] (check facts config check-name))
  ([facts cfg check-name] (row-for (doctor/checks facts cfg) check-name)))

(deftest a-ready-host-passes-every-check
  (let [rows (doctor/checks ready-host config)]
    (is (every? #(= :ok (:status %)) rows) (pr-str (remove #(= :ok (:status %)) rows)))
    (is (every? #(= "" (:advice %)) rows))
    (is (= #{:check :found :status :advice} (set (mapcat keys rows))))))

(deftest isolcpus
  (testing "isolated hot core"
    (is (= :ok (:status (check ready-host "isolcpus")))))
  (testing "nothing isolated: the advice names the exact kernel parameters"
    (let [r (check (assoc ready-host :isolated-cpus #{}) "isolcpus")]
      (is (= :warn (:status r)))
      (is (= "isolated none" (:found r)))
      (is (str/includes? (:advice r) "add isolcpus=1 nohz_full=1 rcu_nocbs=1 to the kernel command line"))))
  (testing "several hot cores are written as a CPU list"
    (let [r (check (assoc ready-host :isolated-cpus #{3}) {:ops-core 0 :hot-cores [1 2]} "isolcpus")]
      (is (= :warn (:status r)))
      (is (str/includes? (:advice r) "isolcpus=1-2 nohz_full=1-2 rcu_nocbs=1-2"))))
  (testing "an isolated ops core is a warning"
    (is (= :warn (:status (check (assoc ready-host :isolated-cpus #{0 1}) "isolcpus"))))))

(deftest nohz-full-and-rcu-nocbs
  (is (= :warn (:status (check (assoc ready-host :nohz-full-cpus #{}) "nohz_full"))))
  (is (= :unknown (:status (check (assoc ready-host :nohz-full-cpus :unknown) "nohz_full"))))
  (testing "nohz_full implies rcu_nocbs"
    (is (= :ok (:status (check (assoc ready-host :cmdline "nohz_full=1") "rcu_nocbs")))))
  (testing "parameters after -- belong to init"
    (let [r (check (assoc ready-host :cmdline "quiet -- rcu_nocbs=1" :nohz-full-cpus #{}) "rcu_nocbs")]
      (is (= :warn (:status r)))
      (is (str/includes? (:advice r) "rcu_nocbs=1")))))

(deftest transparent-huge-pages
  (testing "always is a warning with the command that turns it off"
    (let [r (check (assoc ready-host :thp-enabled "always") "THP enabled")]
      (is (= :warn (:status r)))
      (is (str/includes? (:advice r) "echo never > /sys/kernel/mm/transparent_hugepage/enabled"))))
  (testing "never and madvise are fine"
    (is (= :ok (:status (check ready-host "THP enabled"))))
    (is (= :ok (:status (check (assoc ready-host :thp-enabled "madvise") "THP enabled")))))
  (testing "defrag always"
    (let [r (check (assoc ready-host :thp-defrag "always") "THP defrag")]
      (is (= :warn (:status r)))
      (is (str/includes? (:advice r) "echo never > /sys/kernel/mm/transparent_hugepage/defrag")))))

(deftest rt-throttling
  (testing "-1 means no throttling"
    (is (= :ok (:status (check ready-host "RT throttling")))))
  (testing "the default 950000 pauses a SCHED_FIFO thread; the advice says so and how to change it"
    (let [r (check (assoc ready-host :sched-rt-runtime-us 950000) "RT throttling")]
      (is (= :warn (:status r)))
      (is (str/includes? (:found r) "950000"))
      (is (str/includes? (:advice r) "sysctl -w kernel.sched_rt_runtime_us=-1, on a host whose hot core is isolated"))
      (is (str/includes? (:advice r) "50 ms every 1000 ms")))))

(deftest tracefs
  (testing "not mounted"
    (let [r (check (assoc ready-host :tracefs {:mounted? false :raw-syscalls? false}) "tracefs")]
      (is (= :warn (:status r)))
      (is (str/includes? (:advice r) "mount -t tracefs nodev /sys/kernel/tracing"))))
  (testing "mounted without syscall tracepoints"
    (is (= :warn (:status (check (assoc ready-host :tracefs {:mounted? true :raw-syscalls? false}) "tracefs"))))))

(deftest libraries
  (let [r (check (assoc ready-host :libxdp {:present? false :path "" :headers? false}) "libxdp")]
    (is (= :warn (:status r)))
    (is (str/includes? (:advice r) "apt-get install libxdp-dev libbpf-dev")))
  (let [r (check (assoc ready-host :libcorezero {:present? false :path "/x/libcorezero.so"
                                                 :reason "libcorezero.so not found at /x/libcorezero.so"})
                 "libcorezero")]
    (is (= :warn (:status r)))
    (is (str/includes? (:advice r) "/x/libcorezero.so"))))

(deftest privileges-memlock-and-perf
  (let [user (assoc ready-host :uid 1000 :capabilities #{} :memlock-limit 65536 :perf-event-paranoid 2)]
    (let [r (check user "privileges")]
      (is (= :warn (:status r)))
      (is (str/includes? (:found r) "uid 1000"))
      (is (str/includes? (:advice r) "CAP_SYS_NICE"))
      (is (str/includes? (:advice r) "CAP_IPC_LOCK")))
    (is (= :warn (:status (check user "memlock limit"))))
    (is (str/includes? (:advice (check user "perf_event_paranoid")) "CAP_PERFMON")))
  (testing "CAP_SYS_ADMIN stands in for CAP_BPF and CAP_PERFMON"
    (is (= :ok (:status (check (assoc ready-host :capabilities (disj all-capabilities "CAP_BPF" "CAP_PERFMON"))
                               "privileges")))))
  (testing "CAP_IPC_LOCK lifts a memlock limit"
    (is (= :ok (:status (check (assoc ready-host :memlock-limit 8388608) "memlock limit"))))))

(deftest cores
  (testing "hot core equal to the ops core fails"
    (let [r (check ready-host {:ops-core 0 :hot-cores [0]} "cores")]
      (is (= :fail (:status r)))
      (is (str/includes? (:advice r) ":hot-cores"))))
  (testing "no hot cores fails"
    (is (= :fail (:status (check ready-host {:ops-core 0} "cores"))))
    (is (= :fail (:status (check ready-host {:ops-core 0 :hot-cores []} "cores")))))
  (testing "a hot core that is not online fails and names the online CPUs"
    (let [r (check ready-host {:ops-core 0 :hot-cores [7]} "cores")]
      (is (= :fail (:status r)))
      (is (str/includes? (:advice r) "0-3"))
      (is (= :unknown (:status (check ready-host {:ops-core 0 :hot-cores [7]} "irq affinity"))))))
  (testing "every problem with the cores is named"
    (let [r (check ready-host {:ops-core 0 :hot-cores [0 7]} "cores")]
      (is (= :fail (:status r)))
      (is (str/includes? (:advice r) "ops core"))
      (is (str/includes? (:advice r) "core 7 is not online"))))
  (testing "ops core defaults to 0"
    (is (= :ok (:status (check ready-host {:hot-cores [1]} "cores")))))
  (testing "without valid hot cores the per-core checks wait for the config"
    (is (= :unknown (:status (check ready-host {:ops-core 0 :hot-cores [0]} "isolcpus"))))))

(deftest irqs-on-hot-cores
  (let [facts (update ready-host :irqs conj {:irq 36 :cpus #{0 1} :name "virtio1-req.0" :counts {0 0 1 11667}})
        r (check facts "irq affinity")]
    (is (= :warn (:status r)))
    (is (str/includes? (:found r) "1 allowed on 1"))
    (is (str/includes? (:found r) "1 fired there"))
    (is (str/includes? (:advice r) "echo 0 > /proc/irq/36/smp_affinity_list"))
    (is (not (str/includes? (:advice r) "/proc/irq/24")) "IRQs kept off hot cores are not listed"))
  (testing "several IRQs are moved in one loop, to the ops core"
    (let [facts (assoc ready-host :irqs [{:irq 40 :cpus #{2 3}} {:irq 41 :cpus #{0 1 2 3}} {:irq 42 :cpus #{2}}])
          r (check facts {:ops-core 2 :hot-cores [3]} "irq affinity")]
      (is (= :warn (:status r)))
      (is (str/includes? (:advice r) "for n in 40 41; do echo 2 > /proc/irq/$n/smp_affinity_list; done")))))

(deftest cpu-governor
  (is (= :warn (:status (check (assoc-in ready-host [:cpu-governors 1] "powersave") "cpu governor"))))
  (is (str/includes? (:advice (check (assoc-in ready-host [:cpu-governors 1] "powersave") "cpu governor"))
                     "cpupower -c 1 frequency-set -g performance"))
  (is (= :unknown (:status (check (assoc ready-host :cpu-governors {0 :unknown 1 :unknown}) "cpu governor")))))

(deftest missing-facts-are-unknown
  (testing "absent keys"
    (let [rows (doctor/checks {} config)]
      (is (= 18 (count rows)))
      (is (every? #(= :unknown (:status %)) rows) (pr-str (remove #(= :unknown (:status %)) rows)))))
  (testing "keys recorded as :unknown"
    (let [facts (zipmap (keys ready-host) (repeat :unknown))
          rows (doctor/checks facts config)]
      (is (every? #(= :unknown (:status %)) rows))
      (is (every? #(seq (:advice %)) rows) "an unknown row still says what could not be read"))))

(deftest parsers
  (is (= #{0 1 2 3 6} (tune/parse-cpu-list "0-3,6")))
  (is (= #{} (tune/parse-cpu-list "")))
  (is (= #{2 3} (tune/parse-cpu-list "nohz,domain,managed_irq,2-3")))
  (is (= "1-3,5" (tune/cpu-list-str [5 1 2 3])))
  (is (= "0-1" (tune/cpu-list-str #{0 1})))
  (is (= "none" (tune/cpu-list-str #{})))
  (is (= {24 {:name "ACPI:Ged" :counts {0 1 1 0}}
          36 {:name "virtio1-req.0" :counts {0 0 1 11667}}}
         (tune/parse-interrupts
           (str "           CPU0       CPU1\n"
                " 24:          1          0  IO-APIC   5-edge      ACPI:Ged\n"
                " 36:          0      11667 PCI-MSIX-0000:00:02.0   1-edge      virtio1-req.0\n"
                "NMI:          0          0   Non-maskable interrupts\n")))))

(deftest table-and-summary
  (let [rows (doctor/checks (assoc ready-host :thp-enabled "always" :isolated-cpus #{}) {:ops-core 0 :hot-cores [0]})
        text (doctor/table rows {:width 100})
        lines (str/split-lines text)]
    (is (str/starts-with? (first lines) "CHECK"))
    (is (every? #(str/includes? (first lines) %) ["FOUND" "STATUS" "WHAT TO CHANGE"]))
    (is (every? #(<= (count %) 100) lines) (str/join "\n" (remove #(<= (count %) 100) lines)))
    (is (every? #(str/includes? text %) (map :check rows)))
    (is (str/includes? text "FAIL"))
    (is (str/includes? text "WARN"))
    (is (str/includes? (doctor/summary rows) "1 fail"))
    (is (str/includes? (doctor/summary rows) "not ready")))
  (is (str/includes? (doctor/summary (doctor/checks ready-host config)) "ready")))

(def ^:private fact-keys
  #{:online-cpus :isolated-cpus :nohz-full-cpus :cmdline :irqs :thp-enabled :thp-defrag :hugepages
    :sched-rt-runtime-us :sched-rt-period-us :tracefs :libxdp :libcorezero :uid :capabilities :memlock-limit
    :perf-event-paranoid :cpu-governors :xdp-sockets :tune-undo})

(deftest reads-this-host
  (let [facts (doctor/read-host-facts)
        online (:online-cpus facts)]
    (is (= fact-keys (set (keys facts))))
    (is (set? online))
    (is (<= 1 (count online) 8192))
    (is (<= (.availableProcessors (Runtime/getRuntime)) (count online)))
    (is (every? #(or (= :unknown %) (integer? %)) [(:sched-rt-runtime-us facts) (:perf-event-paranoid facts)]))
    (is (= (count (doctor/checks facts config)) (count (doctor/checks ready-host config))))))

(deftest reads-an-empty-tree-as-unknown
  (let [root (Files/createTempDirectory "doctor-test" (make-array FileAttribute 0))]
    (try
      (let [facts (doctor/read-host-facts {:root (str root)})]
        (is (= fact-keys (set (keys facts))))
        (is (every? #(= :unknown (get facts %)) (disj fact-keys :libxdp)))
        (is (= {:path (str root "/run/tune-undo.edn") :exists? false :stale? false :changes 0}
               (:tune-undo (doctor/read-host-facts {:root (str root) :undo-file (str root "/run/tune-undo.edn")}))))
        (is (= {:present? false :path "" :headers? false} (:libxdp facts))))
      (finally
        (io/delete-file (.toFile root) true)))))

(deftest huge-pages-against-the-config
  (let [cfg (assoc config :tune {:huge-pages 1024})
        r (check ready-host cfg "huge pages")]
    (is (= :warn (:status r)) "512 reserved, the config asks 1024")
    (is (= "512 x 2048 kB, 500 free" (:found r)))
    (is (str/includes? (:advice r) "sudo bin/corezero tune apply (sysctl -w vm.nr_hugepages=1024)")))
  (is (= :ok (:status (check ready-host (assoc config :tune {:huge-pages 512}) "huge pages"))))
  (let [r (check (assoc ready-host :hugepages {:total 0 :free 0 :size-kb 2048}) "huge pages")]
    (is (= :warn (:status r)))
    (is (str/includes? (:advice r) "sudo bin/corezero tune apply, or sysctl -w vm.nr_hugepages=64"))))

(deftest tuning-state
  (testing "applied: the undo file is there"
    (let [r (check ready-host "tuning")]
      (is (= :ok (:status r)))
      (is (= "applied, 12 originals in /opt/corezero/run/tune-undo.edn" (:found r)))))
  (let [not-applied {:path "run/tune-undo.edn" :exists? false :stale? false :changes 0}]
    (testing "not applied, and nothing it would fix: fine"
      (let [r (check (assoc ready-host :tune-undo not-applied) "tuning")]
        (is (= :ok (:status r)))
        (is (= "not applied, not needed" (:found r)))))
    (testing "not applied while rows it fixes warn: the advice names them and the command"
      (let [r (check (assoc ready-host :tune-undo not-applied :thp-enabled "always" :sched-rt-runtime-us 950000
                            :irqs [{:irq 36 :cpus #{0 1} :name "virtio1-req.0" :counts {}}])
                     "tuning")]
        (is (= :warn (:status r)))
        (is (str/includes? (:advice r)
                           "sudo bin/corezero tune apply fixes irq affinity, THP enabled, RT throttling")))))
  (testing "an undo file from an earlier boot"
    (let [r (check (assoc-in ready-host [:tune-undo :stale?] true) "tuning")]
      (is (= :warn (:status r)))
      (is (str/includes? (:advice r) "the reboot restored the kernel's values"))))
  (is (= :unknown (:status (check (assoc ready-host :tune-undo :unknown) "tuning")))))

(deftest af-xdp-readiness
  (is (= "kernel, libxdp, libcorezero.so" (:found (check ready-host "AF_XDP"))))
  (let [r (check (assoc ready-host :xdp-sockets false :libxdp {:present? false :path "" :headers? false})
                 "AF_XDP")]
    (is (= :warn (:status r)))
    (is (= "missing kernel AF_XDP, libxdp" (:found r)))
    (is (str/includes? (:advice r) "CONFIG_XDP_SOCKETS=y"))
    (is (str/includes? (:advice r) "apt-get install libxdp-dev libbpf-dev")))
  (let [r (check (assoc ready-host :libcorezero :unknown) "AF_XDP")]
    (is (= :unknown (:status r)))
    (is (= "could not check libcorezero.so" (:found r)))))

(deftest reads-tuning-facts-from-a-tree
  (let [root (Files/createTempDirectory "doctor-test" (make-array FileAttribute 0))
        put! (fn [path text] (let [f (io/file (str root path))] (io/make-parents f) (spit f text)))
        undo-file (str root "/run/tune-undo.edn")]
    (try
      (put! "/proc/net/protocols" (str "protocol  size sockets  memory press maxhdr  slab module\n"
                                       "XDP        960      0      -1   NI       0   no   kernel\n"
                                       "UDP       1024      3       1   NI       0   yes  kernel\n"))
      (put! "/proc/sys/kernel/random/boot_id" "boot-a\n")
      (put! "/run/tune-undo.edn" (pr-str {:boot-id "boot-a" :changes [{:path "/proc/sys/vm/nr_hugepages"
                                                                       :original "0"}]}))
      (let [facts (doctor/read-host-facts {:root (str root) :undo-file undo-file})]
        (is (true? (:xdp-sockets facts)))
        (is (= {:path undo-file :exists? true :stale? false :changes 1} (:tune-undo facts))))
      (put! "/proc/sys/kernel/random/boot_id" "boot-b\n")
      (put! "/proc/net/protocols" "protocol  size sockets\nUDP       1024      3\n")
      (let [facts (doctor/read-host-facts {:root (str root) :undo-file undo-file})]
        (is (false? (:xdp-sockets facts)))
        (is (true? (:stale? (:tune-undo facts)))))
      (finally
        (doseq [^java.io.File f (reverse (file-seq (.toFile root)))] (.delete f))))))
