(ns corezero.connect-test
  (:require [clojure.test :refer [deftest is]]
            [corezero.connect :as connect]))

(deftest arguments-parse-or-say-what-is-wrong
  (is (= {:socket "/r/s.sock" :eval "(status)"} (connect/parse-args ["--socket" "/r/s.sock" "-e" "(status)"])))
  (is (= {:port 7888 :host "::1"} (connect/parse-args ["--port" "7888" "--host" "::1"])))
  (is (= {} (connect/parse-args [])))
  (is (= {:error "--port needs a number, got \"x\""} (connect/parse-args ["--port" "x"])))
  (is (= {:error "-e needs code"} (connect/parse-args ["-e"])))
  (is (= {:error "unexpected argument \"--bogus\""} (connect/parse-args ["--bogus"]))))
