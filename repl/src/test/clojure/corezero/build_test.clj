(ns corezero.build-test
  "The AOT build step leaves every namespace loadable from its class: a source that is not older than its
  class would be compiled again at every start (Clojure loads the class only when it is strictly newer)."
  (:require [clojure.java.io :as io]
            [clojure.string :as str]
            [clojure.test :refer [deftest is]]))

(deftest every-namespace-has-a-newer-class-than-its-source
  (let [dir (io/file (.toURI (io/resource "corezero/launcher.clj")))
        sources (filter #(str/ends-with? (.getName ^java.io.File %) ".clj") (.listFiles (.getParentFile dir)))]
    (is (< 8 (count sources)))
    (doseq [^java.io.File src sources
            :let [init (io/file (.getParentFile src)
                                (str (str/replace (subs (.getName src) 0 (- (count (.getName src)) 4)) "-" "_")
                                     "__init.class"))]]
      (is (.isFile init) (str "no AOT class for " src))
      (is (> (.lastModified init) (+ 2000 (.lastModified src)))
          (str src " is not older than its class by more than a jar's 2 s time resolution")))))
