(ns corezero.server-test
  "The embedded nREPL server without an engine: socket permissions, stale and live sockets, session reaping."
  (:require [clojure.java.io :as io]
            [clojure.test :refer [deftest is testing]]
            [corezero.server :as server]
            [nrepl.core :as nrepl])
  (:import (java.nio.file Files LinkOption)
           (java.nio.file.attribute FileAttribute PosixFilePermissions)))

(defn- temp-run-dir
  []
  (let [d (Files/createTempDirectory "cz-server-test" (make-array FileAttribute 0))]
    (Files/setPosixFilePermissions d (PosixFilePermissions/fromString "rwx------"))
    d))

(defn- cfg
  [run-dir]
  {:run-dir (str run-dir)
   :repl {:socket "nrepl.sock" :tcp {:host "127.0.0.1" :port 0} :allow-non-loopback false :port-file nil}})

(defn- sessions
  [socket]
  (with-open [conn (nrepl/connect :socket socket)]
    (set (:sessions (nrepl/combine-responses (nrepl/message (nrepl/client conn 5000) {:op "ls-sessions"}))))))

(deftest socket-is-private-and-sessions-of-gone-clients-are-closed
  (let [run-dir (temp-run-dir)
        repl (server/start! (cfg run-dir))
        socket (:socket repl)]
    (try
      (is (= "rw-------" (PosixFilePermissions/toString
                          (Files/getPosixFilePermissions (.toPath (io/file socket)) (make-array LinkOption 0)))))
      (is (pos-int? (get-in repl [:tcp :port])))
      (is (= (str (get-in repl [:tcp :port])) (slurp (.toFile (.resolve run-dir ".nrepl-port")))))
      (testing "a session cloned over a connection is closed when the connection goes"
        (let [before @server/reaped-sessions
              sid (with-open [conn (nrepl/connect :socket socket)]
                    (let [s (nrepl/new-session (nrepl/client conn 5000))]
                      (is (contains? (sessions socket) s) "open while its client is connected")
                      s))]
          (Thread/sleep 300)
          (is (not (contains? (sessions socket) sid)))
          (is (< before @server/reaped-sessions))))
      (testing "a second server on the same live socket is refused"
        (is (thrown-with-msg? clojure.lang.ExceptionInfo #"another engine is listening on"
                              (server/clear-stale-socket! (.toPath (io/file socket))))))
      (finally
        (server/stop! repl)))
    (testing "stop removes the socket and the port file"
      (is (not (.exists (io/file socket))))
      (is (not (.exists (.toFile (.resolve run-dir ".nrepl-port"))))))))

(deftest a-stale-socket-file-is-removed
  (let [run-dir (temp-run-dir)
        path (.resolve run-dir "stale.sock")]
    ;; A socket bound and closed without unlinking is exactly what a killed process leaves.
    (let [ch (java.nio.channels.ServerSocketChannel/open java.net.StandardProtocolFamily/UNIX)]
      (.bind ch (java.net.UnixDomainSocketAddress/of path))
      (.close ch))
    (is (Files/exists path (make-array LinkOption 0)))
    (is (false? (server/socket-live? path)))
    (is (= :removed (server/clear-stale-socket! path)))
    (is (= :absent (server/clear-stale-socket! path)))))
