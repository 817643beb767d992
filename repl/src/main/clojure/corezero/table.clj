(ns corezero.table
  "Plain-text tables for the REPL: values stay data, and print as aligned columns.")

(set! *warn-on-reflection* true)

(defn- cell
  [x]
  (cond
    (keyword? x) (name x)
    (nil? x) "-"
    (integer? x) (format "%,d" x)
    :else (str x)))

(defn render
  "Renders `rows` (maps) as a table of the given `columns` (keys, in order); numbers right-aligned."
  [columns rows]
  (let [header (mapv (comp #(.toUpperCase ^String %) name) columns)
        body (mapv (fn [row] (mapv #(cell (get row %)) columns)) rows)
        numeric (mapv (fn [c] (every? #(number? (get % c)) rows)) columns)
        widths (apply mapv (fn [& cells] (apply max (map count cells))) header body)
        line (fn [cells]
               (->> (map (fn [s w right?] (if right?
                                            (format (str "%" w "s") s)
                                            (format (str "%-" w "s") s)))
                         cells widths (concat numeric (repeat false)))
                    (interpose "  ")
                    (apply str)
                    (#(.replaceAll ^String % "\\s+$" ""))))]
    (apply str (interpose "\n" (cons (line header) (map line body))))))

(defn render-map
  "Renders a map as a two-column KEY / VALUE table, keys in the order given by `ks` (default: sorted)."
  ([m] (render-map m (sort (keys m))))
  ([m ks]
   (render [:key :value] (map (fn [k] {:key k :value (get m k)}) ks))))
