(ns corezero.table-test
  (:require [clojure.test :refer [deftest is]]
            [corezero.table :as table]))

(deftest columns-align-and-numbers-right-align
  (is (= (str "NAME          VALUE\n"
              "duty-cycles  12,345\n"
              "stalls            7")
         (table/render [:name :value] [{:name "duty-cycles" :value 12345} {:name "stalls" :value 7}]))))

(deftest maps-render-in-the-given-key-order-with-nil-as-dash
  (is (= (str "KEY    VALUE\n"
              "state  running\n"
              "tcp    -")
         (table/render-map {:tcp nil :state :running} [:state :tcp]))))
