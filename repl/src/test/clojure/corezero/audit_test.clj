(ns corezero.audit-test
  (:require [clojure.edn :as edn]
            [clojure.string :as str]
            [clojure.test :refer [deftest is]]
            [corezero.audit :as audit])
  (:import (java.io File)
           (java.time Instant)))

(deftest entries-record-time-session-and-code
  (let [now (Instant/parse "2026-11-30T10:00:00Z")]
    (is (= {:time "2026-11-30T10:00:00Z" :session "s1" :op "eval" :ns "user" :code "(pause!)"}
           (audit/entry {:op "eval" :session "s1" :ns "user" :code "(pause!)"} now)))
    (is (= "s2" (:session (audit/entry {:op "eval" :session (atom {} :meta {:id "s2"}) :code "1"} now))))
    (is (= {:time "2026-11-30T10:00:00Z" :session nil :op "load-file" :file "a/b.clj" :code "(ns a.b)"}
           (audit/entry {:op "load-file" :file-path "a/b.clj" :file "(ns a.b)"} now)))
    (is (nil? (audit/entry {:op "describe"} now)))))

(deftest the-middleware-appends-one-readable-line-per-eval-and-passes-the-message-on
  (let [f (File/createTempFile "audit" ".log")
        seen (atom [])
        handler (audit/wrap-audit #(swap! seen conj (:op %)))]
    (try
      (audit/open! f)
      (handler {:op "eval" :session "a" :code "(+ 1 2)"})
      (handler {:op "describe"})
      (handler {:op "eval" :session "b" :code "\"multi\nline\""})
      (let [lines (str/split-lines (slurp f))]
        (is (= 2 (count lines)))
        (is (= ["(+ 1 2)" "\"multi\nline\""] (map (comp :code edn/read-string) lines))))
      (is (= ["eval" "describe" "eval"] @seen))
      (finally
        (audit/close!)
        (.delete f)))))
