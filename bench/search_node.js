// The question sets over a built site's index in parts, in node: pk-search.js's own ranking over the same parts
// a page loads (see search_node.py, which prepares the sets and runs this).
//   node bench/search_node.js SITE SCRIPT SETS.json   (SETS: [{name, misses, items: [{q, kind, pages}]}])
"use strict";
const fs = require("fs"), path = require("path");
const [site, script, sets] = process.argv.slice(2);
const pk = path.join(site, "search", "pk");
global.window = {};
global.document = {  // just enough of a page: a part's <script> is read from disk and run
  currentScript: null, readyState: "loading", addEventListener() {}, createElement: () => ({}),
  head: { appendChild(el) {
    setImmediate(() => {
      const name = el.src.replace(/^.*search\/pk\//, "").replace(/\.js$/, "");
      new Function("policykbShard", fs.readFileSync(path.join(pk, name + ".js"), "utf8"))(window.policykbShard);
    });
  } },
};
require(path.resolve(script));
const S = window.policykbSearch;

(async () => {
  const meta = await S.loadPart("meta");
  const state = { engine: new S.ShardedEngine(meta), rules: meta.config.policykb };
  const out = [];
  for (const set of JSON.parse(fs.readFileSync(sets, "utf8"))) {
    const rows = [];
    for (const item of set.items) {
      const start = process.hrtime.bigint();
      const result = await S.answerInParts(state, item.q, 10);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      const found = result.items.slice(0, 10).map(g => g[0].location.split("#")[0]);
      rows.push({ q: item.q, kind: item.kind, pages: item.pages, found, ms });
    }
    out.push({ name: set.name, misses: set.misses, rows });
  }
  process.stdout.write(JSON.stringify(out));
})();
