;; Build step run by Maven (exec-maven-plugin, process-classes): AOT-compiles corezero.launcher, and with it
;; every corezero and nREPL namespace it loads, into the compile path given by -Dclojure.compile.path.
(require '[clojure.java.io :as io]
         '[clojure.string :as str])

(let [out (io/file (System/getProperty "clojure.compile.path"))
      class-file? #(and (.isFile ^java.io.File %) (str/ends-with? (.getName ^java.io.File %) ".class"))
      source-file? #(and (.isFile ^java.io.File %) (str/ends-with? (.getName ^java.io.File %) ".clj"))
      ;; 2000-01-01: any time well before the build.
      old-ms 946684800000]
  ;; Class files of earlier compiles would pile up in the jar: fn classes get new numbers every time.
  (doseq [dir ["corezero" "nrepl"]
          f (file-seq (io/file out dir))
          :when (class-file? f)]
    (io/delete-file f))
  (binding [*compile-path* (str out)]
    (compile 'corezero.launcher))
  ;; The sources are packaged beside the classes (editors jump to them). A jar keeps times to 2 s and Clojure
  ;; loads a namespace from source unless its class is strictly newer, so sources copied a second before the
  ;; compile would be compiled again at every start: make them older than any class.
  (doseq [f (file-seq out)
          :when (source-file? f)]
    (.setLastModified ^java.io.File f old-ms)))
