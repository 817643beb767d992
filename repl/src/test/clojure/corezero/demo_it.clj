(ns corezero.demo-it
  "The README's path: bin/corezero demo prints the connect line, venue-sim publishes the real ITCH capture,
  and the plain `bin/corezero connect` / `bin/corezero stat` (no arguments) reach the demo engine.
  Uses the demo's own run directory and ports: it fails, saying so, if a demo is already running here."
  (:require [clojure.java.io :as io]
            [clojure.string :as str]
            [clojure.test :refer [deftest is testing]]
            [corezero.it-support :as it])
  (:import (java.lang ProcessHandle)
           (java.util.concurrent TimeUnit)))

(def ^:private trading-probe
  "Evaluated in the demo's REPL: the order side's numbers as plain data."
  "(let [s (#'corezero.ops/trading-snapshot)]
     {:sent (.ordersSent s) :fills (.fills s) :open (.openOrdersTotal s) :trading-state (.tradingState s)
      :refused-halted (.riskRejects s corezero.risk.RiskResult/HALTED)
      :accepted-by-venue (.venueAccepted s) :rejected-by-venue (.venueRejected s)
      :ouch-errors (+ (.ouchErrors s) (.ouchUnknownOrders s))
      :logged-in (.loggedIn s) :logins (.logins s)
      :venue-next-ref (.venueNextUserRefNum s) :next-ref (.nextUserRefNum s)})")

(deftest ^:integration demo-starts-venue-sim-engine-and-repl
  (let [demo (it/start-process [(it/bin) "demo"])]
    (try
      (let [started (System/nanoTime)
            _ (it/await-line demo #"nREPL ready \d+ ms after JVM start" 30000)
            connect-line-ms (quot (- (System/nanoTime) started) 1000000)]
        (testing "the connect line names the command and the editor endpoint"
          (it/await-line demo #"connect with\s+bin/corezero connect" 1000)
          (it/await-line demo #"editors\s+nrepl://127\.0\.0\.1:\d+" 1000)
          (is (< connect-line-ms 10000) (str "connect line after " connect-line-ms " ms")))
        (testing "venue-sim publishes the real capture over MoldUDP64"
          (it/await-line demo (re-pattern (str "venue-sim: exchange OUCH tcp://127\\.0\\.0\\.1:31003 .*"
                                               "ITCH feed udp://127\\.0\\.0\\.1:31001 session CZDEMO0001"))
                         15000)
          (is (some #(re-find #"venue-sim running as pid \d+" %) @(:err demo))))
        (testing "bin/corezero connect without arguments reaches the demo"
          (let [{:keys [exit out err]} (it/run-bin "connect" "-e" "(status)")]
            (is (zero? exit) err)
            (is (str/includes? out "cz-hot-1"))
            (is (re-find #"duty-cycles\s+[1-9][\d,]*" out))))
        (testing "the engine keeps a live AAPL book fed over UDP, and recovers dropped packets by re-request"
          (let [socket (str (io/file (it/project-dir) "run" "demo" "nrepl.sock"))
                deadline (+ (System/currentTimeMillis) 20000)
                feed (loop []
                       (let [f (it/read-value socket "(into {} (dissoc (feed) :rejects))")]
                         (if (or (pos? (:gaps-recovered f)) (> (System/currentTimeMillis) deadline))
                           f
                           (do (Thread/sleep 500) (recur)))))
                book1 (it/read-value socket "(select-keys (into {} (book \"AAPL\" 3)) [:stock-locate :bids :asks :orders])")
                _ (Thread/sleep 1500)
                book2 (it/read-value socket "(select-keys (into {} (book \"AAPL\" 3)) [:bids :asks :orders])")]
            (is (pos? (:messages feed)))
            (is (pos? (:gaps feed)) "venue-sim drops every 100th packet in the demo")
            (is (pos? (:gaps-recovered feed)))
            (is (zero? (:gaps-unrecoverable feed)))
            (is (zero? (it/read-value socket "(reduce + (vals (:rejects (feed))))")) "no rejects of any kind")
            (is (= 13 (:stock-locate book1)))
            (is (seq (:bids book1)))
            (is (seq (:asks book1)))
            (is (< (:price (first (:bids book1))) (:price (first (:asks book1)))) "never crossed")
            (is (not= book1 (assoc book2 :stock-locate 13)) "the book changes as venue-sim replays")))
        (testing "the sample strategy trades against venue-sim: (orders) and (positions) change live"
          (let [socket (str (io/file (it/project-dir) "run" "demo" "nrepl.sock"))
                trading (fn [] (it/read-value socket trading-probe))
                first-look (it/await-value trading #(pos? (:sent %)) 30000)
                filled (it/await-value trading #(pos? (:fills %)) 90000)]
            (is (pos? (:sent first-look)) "TouchQuoter sends orders")
            (is (pos? (:accepted-by-venue filled)) "venue-sim accepts them")
            (is (pos? (:fills filled)) (str "our quotes get filled: " filled))
            (is (seq (it/read-value socket "(into [] (map #(into {} %)) (positions))")) "a position shows")
            (is (zero? (:ouch-errors filled)) "nothing malformed or unknown from the venue")))
        (testing "(kill!) cancels every open order, confirmed by venue-sim, and blocks new orders until (unkill!)"
          (let [socket (str (io/file (it/project-dir) "run" "demo" "nrepl.sock"))
                trading (fn [] (it/read-value socket trading-probe))
                killed (it/read-value socket "(into {} (kill!))")
                at-kill (trading)
                _ (Thread/sleep 1500)
                halted (trading)]
            (is (true? (:venue-confirmed killed)) (str killed))
            (is (zero? (:open-orders-now killed)))
            (is (= 2 (:trading-state halted)))
            (is (zero? (:open halted)) "no order rests while halted")
            (is (= (:sent at-kill) (:sent halted)) "no order leaves while halted (the strategy holds back)")
            (is (zero? (:refused-halted halted)) "nor does it keep trying")
            (let [sent (:sent halted)]
              (it/read-value socket "(into {} (unkill!))")
              (let [after (it/await-value trading #(> (:sent %) sent) 20000)]
                (is (> (:sent after) sent) "orders flow again after (unkill!)")
                (is (zero? (:trading-state after)))))))
        (testing "(flatten! \"AAPL\") pulls the quotes and closes the position at the touch"
          (let [socket (str (io/file (it/project-dir) "run" "demo" "nrepl.sock"))]
            (it/read-value socket "(into {} (set-param! 0 :quoting 0))")
            (let [flat (it/read-value socket "(into {} (flatten! \"AAPL\"))")]
              (is (= :applied (:status flat)) (str flat))
              (is (<= (abs (:position-now flat)) (abs (:position-before flat))) (str flat))
              (is (zero? (it/read-value socket "(.openOrdersTotal (#'corezero.ops/trading-snapshot))"))
                  "no quote left"))
            (it/read-value socket "(into {} (set-param! 0 :quoting 1))")))
        (testing "a strategy file is loaded into the running demo, changed, refused when broken, rolled back"
          (let [socket (str (io/file (it/project-dir) "run" "demo" "nrepl.sock"))
                source (slurp (io/file (it/project-dir) "strategies" "market_maker.clj"))
                dir (it/temp-dir "cz-demo-strategies")
                changed (io/file dir "market_maker_changed.clj")
                broken (io/file dir "market_maker_broken.clj")
                mm-sizes (fn [] (it/read-value socket "(into #{} (comp (filter #(= \"1\" (:slot %))) (map :qty)) (orders))"))]
            (spit changed (str/replace source "{:default 100 :min 1 :max 10000 :doc \"shares per quote\"}"
                                       "{:default 41 :min 1 :max 10000 :doc \"shares per quote\"}"))
            (spit broken (str source "\n(defn broken-length [x] (.length x))\n"))
            (let [v1 (it/read-value socket "(into {} (dissoc (load-strategy! :mm \"strategies/market_maker.clj\") :shadow))")]
              (is (= :applied (:outcome v1)) (str v1))
              (is (= 1 (:slot v1)) "the first slot the configuration does not use")
              (is (= #{100} (it/await-value mm-sizes #(= #{100} %) 5000)) "version 1 quotes 100 shares"))
            (let [started (System/nanoTime)
                  v2 (it/read-value socket (str "(into {} (dissoc (load-strategy! :mm " (pr-str (str changed)) ") :shadow))"))
                  sizes (it/await-value mm-sizes #(= #{41} %) 5000)
                  ms (quot (- (System/nanoTime) started) 1000000)]
              (is (= 2 (:version v2)) (str v2))
              (is (= #{41} sizes) "the changed file's quotes, live")
              (println "demo-it: changed strategy live in (orders)" ms "ms after load-strategy! was sent"))
            (let [refused (it/read-value socket (str "(try (load-strategy! :mm " (pr-str (str broken)) ") :loaded"
                                                     " (catch clojure.lang.ExceptionInfo e (ex-message e)))"))]
              (is (string? refused))
              (is (re-find #"refused at compile: Reflection warning" (str refused)) (str refused))
              (is (= #{41} (it/await-value mm-sizes #(= #{41} %) 5000)) "the live version keeps trading"))
            (let [back (it/read-value socket "(into {} (rollback! :mm))")]
              (is (= :applied (:outcome back)) (str back))
              (is (= #{100} (it/await-value mm-sizes #(= #{100} %) 5000)) "rolled back to version 1"))
            (it/read-value socket "(into {} (unload-strategy! :mm))")
            (is (empty? (it/await-value mm-sizes empty? 5000)) "unloaded: its quotes cancelled")))
        (testing "the imbalance taker and the TWAP trade against venue-sim in the demo"
          (let [socket (str (io/file (it/project-dir) "run" "demo" "nrepl.sock"))
                slot-orders (fn [slot] (it/read-value socket (str "(count (filter #(= " (pr-str (str slot))
                                                                  " (:slot %)) (fills)))")))
                venue-accepted #(it/read-value socket "(.venueAccepted (#'corezero.ops/trading-snapshot))")]
            (let [before (venue-accepted)
                  twap (it/read-value socket (str "(into {} (dissoc (load-strategy! :twap \"strategies/twap.clj\""
                                                  " {:side 1 :target-shares 300 :duration-s 3 :slice-ms 300"
                                                  " :max-cross-ticks 5}) :shadow))"))]
              (is (= :applied (:outcome twap)) (str twap))
              (is (pos? (it/await-value #(slot-orders (:slot twap)) pos? 10000))
                  "the TWAP's children fill against the venue's book")
              (is (> (venue-accepted) before)))
            (let [taker (it/read-value socket (str "(into {} (dissoc (load-strategy! :taker"
                                                   " \"strategies/imbalance_taker.clj\""
                                                   " {:threshold-bps 1000 :confirm-updates 1 :cooldown-ms 200"
                                                   " :size 10}) :shadow))"))]
              (is (= :applied (:outcome taker)) (str taker))
              (is (pos? (it/await-value #(slot-orders (:slot taker)) pos? 20000))
                  "the taker's IOCs trade when the book leans"))
            (it/read-value socket "(do (unload-strategy! :twap) (unload-strategy! :taker) :ok)")))
        (testing "venue-sim killed and restarted: the session reconnects, resumes, and agrees with the venue"
          (let [socket (str (io/file (it/project-dir) "run" "demo" "nrepl.sock"))
                trading (fn [] (it/read-value socket trading-probe))
                [_ pid] (some #(re-find #"venue-sim running as pid (\d+)" %) @(:err demo))
                cmdline (str/split (slurp (io/file "/proc" pid "cmdline")) #"\u0000")
                before (trading)]
            (.destroyForcibly ^ProcessHandle (.get (ProcessHandle/of (parse-long pid))))
            (it/await-value trading #(not (:logged-in %)) 20000)
            (let [venue (it/start-process cmdline)]
              (try
                (let [back (it/await-value trading #(and (:logged-in %) (> (:logins %) (:logins before))) 30000)]
                  (is (:logged-in back) (str back))
                  (is (>= (:venue-next-ref back) 1))
                  (is (<= (:venue-next-ref back) (:next-ref back)) "the venue knows no order the engine did not send")
                  (is (zero? (:ouch-errors back)))
                  (let [feed-of #(it/read-value socket (str "(let [f (into {} (feed))] (assoc (select-keys f [:next-sequence"
                                                            " :gaps-unrecoverable]) :unknown-orders (get-in f [:rejects"
                                                            " :unknown-orders]) :old-packets (get-in f [:rejects"
                                                            " :old-packets])))"))
                        f1 (feed-of)
                        f2 (it/await-value feed-of #(> (:next-sequence %) (:next-sequence f1)) 10000)]
                    (is (> (:next-sequence f2) (:next-sequence f1)) "the feed goes on after the restart")
                    (is (zero? (:gaps-unrecoverable f2)))
                    (is (zero? (:unknown-orders f2)) "the restarted venue's feed agrees with the book")
                    (is (zero? (:old-packets f2)) "no renumbering from 1"))
                  (let [killed (it/read-value socket "(into {} (kill!))")]
                    (is (true? (:venue-confirmed killed))
                        (str "every order the engine holds open is known to the restarted venue: " killed)))
                  (it/read-value socket "(into {} (unkill!))"))
                (finally
                  (it/stop-engine! venue))))))
        (testing "bin/corezero stat without arguments reads the demo's counters"
          (let [{:keys [exit out]} (it/run-bin "stat" "--once")]
            (is (zero? exit))
            (is (str/includes? out "(running)"))))
        (testing "editors find the port in the project's .nrepl-port"
          (is (re-matches #"\d+" (slurp (io/file (it/project-dir) ".nrepl-port")))))
        (testing "shutdown stops the engine and venue-sim"
          (is (zero? (:exit (it/run-bin "connect" "-e" "(shutdown!)"))))
          (is (.waitFor ^Process (:process demo) 20 TimeUnit/SECONDS))
          (is (zero? (.exitValue ^Process (:process demo))))
          (is (not (.exists (io/file (it/project-dir) ".nrepl-port"))))))
      (finally
        (it/stop-engine! demo)))))
