/* policykb: Chinese queries as character bigrams, the same rules as policykb/render/site/search.py.
 *
 * Material sends the query to its search worker as {type: 2 (QUERY), data: "…"}. We rewrite the
 * Chinese runs of that string into required bigram tokens ("+zz…") that the build added to hidden
 * fields of the index; everything else is left to Material. Works with the native Worker (http)
 * and with the iframe-worker shim (file://), which both expose postMessage on their prototype.
 */
(function () {
  "use strict";
  var RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff0-9]*[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff][\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff0-9]*/g;
  var SETUP = 0, QUERY = 2;

  function code(c) {  // five decimal digits: lunr's English stemmer leaves a digit ending alone
    var s = String(c.codePointAt(0));
    return "00000".slice(s.length) + s;
  }

  function bigrams(run) {
    var out = [];
    for (var i = 0; i + 1 < run.length; i++) out.push("zz" + code(run[i]) + code(run[i + 1]));
    return out;
  }

  function transform(query) {
    return query.normalize("NFKC").toLowerCase().replace(RUN, function (run) {
      if (run.length < 2) return run;
      return " " + bigrams(run).map(function (t) { return "+" + t; }).join(" ") + " ";
    }).trim();
  }

  window.policykbSearchTransform = transform;
  [window.Worker, window.IFrameWorker].forEach(function (W) {
    if (!W || !W.prototype || W.prototype.__policykbPatched) return;
    var post = W.prototype.postMessage;
    W.prototype.postMessage = function (message) {
      // Only for an index built by policykb (it has our fields); Zensical or a plain build keep their search.
      if (message && message.type === SETUP && message.data && message.data.config)
        this.__policykb = !!(message.data.config.fields && message.data.config.fields.pkt);
      if (this.__policykb && message && message.type === QUERY && typeof message.data === "string") {
        var args = Array.prototype.slice.call(arguments);
        args[0] = { type: QUERY, data: transform(message.data) };
        return post.apply(this, args);
      }
      return post.apply(this, arguments);
    };
    W.prototype.__policykbPatched = true;
  });
})();
