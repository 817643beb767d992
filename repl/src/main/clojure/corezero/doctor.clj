(ns corezero.doctor
  "How ready this host is for low latency, checked against a corezero config such as
  {:ops-core 0 :hot-cores [1]}: the engine behind `bin/corezero doctor`.

  Three steps, with effects only at the ends:
  - `read-host-facts` reads /proc, /sys and the library paths once into a plain map (a file that cannot be
    read is recorded as :unknown, never an exception);
  - `checks` is pure: facts and config in, one row per check out, each saying what was found, a status
    (:ok :warn :fail :unknown) and the exact setting or command to change;
  - `table` renders the rows as aligned text, and `doctor!` prints them with a one-line summary.

  The tuning rows (IRQs on hot cores, THP, huge pages, RT throttling, whether `bin/corezero tune apply` is in
  effect) say what corezero.tune would change; the kernel text formats (CPU lists, /proc/interrupts) are
  shared with it and live there."
  (:require [clojure.java.io :as io]
            [clojure.java.shell :as shell]
            [clojure.set :as set]
            [clojure.string :as str]
            [corezero.proc :as proc]
            [corezero.tune :as tune :refer [cpu-list-str parse-cpu-list parse-interrupts]]))

(set! *warn-on-reflection* true)

;; ---------------------------------------------------------------------------------------------------------
;; Reading the host (the effectful edge)

(def ^:private capability-bits
  "Capabilities the engine may use, by bit number in CapEff (linux/capability.h)."
  {"CAP_NET_ADMIN" 12
   "CAP_NET_RAW"   13
   "CAP_IPC_LOCK"  14
   "CAP_SYS_ADMIN" 21
   "CAP_SYS_NICE"  23
   "CAP_PERFMON"   38
   "CAP_BPF"       39})

(def ^:private lib-dirs
  "Where Debian and most distributions keep shared libraries."
  ["/lib/x86_64-linux-gnu" "/usr/lib/x86_64-linux-gnu" "/lib/aarch64-linux-gnu" "/usr/lib/aarch64-linux-gnu"
   "/usr/lib64" "/lib64" "/usr/lib" "/lib" "/usr/local/lib"])

(defn- read-text
  "Trimmed contents of root+path, or :unknown when it cannot be read."
  [root path]
  (if-let [text (proc/read-file (str root path))]
    (str/trim text)
    :unknown))

(defn- when-known
  "Applies f to v unless v is :unknown; a nil result also becomes :unknown."
  [v f]
  (if (= :unknown v)
    :unknown
    (let [r (f v)] (if (nil? r) :unknown r))))

(defn- exists?
  "Whether root+path exists."
  [root path]
  (.exists (io/file (str root path))))

(defn- parse-capabilities
  "The capabilities of interest set in a CapEff hex mask, or nil when it is not hex."
  [cap-eff-hex]
  (when (re-matches #"[0-9a-fA-F]{1,16}" cap-eff-hex)
    (let [bits (Long/parseUnsignedLong ^String cap-eff-hex 16)]
      (into (sorted-set) (keep (fn [[cap bit]] (when (bit-test bits bit) cap))) capability-bits))))

(defn- parse-memlock
  "Soft RLIMIT_MEMLOCK from /proc/self/limits text: bytes, :unlimited, or nil."
  [limits-text]
  (some (fn [line]
          (when (str/starts-with? line "Max locked memory")
            (let [soft (first (str/split (str/trim (subs line (count "Max locked memory"))) #"\s+"))]
              (if (= "unlimited" soft) :unlimited (parse-long soft)))))
        (str/split-lines limits-text)))

(defn- parse-meminfo-hugepages
  "HugePages_Total, HugePages_Free and Hugepagesize from /proc/meminfo text, or nil."
  [meminfo-text]
  (let [values (into {}
                     (keep (fn [line]
                             (when-let [[_ k v] (re-matches #"(\w+):\s+(\d+).*" line)]
                               [k (parse-long v)])))
                     (str/split-lines meminfo-text))
        total (get values "HugePages_Total")]
    (when total
      {:total total
       :free (get values "HugePages_Free" 0)
       :size-kb (get values "Hugepagesize" 0)})))

(defn- bracketed
  "The selected value of a sysfs choice such as \"always [madvise] never\"."
  [text]
  (second (re-find #"\[([^\]]+)\]" text)))

(defn- read-irqs
  "Every IRQ under /proc/irq with the CPUs it is allowed on, named and counted from /proc/interrupts."
  [root]
  (let [numbers (some->> (.list (io/file (str root "/proc/irq")))
                         (keep parse-long)
                         sort)
        interrupts (when-known (read-text root "/proc/interrupts") parse-interrupts)
        described (if (map? interrupts) interrupts {})]
    (if (nil? numbers)
      :unknown
      (mapv (fn [irq]
              (merge {:irq irq
                      :cpus (when-known (read-text root (str "/proc/irq/" irq "/smp_affinity_list"))
                                        parse-cpu-list)
                      :name ""
                      :counts {}}
                     (get described irq)))
            numbers))))

(defn- read-tracefs
  [root]
  (when-known (read-text root "/proc/mounts")
              (fn [mounts]
                {:mounted? (boolean (some (fn [line]
                                            (let [[_ point fs-type] (str/split line #"\s+")]
                                              (and (= "/sys/kernel/tracing" point) (= "tracefs" fs-type))))
                                          (str/split-lines mounts)))
                 :raw-syscalls? (exists? root "/sys/kernel/tracing/events/raw_syscalls")})))

(defn- read-xdp-sockets
  "Whether the kernel has AF_XDP: its protocol is listed in /proc/net/protocols as \"XDP\" when built in
  (CONFIG_XDP_SOCKETS is not a module)."
  [root]
  (when-known (read-text root "/proc/net/protocols")
              (fn [text]
                (boolean (some #(= "XDP" (first (str/split (str/trim %) #"\s+"))) (str/split-lines text))))))

(defn- read-tune-undo
  "The state of `bin/corezero tune apply`'s undo file: {:path :exists? :stale? :changes}, :stale? when it was
  written in another boot (its boot id differs), or :unknown when no path is given or the file is unreadable."
  [root undo-file]
  (if (nil? undo-file)
    :unknown
    (let [f (io/file undo-file)]
      (if-not (.exists f)
        {:path (str f) :exists? false :stale? false :changes 0}
        (try
          (let [undo (tune/read-undo f)
                now (read-text root "/proc/sys/kernel/random/boot_id")]
            {:path (str f)
             :exists? true
             :stale? (tune/stale? undo {:boot-id (when (string? now) now)})
             :changes (count (:changes undo))})
          (catch clojure.lang.ExceptionInfo _ :unknown)
          (catch java.io.IOException _ :unknown))))))

(defn- ldconfig-path
  "Where `ldconfig -p` says a library is, or nil (also when ldconfig is not on PATH or in /sbin)."
  [lib-name]
  (some (fn [ldconfig]
          (try
            (let [{:keys [exit out]} (shell/sh ldconfig "-p")]
              (when (zero? (long exit))
                (some (fn [line]
                        (when (str/includes? line (str lib-name " "))
                          (str/trim (last (str/split line #"=>")))))
                      (str/split-lines out))))
            (catch java.io.IOException _ nil)))
        ["ldconfig" "/sbin/ldconfig"]))

(defn- read-libxdp
  [root system?]
  (let [in-dirs (some (fn [dir]
                        (let [path (str dir "/libxdp.so.1")]
                          (when (exists? root path) path)))
                      lib-dirs)
        path (or in-dirs (when system? (ldconfig-path "libxdp.so.1")))]
    {:present? (some? path)
     :path (or path "")
     :headers? (exists? root "/usr/include/xdp/xsk.h")}))

(defn- native-sys-status
  "What corezero.sys.NativeSys reports, when that class is on the class path: loading it loads the library,
  so doctor sees exactly what the engine would. nil when the class is absent."
  []
  (try
    (let [c (Class/forName "corezero.sys.NativeSys")
          call (fn [^String method]
                 (.invoke (.getMethod c method ^"[Ljava.lang.Class;" (make-array Class 0)) nil (object-array 0)))]
      {:present? (boolean (call "isAvailable"))
       :path (str (call "libraryPath"))
       :reason (str (call "unavailableReason"))})
    (catch ClassNotFoundException _ nil)
    (catch Exception e
      {:present? false :path "" :reason (str "asking corezero.sys.NativeSys failed: " e)})
    (catch LinkageError e
      {:present? false :path "" :reason (str "corezero.sys.NativeSys failed to initialise: " e)})))

(defn- find-libcorezero
  "The search NativeSys makes, done on disk: -Dcorezero.native.lib, else corezero.home's native/build,
  else native/build beside or below the working directory."
  []
  (let [lib (System/getProperty "corezero.native.lib" "")
        home (System/getProperty "corezero.home" "")
        candidates (cond
                     (not (str/blank? lib)) [lib]
                     (not (str/blank? home)) [(str home "/native/build/libcorezero.so")]
                     :else ["../native/build/libcorezero.so" "native/build/libcorezero.so"])
        found (some #(let [f (io/file %)] (when (.isFile f) (.getCanonicalPath f))) candidates)]
    {:present? (some? found)
     :path (or found (str/join " or " candidates))
     :reason (if found
               ""
               (str "libcorezero.so not found at " (str/join " or " candidates) "; build it with `make -C native`"))}))

(defn- read-libcorezero
  "libcorezero.so as the engine finds it: through NativeSys when that class is on the class path, else by
  the same search on disk. :unknown under a :root, whose engine install this process cannot see."
  [system?]
  (if system?
    (or (native-sys-status) (find-libcorezero))
    :unknown))

(defn- read-governors
  [root online]
  (when-known online
              (fn [cpus]
                (into (sorted-map)
                      (map (fn [cpu]
                             [cpu (read-text root (str "/sys/devices/system/cpu/cpu" cpu
                                                       "/cpufreq/scaling_governor"))]))
                      cpus))))

(defn read-host-facts
  "Reads the host once into a plain map of facts; anything that cannot be read is :unknown.

  Keys: :online-cpus :isolated-cpus :nohz-full-cpus (sets), :cmdline, :irqs (vector of
  {:irq :cpus :name :counts}), :thp-enabled :thp-defrag, :hugepages {:total :free :size-kb},
  :sched-rt-runtime-us :sched-rt-period-us, :tracefs {:mounted? :raw-syscalls?},
  :libxdp {:present? :path :headers?}, :libcorezero {:present? :path :reason}, :uid, :capabilities
  (set of names such as \"CAP_SYS_NICE\"), :memlock-limit (bytes or :unlimited), :perf-event-paranoid,
  :cpu-governors {cpu governor}, :xdp-sockets (whether the kernel has AF_XDP), :tune-undo (the state of
  `bin/corezero tune`'s undo file: {:path :exists? :stale? :changes}).

  The one-argument form takes {:root dir} and reads dir/proc, dir/sys and so on instead (a test tree or a
  mounted image); :libcorezero is then :unknown and ldconfig is not asked, as both describe this process.
  :undo-file names tune's undo file; without it :tune-undo is :unknown."
  ([] (read-host-facts {}))
  ([{:keys [root undo-file] :or {root ""}}]
   (let [system? (= "" root)
         status (read-text root "/proc/self/status")
         online (when-known (read-text root "/sys/devices/system/cpu/online") parse-cpu-list)]
     {:online-cpus online
      :isolated-cpus (when-known (read-text root "/sys/devices/system/cpu/isolated") parse-cpu-list)
      :nohz-full-cpus (when-known (read-text root "/sys/devices/system/cpu/nohz_full")
                                  ;; the file holds "(null)" when nohz_full= was not given
                                  #(if (str/starts-with? % "(") #{} (parse-cpu-list %)))
      :cmdline (read-text root "/proc/cmdline")
      :irqs (read-irqs root)
      :thp-enabled (when-known (read-text root "/sys/kernel/mm/transparent_hugepage/enabled") bracketed)
      :thp-defrag (when-known (read-text root "/sys/kernel/mm/transparent_hugepage/defrag") bracketed)
      :hugepages (when-known (read-text root "/proc/meminfo") parse-meminfo-hugepages)
      :sched-rt-runtime-us (when-known (read-text root "/proc/sys/kernel/sched_rt_runtime_us") parse-long)
      :sched-rt-period-us (when-known (read-text root "/proc/sys/kernel/sched_rt_period_us") parse-long)
      :tracefs (read-tracefs root)
      :libxdp (read-libxdp root system?)
      :libcorezero (read-libcorezero system?)
      :uid (when-known status #(some-> (proc/status-field % "Uid") (str/split #"\s+") second parse-long))
      :capabilities (when-known status #(some-> (proc/status-field % "CapEff") parse-capabilities))
      :memlock-limit (when-known (read-text root "/proc/self/limits") parse-memlock)
      :perf-event-paranoid (when-known (read-text root "/proc/sys/kernel/perf_event_paranoid") parse-long)
      :cpu-governors (read-governors root online)
      :xdp-sockets (read-xdp-sockets root)
      :tune-undo (read-tune-undo root undo-file)})))

;; ---------------------------------------------------------------------------------------------------------
;; Checks (pure)

(defn- row
  [check found status advice]
  {:check check :found found :status status :advice advice})

(defn- fact
  "A fact, with an absent key read as :unknown."
  [facts k]
  (get facts k :unknown))

(defn- unknown-row
  [check what]
  (row check "unknown" :unknown (str "could not read " what)))

(defn- cmdline-params
  "Kernel parameters before any `--` (what follows belongs to init) as {name value}."
  [cmdline]
  (into {}
        (map (fn [param]
               (let [[k v] (str/split param #"=" 2)]
                 [k (or v "")])))
        (take-while #(not= "--" %) (str/split (str/trim cmdline) #"\s+"))))

(defn- cores
  "The config's cores: :ops (default 0), :hot as given, and :valid-hot, the hot cores worth checking
  (numbers, not the ops core, online when that is known)."
  [config online]
  (let [ops (get config :ops-core 0)
        raw (get config :hot-cores)
        hot (cond (integer? raw) [raw]
                  (coll? raw) (vec raw)
                  :else [])]
    {:ops ops
     :hot hot
     :valid-hot (into (sorted-set)
                      (filter #(and (integer? %) (not= ops %) (or (not (set? online)) (contains? online %))))
                      hot)}))

(defn- check-cores
  [facts {:keys [ops hot]}]
  (let [online (fact facts :online-cpus)
        numbers? (and (integer? ops) (every? integer? hot))
        not-online (when (and numbers? (set? online)) (remove online (distinct (cons ops hot))))
        problems (cond-> []
                   (not numbers?) (conj "use CPU numbers: {:ops-core 0 :hot-cores [1]}")
                   (empty? hot) (conj "set :hot-cores to the cores the hot threads own, e.g. [1]")
                   (some #{ops} hot) (conj (str "hot core " ops " is the ops core: move it off :hot-cores"
                                                " (core " ops " keeps the OS, the JVM and the REPL)"))
                   (not= (count hot) (count (distinct hot))) (conj "list each hot core once in :hot-cores")
                   (seq not-online) (conj (str "core " (str/join "," not-online) " is not online: choose from "
                                               (cpu-list-str online))))
        label (str "ops " ops ", hot " (if (empty? hot) "none" (str/join "," hot))
                   (when (set? online) (str " of " (cpu-list-str online))))]
    (cond
      (seq problems) (row "cores" label :fail (str/join "; " problems))
      (= :unknown online) (row "cores" label :unknown
                               "could not read /sys/devices/system/cpu/online to confirm these cores exist")
      :else (row "cores" label :ok ""))))

(defn- hot-cores-row
  "Runs f when there are hot cores to check; otherwise a row saying the cores come first."
  [check valid-hot f]
  (if (empty? valid-hot)
    (row check "-" :unknown "fix :hot-cores first")
    (f (cpu-list-str valid-hot))))

(defn- check-isolcpus
  [facts {:keys [ops valid-hot]}]
  (hot-cores-row
    "isolcpus" valid-hot
    (fn [hot-list]
      (let [isolated (fact facts :isolated-cpus)]
        (cond
          (= :unknown isolated)
          (unknown-row "isolcpus" "/sys/devices/system/cpu/isolated")

          (contains? isolated ops)
          (row "isolcpus" (str "isolated " (cpu-list-str isolated)) :warn
               (str "remove ops core " ops " from isolcpus=: the OS and the JVM need it"))

          (set/subset? valid-hot isolated)
          (row "isolcpus" (str "isolated " (cpu-list-str isolated)) :ok "")

          :else
          (row "isolcpus" (str "isolated " (cpu-list-str isolated)) :warn
               (str "add isolcpus=" hot-list " nohz_full=" hot-list " rcu_nocbs=" hot-list
                    " to the kernel command line (GRUB_CMDLINE_LINUX in /etc/default/grub, update-grub, reboot)")))))))

(defn- check-nohz-full
  [facts {:keys [valid-hot]}]
  (hot-cores-row
    "nohz_full" valid-hot
    (fn [hot-list]
      (let [nohz (fact facts :nohz-full-cpus)]
        (cond
          (= :unknown nohz)
          (row "nohz_full" "unknown" :unknown
               (str "no /sys/devices/system/cpu/nohz_full: use a kernel with CONFIG_NO_HZ_FULL"
                    " (Debian's has it) to stop the tick on " hot-list))

          (set/subset? valid-hot nohz)
          (row "nohz_full" (str "tickless " (cpu-list-str nohz)) :ok "")

          :else
          (row "nohz_full" (str "tickless " (cpu-list-str nohz)) :warn
               (str "add nohz_full=" hot-list " rcu_nocbs=" hot-list " to the kernel command line")))))))

(defn- check-rcu-nocbs
  [facts {:keys [valid-hot]}]
  (hot-cores-row
    "rcu_nocbs" valid-hot
    (fn [hot-list]
      (let [cmdline (fact facts :cmdline)
            nohz (fact facts :nohz-full-cpus)]
        (if (= :unknown cmdline)
          (unknown-row "rcu_nocbs" "/proc/cmdline")
          (let [params (cmdline-params cmdline)
                nocbs (parse-cpu-list (get params "rcu_nocbs" ""))
                ;; nohz_full= implies rcu_nocbs for the same CPUs
                offloaded (set/union nocbs (if (set? nohz) nohz #{}) (parse-cpu-list (get params "nohz_full" "")))]
            (if (set/subset? valid-hot offloaded)
              (row "rcu_nocbs" (str "offloaded " (cpu-list-str offloaded)) :ok "")
              (row "rcu_nocbs" (str "offloaded " (cpu-list-str offloaded)) :warn
                   (str "add rcu_nocbs=" hot-list " to the kernel command line")))))))))

(defn- check-irqs
  [facts {:keys [ops valid-hot]}]
  (hot-cores-row
    "irq affinity" valid-hot
    (fn [hot-list]
      (let [irqs (fact facts :irqs)]
        (if (= :unknown irqs)
          (unknown-row "irq affinity" "/proc/irq")
          (let [on-hot (filter (fn [{:keys [cpus]}] (and (set? cpus) (some valid-hot cpus))) irqs)
                fired (filter (fn [{:keys [counts]}] (some #(pos? (long (get counts % 0))) valid-hot)) on-hot)
                numbers (str/join " " (map :irq on-hot))]
            (if (empty? on-hot)
              (row "irq affinity" (str "none of " (count irqs) " on " hot-list) :ok "")
              (row "irq affinity"
                   (str (count on-hot) " allowed on " hot-list
                        (when (seq fired) (str " (" (count fired) " fired there)")))
                   :warn
                   (str (if (= 1 (count on-hot))
                          (str "echo " ops " > /proc/irq/" numbers "/smp_affinity_list")
                          (str "for n in " numbers "; do echo " ops " > /proc/irq/$n/smp_affinity_list; done"))
                        "; stop irqbalance (or IRQBALANCE_BANNED_CPULIST=" hot-list
                        "); add irqaffinity=" ops " to the kernel command line")))))))))

(defn- check-thp
  [facts]
  (let [enabled (fact facts :thp-enabled)
        defrag (fact facts :thp-defrag)]
    [(case enabled
       :unknown (unknown-row "THP enabled" "/sys/kernel/mm/transparent_hugepage/enabled")
       "always" (row "THP enabled" "always" :warn
                     (str "echo never > /sys/kernel/mm/transparent_hugepage/enabled"
                          " (khugepaged and fault-time compaction stall threads)"))
       (row "THP enabled" enabled :ok ""))
     (case defrag
       :unknown (unknown-row "THP defrag" "/sys/kernel/mm/transparent_hugepage/defrag")
       "always" (row "THP defrag" "always" :warn
                     "echo never > /sys/kernel/mm/transparent_hugepage/defrag (no direct compaction on fault)")
       (row "THP defrag" defrag :ok ""))]))

(defn- check-hugepages
  "Huge pages reserved and free; with :tune :huge-pages in the config, fewer than that is a warning too."
  [facts config]
  (let [pages (fact facts :hugepages)
        wanted (get-in config [:tune :huge-pages])]
    (cond
      (= :unknown pages)
      (unknown-row "huge pages" "HugePages_* in /proc/meminfo")

      (zero? (long (:total pages)))
      (row "huge pages" (str "none reserved (" (:size-kb pages) " kB size)") :warn
           (let [n (or wanted (:huge-pages tune/defaults))]
             (str "sudo bin/corezero tune apply, or sysctl -w vm.nr_hugepages=" n
                  " (or hugepages=" n " on the kernel command line) for UMEM and rings")))

      (and (integer? wanted) (< (long (:total pages)) (long wanted)))
      (row "huge pages" (str (:total pages) " x " (:size-kb pages) " kB, " (:free pages) " free") :warn
           (str "the config's :tune asks " wanted ": sudo bin/corezero tune apply (sysctl -w vm.nr_hugepages="
                wanted ")"))

      (zero? (long (:free pages)))
      (row "huge pages" (str "all " (:total pages) " in use") :warn
           (str "raise vm.nr_hugepages above " (:total pages)
                ": sysctl -w vm.nr_hugepages=" (* 2 (long (:total pages)))))

      :else
      (row "huge pages" (str (:total pages) " x " (:size-kb pages) " kB, " (:free pages) " free") :ok ""))))

(defn- check-rt-throttling
  [facts]
  (let [runtime (fact facts :sched-rt-runtime-us)
        period (fact facts :sched-rt-period-us)]
    (cond
      (= :unknown runtime)
      (unknown-row "RT throttling" "/proc/sys/kernel/sched_rt_runtime_us")

      (neg? (long runtime))
      (row "RT throttling" "off (sched_rt_runtime_us -1)" :ok "")

      :else
      (let [pause-ms (when (integer? period) (quot (- (long period) (long runtime)) 1000))]
        (row "RT throttling" (str "sched_rt_runtime_us " runtime) :warn
             (str "bin/corezero tune apply, or sysctl -w kernel.sched_rt_runtime_us=-1, on a host whose hot core is "
                  "isolated (a SCHED_FIFO hot thread is paused"
                  (if pause-ms (str " " pause-ms " ms every " (quot (long period) 1000) " ms") " each period")
                  " otherwise; without isolation -1 lets it starve that core's kernel threads)"))))))

(defn- check-tracefs
  [facts]
  (let [tracefs (fact facts :tracefs)]
    (cond
      (= :unknown tracefs)
      (unknown-row "tracefs" "/proc/mounts")

      (not (:mounted? tracefs))
      (row "tracefs" "not mounted" :warn
           "mount -t tracefs nodev /sys/kernel/tracing (the syscall sentinel needs raw_syscalls)")

      (not (:raw-syscalls? tracefs))
      (row "tracefs" "mounted, no raw_syscalls" :warn
           "use a kernel with CONFIG_FTRACE_SYSCALLS: without it syscalls on hot cores are not counted")

      :else
      (row "tracefs" "/sys/kernel/tracing" :ok ""))))

(defn- check-libxdp
  [facts]
  (let [{:keys [present? path headers?] :as libxdp} (fact facts :libxdp)]
    (cond
      (= :unknown libxdp)
      (unknown-row "libxdp" "the library directories")

      (not present?)
      (row "libxdp" "not installed" :warn
           "apt-get install libxdp-dev libbpf-dev, then make -C native (AF_XDP; until then kernel UDP)")

      (not headers?)
      (row "libxdp" path :warn "apt-get install libxdp-dev libbpf-dev (headers to build the AF_XDP transport)")

      :else
      (row "libxdp" path :ok ""))))

(defn- check-libcorezero
  [facts]
  (let [{:keys [present? path reason] :as lib} (fact facts :libcorezero)]
    (cond
      (= :unknown lib)
      (unknown-row "libcorezero" "native/build")

      present?
      (row "libcorezero" path :ok "")

      :else
      (row "libcorezero" "not loaded" :warn
           (str (if (str/blank? reason) (str "build it with `make -C native` (looked in " path ")") reason)
                " (mlockall, SCHED_FIFO and AF_XDP need it)")))))

(defn- check-af-xdp
  "Whether the AF_XDP transport can run: the kernel has XDP sockets, libxdp is installed and libcorezero.so
  is built (the capabilities are the privileges row's)."
  [facts]
  (let [kernel (fact facts :xdp-sockets)
        libxdp (fact facts :libxdp)
        lib (fact facts :libcorezero)
        parts [["kernel AF_XDP" kernel "a kernel with CONFIG_XDP_SOCKETS=y (Debian's has it)"]
               ["libxdp" (if (map? libxdp) (:present? libxdp) :unknown) "apt-get install libxdp-dev libbpf-dev"]
               ["libcorezero.so" (if (map? lib) (:present? lib) :unknown) "make -C native"]]
        missing (filter #(false? (second %)) parts)
        unknown (filter #(= :unknown (second %)) parts)]
    (cond
      (seq missing)
      (row "AF_XDP" (str "missing " (str/join ", " (map first missing))) :warn
           (str (str/join "; " (map #(nth % 2) missing)) " (until then the feed uses kernel UDP)"))

      (= (count unknown) (count parts))
      (unknown-row "AF_XDP" "/proc/net/protocols and the library paths")

      (seq unknown)
      (row "AF_XDP" (str "could not check " (str/join ", " (map first unknown))) :unknown
           "the rest is in place")

      :else
      (row "AF_XDP" "kernel, libxdp, libcorezero.so" :ok ""))))

(defn- check-tuning
  "Whether `bin/corezero tune apply` is in effect, judged by its undo file; when it is not, a warning only if
  one of the rows it fixes (IRQs, THP, huge pages, RT throttling) warns."
  [facts rows]
  (let [undo (fact facts :tune-undo)
        fixable #{"irq affinity" "THP enabled" "THP defrag" "huge pages" "RT throttling"}
        to-fix (filter #(and (fixable (:check %)) (= :warn (:status %))) rows)]
    (cond
      (= :unknown undo)
      (unknown-row "tuning" "the undo file of bin/corezero tune")

      (and (:exists? undo) (:stale? undo))
      (row "tuning" "undo file from an earlier boot" :warn
           (str "the reboot restored the kernel's values: sudo bin/corezero tune apply (" (:path undo) ")"))

      (:exists? undo)
      (row "tuning" (str "applied, " (:changes undo) " originals in " (:path undo)) :ok "")

      (seq to-fix)
      (row "tuning" "not applied" :warn
           (str "sudo bin/corezero tune apply fixes " (str/join ", " (distinct (map :check to-fix)))
                "; bin/corezero tune show lists it, tune undo restores"))

      :else
      (row "tuning" "not applied, not needed" :ok ""))))

(defn- missing-capabilities
  "Capabilities the engine wants and lacks; CAP_SYS_ADMIN stands in for CAP_BPF and CAP_PERFMON as on
  kernels older than 5.8."
  [caps]
  (let [admin? (contains? caps "CAP_SYS_ADMIN")]
    (remove (fn [cap]
              (or (contains? caps cap)
                  (and admin? (#{"CAP_BPF" "CAP_PERFMON"} cap))))
            ["CAP_SYS_NICE" "CAP_IPC_LOCK" "CAP_NET_RAW" "CAP_NET_ADMIN" "CAP_BPF" "CAP_PERFMON"])))

(defn- check-privileges
  [facts]
  (let [uid (fact facts :uid)
        caps (fact facts :capabilities)]
    (if (= :unknown caps)
      (unknown-row "privileges" "CapEff in /proc/self/status")
      (let [missing (missing-capabilities caps)
            who (if (= :unknown uid) "uid ?" (str "uid " uid))]
        (if (empty? missing)
          (row "privileges" (str who ", capabilities complete") :ok "")
          (row "privileges" (str who ", missing " (str/join " " missing)) :warn
               (str "run as root, or grant them: AmbientCapabilities=" (str/join " " missing)
                    " in the systemd unit (setcap on java breaks its library lookup)")))))))

(defn- format-bytes
  [n]
  (let [n (long n)]
    (cond (>= n (* 1024 1024 1024)) (str (quot n (* 1024 1024 1024)) " GiB")
          (>= n (* 1024 1024)) (str (quot n (* 1024 1024)) " MiB")
          (>= n 1024) (str (quot n 1024) " KiB")
          :else (str n " B"))))

(defn- check-memlock
  [facts]
  (let [limit (fact facts :memlock-limit)
        caps (fact facts :capabilities)
        ipc-lock? (and (set? caps) (contains? caps "CAP_IPC_LOCK"))]
    (cond
      (= :unknown limit)
      (unknown-row "memlock limit" "/proc/self/limits")

      (= :unlimited limit)
      (row "memlock limit" "unlimited" :ok "")

      ipc-lock?
      (row "memlock limit" (str (format-bytes limit) ", CAP_IPC_LOCK lifts it") :ok "")

      :else
      (row "memlock limit" (format-bytes limit) :warn
           "ulimit -l unlimited, or LimitMEMLOCK=infinity in the systemd unit (mlockall and UMEM count against it)"))))

(defn- check-perf-paranoid
  [facts]
  (let [level (fact facts :perf-event-paranoid)
        caps (fact facts :capabilities)
        perfmon? (and (set? caps) (some caps ["CAP_PERFMON" "CAP_SYS_ADMIN"]))]
    (cond
      (= :unknown level)
      (unknown-row "perf_event_paranoid" "/proc/sys/kernel/perf_event_paranoid")

      (<= (long level) -1)
      (row "perf_event_paranoid" (str level) :ok "")

      perfmon?
      (row "perf_event_paranoid" (str level ", CAP_PERFMON lifts it") :ok "")

      :else
      (row "perf_event_paranoid" (str level) :warn
           "grant CAP_PERFMON, or sysctl -w kernel.perf_event_paranoid=-1 (the sentinel opens tracepoint counters)"))))

(defn- check-governors
  [facts {:keys [valid-hot]}]
  (hot-cores-row
    "cpu governor" valid-hot
    (fn [hot-list]
      (let [governors (fact facts :cpu-governors)
            of-hot (when (map? governors) (map #(get governors % :unknown) valid-hot))
            slow (when (map? governors)
                   (remove #(contains? #{"performance" :unknown} (get governors % :unknown)) valid-hot))]
        (cond
          (or (= :unknown governors) (every? #{:unknown} of-hot))
          (row "cpu governor" "no cpufreq" :unknown
               (str "no scaling_governor for " hot-list ": fine on a VM or a fixed clock;"
                    " on bare metal choose the BIOS maximum-performance profile"))

          (seq slow)
          (row "cpu governor" (str/join "," (distinct (map #(get governors %) slow))) :warn
               (str "cpupower -c " (cpu-list-str slow) " frequency-set -g performance"))

          :else
          (row "cpu governor" "performance" :ok ""))))))

(defn checks
  "Pure: the readiness rows for these facts (from `read-host-facts`, or made by hand) and a config with
  :ops-core (default 0), :hot-cores and optionally :tune :huge-pages (the reservation `bin/corezero tune`
  makes). Each row is {:check :found :status :advice}, status one of
  :ok :warn :fail :unknown; advice names the setting or command to change, empty when nothing is needed.
  A missing or :unknown fact gives an :unknown row; bad cores give :fail."
  [facts config]
  (let [c (cores config (fact facts :online-cpus))
        rows (into [(check-cores facts c)
                    (check-isolcpus facts c)
                    (check-nohz-full facts c)
                    (check-rcu-nocbs facts c)
                    (check-irqs facts c)
                    (check-governors facts c)]
                   (concat (check-thp facts)
                           [(check-hugepages facts config)
                            (check-rt-throttling facts)]))]
    (into (conj rows (check-tuning facts rows))
          [(check-tracefs facts)
           (check-libxdp facts)
           (check-libcorezero facts)
           (check-af-xdp facts)
           (check-privileges facts)
           (check-memlock facts)
           (check-perf-paranoid facts)])))

;; ---------------------------------------------------------------------------------------------------------
;; Rendering

(def ^:private status-labels
  {:ok "ok" :warn "WARN" :fail "FAIL" :unknown "unknown"})

(defn- split-long-word
  "Cuts a word longer than width into pieces, after a / where one falls late enough (paths), else anywhere."
  [word width]
  (loop [word word pieces []]
    (if (<= (count word) width)
      (conj pieces word)
      (let [slash (.lastIndexOf ^String word "/" (int (dec width)))
            cut (if (> slash (quot width 2)) (inc slash) width)]
        (recur (subs word cut) (conj pieces (subs word 0 cut)))))))

(defn- wrap
  "Breaks text at spaces into lines of at most width characters; a longer word is cut."
  [text width]
  (let [words (mapcat #(split-long-word % width) (remove str/blank? (str/split (str text) #" ")))]
    (if (empty? words)
      [""]
      (reduce (fn [lines word]
                (let [line (peek lines)]
                  (if (<= (+ (count line) 1 (count word)) width)
                    (conj (pop lines) (str line " " word))
                    (conj lines word))))
              [(first words)]
              (rest words)))))

(defn- pad
  [s width]
  (str s (apply str (repeat (- (long width) (count s)) \space))))

(defn table
  "Renders rows as aligned text columns CHECK | FOUND | STATUS | WHAT TO CHANGE, wrapping long cells at
  spaces so that lines stay within :width characters (default 132; the advice column keeps at least 30)."
  ([rows] (table rows {}))
  ([rows {:keys [width] :or {width 132}}]
   (let [header {:check "CHECK" :found "FOUND" :status "STATUS" :advice "WHAT TO CHANGE"}
         cells (map #(update % :status (fn [s] (get status-labels s (str s)))) rows)
         widest (fn [k cap] (min cap (apply max (map #(count (str (get % k))) (cons header cells)))))
         w-check (widest :check 20)
         w-status (widest :status 7)
         ;; the found column gives way first, so the advice keeps 30 characters where the width allows
         w-found (max 12 (min (widest :found 36) (- (long width) w-check w-status 9 30)))
         w-advice (max 30 (- (long width) w-check w-found w-status 9))
         widths [w-check w-found w-status w-advice]
         render (fn [r]
                  (let [columns (map wrap [(:check r) (:found r) (:status r) (:advice r)] widths)
                        height (apply max (map count columns))]
                    (for [i (range height)]
                      (str/trimr (str/join " | " (map (fn [lines w] (pad (get lines i "") w)) columns widths))))))
         rule (str/join "-+-" (map #(apply str (repeat % \-)) widths))]
     (str/join "\n" (concat (render header) [rule] (mapcat render cells))))))

(defn summary
  "One line counting the rows by status, with a verdict: FAIL rows must be fixed, WARN rows cost latency."
  [rows]
  (let [n (frequencies (map :status rows))
        counts (str (get n :ok 0) " ok, " (get n :warn 0) " warn, " (get n :fail 0) " fail, "
                    (get n :unknown 0) " unknown")]
    (str "corezero doctor: " counts " - "
         (cond (pos? (long (get n :fail 0))) "not ready: fix the FAIL rows"
               (pos? (long (get n :warn 0))) "runs, with the latency costs the WARN rows name"
               :else "ready"))))

(defn doctor!
  "Reads this host, checks it against config ({:ops-core 0 :hot-cores [1]}), prints the table and a summary
  line to *out*, and returns the rows. A bad :tune map throws the ex-info of corezero.tune/options."
  [config]
  (let [tune-options (tune/options config)
        rows (checks (read-host-facts {:undo-file (str (tune/undo-path tune-options))})
                     (assoc-in config [:tune :huge-pages] (:huge-pages tune-options)))]
    (println (table rows))
    (println)
    (println (summary rows))
    rows))
