// Exercises a running corezero engine with the npm package nrepl-client: describe, eval and load-file,
// over TCP (--port N) or the Unix socket (--socket PATH).
// Prints one EDN map (read by the Clojure test) with what it saw and exits 0,
// or prints the error and exits 1. Bounded by a 20 s timer.
'use strict';
const nrepl = require('nrepl-client');

function parseArgs(argv) {
  const opts = {};
  for (let i = 0; i < argv.length; i += 2) {
    if (argv[i] === '--port') opts.port = Number(argv[i + 1]);
    else if (argv[i] === '--socket') opts.path = argv[i + 1];
    else throw new Error('unexpected argument ' + argv[i]);
  }
  if (!opts.port && !opts.path) throw new Error('usage: nrepl-client-check.js --port N | --socket PATH');
  if (opts.port) opts.host = '127.0.0.1';
  return opts;
}

function call(fn) {
  return new Promise((resolve, reject) => fn((err, messages) => (err ? reject(err) : resolve(messages))));
}

// EDN for strings, arrays and flat objects: JSON string escapes are valid in EDN strings.
function toEdn(x) {
  if (Array.isArray(x)) return '[' + x.map(toEdn).join(' ') + ']';
  if (x !== null && typeof x === 'object') {
    return '{' + Object.keys(x).map((k) => ':' + k + ' ' + toEdn(x[k])).join(' ') + '}';
  }
  if (x === undefined || x === null) return 'nil';
  return JSON.stringify(String(x));
}

function values(messages) {
  return messages.filter((m) => m.value !== undefined).map((m) => m.value);
}

function errors(messages) {
  return messages.filter((m) => m.err !== undefined || m.ex !== undefined).map((m) => m.err || m.ex);
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const timer = setTimeout(() => { console.error('timed out'); process.exit(1); }, 20000);
  const conn = nrepl.connect(opts);
  await new Promise((resolve, reject) => { conn.once('connect', resolve); conn.once('error', reject); });

  // describe(session, verbose, callback): this client does not shift optional arguments here.
  const described = await call((cb) => conn.describe(undefined, false, cb));
  const ops = Object.keys((described[0] || {}).ops || {}).sort();

  const [session] = (await call((cb) => conn.clone(cb)))
    .filter((m) => m['new-session']).map((m) => m['new-session']);

  const evalStatus = await call((cb) => conn.eval('(:state (status))', 'user', session, cb));
  const evalMath = await call((cb) => conn.eval('(+ 40 2)', 'user', session, cb));
  const evalBad = await call((cb) => conn.eval('(set-param! 99 :k 1)', 'user', session, cb));

  const source = [
    '(ns corezero.client-check (:require [corezero.ops :as ops]))',
    '(defn cycles-rising? [] (let [a (:duty-cycles (ops/status))] (Thread/sleep 20) (< a (:duty-cycles (ops/status)))))',
    '(cycles-rising?)'
  ].join('\n');
  const loaded = await call((cb) => conn.loadFile(source, 'client_check.clj', 'corezero/client_check.clj',
                                                  session, cb));
  const afterLoad = await call((cb) => conn.eval('(corezero.client-check/cycles-rising?)', 'user', session, cb));
  await call((cb) => conn.close(session, cb));

  console.log(toEdn({
    ops: ops,
    session: session,
    status: values(evalStatus),
    math: values(evalMath),
    badErr: errors(evalBad),
    loadFile: values(loaded),
    loadFileErr: errors(loaded),
    afterLoad: values(afterLoad)
  }));
  clearTimeout(timer);
  conn.end();
}

main().catch((err) => { console.error(err && err.stack ? err.stack : String(err)); process.exit(1); });
