/* policykb: Chinese search that answers the questions people type.
 *
 * Loaded before Material's bundle (extra.polyfills), it stands between Material and its search
 * worker. When Material hands the worker the index (SETUP), we keep the index and answer every
 * query with Chinese in it here, over the hidden bigram fields the build added (pkt, pkb; the same
 * tokens as policykb/render/site/search.py):
 *
 * - today's all-terms query first, ranked exactly as Material's lunr worker ranks it, so keyword
 *   queries keep their ranks;
 * - when that finds nothing, or the query is a question (question or intent words), a partial-match
 *   ranking (BM25 over the same tokens, a minimum share of the query's terms), after dropping filler
 *   words, adding the policy's words for everyday ones and favouring the pages the intent asks for
 *   (who → tasks and units; when → pages with a deadline; how many → pages with the figure). The
 *   word lists come with the index (config.policykb, from synonyms.yaml);
 * - every result shows the sentence that answers, matched words marked, and a task's 牵头单位.
 *
 * The worker gets the index without the hidden fields and answers only queries without Chinese
 * (error codes …); over file:// (the iframe shim runs it in the page's thread) it starts after the
 * first results. An index not built by policykb (no pkt field) is left to Material alone.
 *
 * Before ranking, a query's numbers are written as the policy writes them (第二十条 → 第20条,
 * 两千元 → 2000元), 扶贫/脱贫 variants are tried, and a unit's name (every name of the registry,
 * config.policykb.names) or a 第N条/第N项 puts its page first. The last query typed always wins.
 *
 * The default mkdocs.yml has no Material search plugin: every page gets our own search box (in
 * Material's header, or atop the content under another theme), over the index in parts under
 * search/pk/ (policykb/render/site/shards.py), loaded as it is needed. What follows about
 * Material's worker applies only when a site puts Material's search plugin back and lists this
 * script in extra.polyfills after the iframe-worker shim.
 */
(function () {
  "use strict";
  if (typeof window !== "undefined" && window.policykbSearch) return;  // listed twice in mkdocs.yml
  var HAN = "\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff";
  var HAN_CHAR = new RegExp("[" + HAN + "]");
  var RUN = new RegExp("[" + HAN + "0-9]*[" + HAN + "][" + HAN + "0-9]*", "g");
  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
  var HIDDEN = ["pkt", "pkb"], WORKER_DELAY = 3000;
  var K1 = 1.2, B = 0.5, TITLE_WEIGHT = 4, MIN_SHARE = 0.45, MAX_RESULTS = 30, SNIPPET = 110, FIRST_SHOWN = 10;
  var TABLE_PAGE = /\/table\.html$/, LISTING_PAGE = /(^|\/)index\.html$/;
  var KINDS = [["task", /\/tasks\/[^/]+\.html$/], ["article", /\/articles\/[^/]+\.html$/],
               ["unit", /^units\/(?!index\.html)[^/]+\.html$/], ["indicators", /\/indicators\.html$/],
               ["calendar", /(^|\/)calendar\.html$/]];
  // Page kinds each intent favours, and by how much.
  var INTENT_BOOST = {
    who: { task: 1.6, unit: 1.3 },
    when: { task: 1.25, article: 1.25, calendar: 1.1 },
    number: { task: 1.25, article: 1.25, indicators: 1.1 }
  };
  var UNKNOWN_WEIGHT = 0.5;  // a query pair no page holds, against an average known one (often a seam: 网太)
  var GUIDE_PAGE = /^guide\//;  // the maintainers' guide: below every reader's page, never for a question
  var DOWNLOAD_LINE = /\.(docx|pdf|zip|xlsx|csv|svg|json|graphml)\b/i;  // a file name is no answer
  var WHEN_TEXT = /\d{4}年|年底|年前|月底|年内|以前|之前|每年|起/;
  var NUMBER_TEXT = /\d|[一二三四五六七八九十百千万亿]+(个|名|所|家|项|成|倍)|％|%/;

  function code(c) {  // five decimal digits: lunr's English stemmer leaves a digit ending alone
    var s = String(c.codePointAt(0));
    return "00000".slice(s.length) + s;
  }

  function normalize(text) {
    return text.normalize("NFKC").toLowerCase();
  }

  /* ---- Numbers as people write them: 第二十条 → 第20条, 二〇一七年 → 2017年, 两千元 → 2000元 ---- */
  var CN_DIGITS = { "〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
                    "七": 7, "八": 8, "九": 9 };
  var CN_UNITS = { "十": 10, "百": 100, "千": 1000, "万": 1e4, "亿": 1e8 };
  var CN = "〇零一二两三四五六七八九十百千万亿";
  var ORDINAL = new RegExp("第([" + CN.slice(0, -2) + "]+)(条|项|部分|款|章|批)", "g");
  var YEAR = /([〇零一二三四五六七八九]{4})年/g;
  var AMOUNT = new RegExp("([" + CN + "]+?)(亿元|万元|元|万人|万户|万亩|个百分点)", "g");
  var PERCENT = new RegExp("百分之([" + CN + "]+)", "g");

  function cnValue(text) {  // 二十 → 20, 一千五百 → 1500, 二〇一七 → 2017 (digit by digit)
    if (/^[〇零一二三四五六七八九]{2,}$/.test(text))
      return text.split("").map(function (c) { return CN_DIGITS[c]; }).join("");
    var total = 0, section = 0, digit = 0;
    for (var i = 0; i < text.length; i++) {
      var c = text[i];
      if (c in CN_DIGITS) { digit = CN_DIGITS[c]; continue; }
      var unit = CN_UNITS[c];
      if (unit >= 1e4) { total += (section + digit) * unit; section = 0; }
      else section += (digit || 1) * unit;
      digit = 0;
    }
    return String(total + section + digit);
  }

  /* The forms a query is searched in: numbers as the policy writes them first (a sum in 万元 also in 元). */
  function numberForms(query) {
    var arabic = query.replace(ORDINAL, function (m, n, unit) { return "第" + cnValue(n) + unit; })
      .replace(YEAR, function (m, n) { return cnValue(n) + "年"; })
      .replace(PERCENT, function (m, n) { return cnValue(n) + "%"; })
      .replace(AMOUNT, function (m, n, unit) { return cnValue(n) + unit; });
    var forms = [arabic];
    var whole = arabic.replace(/(\d+)万元/g, function (m, n) { return String(+n * 1e4) + "元"; });
    if (whole !== arabic) forms.push(whole);
    if (forms.indexOf(query) < 0) forms.push(query);
    return forms;
  }

  /* Variant spellings of one policy word (扶贫/脱贫): each query form with every other variant. */
  function variantForms(forms, variants) {
    var out = forms.slice();
    (variants || []).forEach(function (group) {
      out.slice().forEach(function (form) {
        group.forEach(function (word) {
          if (form.indexOf(word) < 0) return;
          group.forEach(function (other) {
            var v = form.split(word).join(other);
            if (out.indexOf(v) < 0) out.push(v);
          });
        });
      });
    });
    return out;
  }

  /* Unit names (every name, alias, short and later name: config.policykb.names) and article/task
   * references (第20条) in a query: their pages, and what the query says besides them. */
  function namesIn(query, names) {
    var pages = [], rest = query, refs = false;
    keysByLength(names || {}).forEach(function (name) {
      if (rest.indexOf(name) < 0) return;
      rest = rest.split(name).join(" ");
      if (/^第\d+(条|项)$/.test(name)) refs = true;
      names[name].forEach(function (page) { if (pages.indexOf(page) < 0) pages.push(page); });
    });
    return { pages: pages, rest: rest, refs: refs };
  }

  function bigrams(run) {
    var out = [];
    for (var i = 0; i + 1 < run.length; i++) out.push("zz" + code(run[i]) + code(run[i + 1]));
    return out;
  }

  function termTokens(text) {  // the tokens of every Chinese run of a text
    var out = [];
    (normalize(text).match(RUN) || []).forEach(function (run) { out = out.concat(bigrams(run)); });
    return out;
  }

  var WORD = /[a-z0-9]*[a-z][a-z0-9]*/g;  // as search.py's WORD
  function wordTokens(text) {  // the Latin words of a text (error codes, commands), in our own index only
    return (normalize(text).match(WORD) || []).filter(function (w) { return w.length > 1; })
      .map(function (w) { return "w_" + w; });
  }

  function transform(query) {
    return normalize(query).replace(RUN, function (run) {
      if (run.length < 2) return run;
      return " " + bigrams(run).map(function (t) { return "+" + t; }).join(" ") + " ";
    }).trim();
  }

  function sameLength(text) {  // normalised character by character, so positions stay those of `text`
    var out = "";
    for (var i = 0; i < text.length; i++) {
      var c = normalize(text[i]);
      out += c.length === 1 ? c : text[i];
    }
    return out;
  }

  function byLength(a, b) { return b.length - a.length || (a < b ? -1 : a > b ? 1 : 0); }

  /* What a query asks: its clauses (each a list of alternative token lists), intents, marks. */
  /* A quality said of a thing (路太窄: noun, degree word, adjective) is written by the policy as the
   * adjective before the noun (窄路加宽): the pair turned round is looked for instead of the pairs that
   * span the degree word, which are seams. `known` (a pair some reader's page holds) keeps words such as
   * 太阳 whole; without it (collecting the shards to load) both readings are kept. */
  function predicates(q, degree, known, clauses, marks) {
    if (!degree || !degree.length) return q;
    var pattern = new RegExp("([" + HAN + "])子?(" + degree.slice().sort(byLength).join("|") + ")([" + HAN + "])", "g");
    return q.replace(pattern, function (m, noun, word, adjective) {
      var seam = bigrams(noun + word).concat(bigrams(word + adjective));
      if (seam.some(function (t) { return known && known(t); })) return m;  // 太阳, 很多: a word, no predicate
      var turned = adjective + noun;
      clauses.push({ alts: [bigrams(turned)], pairs: 1 });
      marks.push(turned);
      return known ? noun + " " + adjective : m;
    });
  }

  /* The word lists of `rules` in the order analyze tries them (longest first), made once per rules. */
  var preparedRules = typeof WeakMap !== "undefined" ? new WeakMap() : null;
  var sortedKeys = typeof WeakMap !== "undefined" ? new WeakMap() : null;
  function keysByLength(object) {
    var keys = sortedKeys && sortedKeys.get(object);
    if (!keys) {
      keys = Object.keys(object).sort(byLength);
      if (sortedKeys) sortedKeys.set(object, keys);
    }
    return keys;
  }
  var unitRules = typeof WeakMap !== "undefined" ? new WeakMap() : null;
  function prepared(rules) {
    var ready = preparedRules && preparedRules.get(rules);
    if (ready) return ready;
    var terms = Object.assign({}, rules.terms || {}), variant = {}, words = [];
    (rules.variants || []).forEach(function (group) {  // 扶贫 ↔ 脱贫: either finds both
      group.forEach(function (word) {
        variant[word] = true;
        terms[word] = (terms[word] || []).concat(group.filter(function (w) { return w !== word; }));
      });
    });
    var intents = rules.intents || {};
    Object.keys(intents).forEach(function (kind) {
      intents[kind].forEach(function (w) { words.push([w, kind]); });
    });
    (rules.fillers || []).forEach(function (w) { words.push([w, null]); });
    words.sort(function (a, b) { return byLength(a[0], b[0]); });
    ready = { terms: terms, variant: variant, order: Object.keys(terms).sort(byLength), words: words };
    if (preparedRules) preparedRules.set(rules, ready);
    return ready;
  }

  function analyze(query, rules, known) {
    rules = rules || {};
    var q = normalize(query), clauses = [], marks = [], intent = {}, question = false;
    var lists = prepared(rules), terms = lists.terms, variant = lists.variant;
    lists.order.forEach(function (word) {  // everyday words → policy words
      if (q.indexOf(word) < 0) return;
      q = q.split(word).join(" ");  // its own pairs are one alternative of the clause, not clauses of their own
      var alts = terms[word].concat([word]).map(termTokens).filter(function (a) { return a.length; });
      // It stands for the word's own pairs: it weighs as much as they would.
      clauses.push({ alts: alts, pairs: Math.max(1, word.length - 1) });
      marks = marks.concat(terms[word], variant[word] ? [word] : []);
    });
    q = predicates(q, rules.degree, known, clauses, marks);
    lists.words.forEach(function (pair) {
      var w = pair[0];
      if (q.indexOf(w) < 0) return;
      q = q.split(w).join(" ");
      if (pair[1]) intent[pair[1]] = true;
      if (pair[1] || w.length > 1) question = true;
    });
    var seen = {};
    (q.match(RUN) || []).forEach(function (run) {
      if (run.length < 2) return;
      marks.push(run);
      bigrams(run).forEach(function (t, k) {  // `follows`: the pair before it in the query is its neighbour
        if (!seen[t]) clauses.push({ alts: [[t]], pairs: 1, follows: k > 0 });
        seen[t] = true;
      });
    });
    (q.match(/[a-z][a-z0-9_-]+/g) || []).forEach(function (w) { marks.push(w); });
    return { clauses: clauses, intent: intent, question: question, marks: marks };
  }

  /* The index as our ranking needs it: per entry, the token counts of its two hidden fields. */
  function Engine(docs, fields) {
    var self = this;
    this.docs = docs;
    this.boosts = { title: ((fields || {}).pkt || {}).boost || 1, body: ((fields || {}).pkb || {}).boost || 1 };
    this.lunrIdfs = {};
    this.postings = {};
    this.pages = {};
    this.readerDf = {};  // a term's rarity is counted over the readers' pages, not the maintainers' guide
    this.readers = 0;
    var total = 0;
    this.entries = docs.map(function (doc, i) {
      var title = count(doc.pkt), body = count(doc.pkb), page = doc.location.split("#")[0];
      var length = 0;
      Object.keys(body).forEach(function (t) { length += body[t]; });
      total += length;
      var reader = !GUIDE_PAGE.test(page);
      if (reader) self.readers++;
      Object.keys(title).concat(Object.keys(body)).forEach(function (t) {
        var list = self.postings[t] || (self.postings[t] = []);
        if (list[list.length - 1] !== i) {
          list.push(i);
          if (reader) self.readerDf[t] = (self.readerDf[t] || 0) + 1;
        }
      });
      var p = self.pages[page] || (self.pages[page] = { location: page, entries: [], doc: null });
      p.entries.push(i);
      if (doc.location === page) p.doc = doc;
      return { title: title, body: body, length: length, page: page };
    });
    this.average = total / Math.max(1, docs.length) || 1;
  }

  /* An entry's title and text; in the index in parts (ShardedEngine) they come with the page's part,
   * so a missing one is noted (engine.missing) and the answer made again once it has arrived. */
  function textOf(engine, doc, key) {
    if (doc[key] !== null && doc[key] !== undefined) return doc[key];
    if (engine.missing && doc.part !== undefined) engine.missing[doc.part] = true;
    return "";
  }

  function count(field) {
    var out = {};
    (field || "").split(" ").forEach(function (t) { if (t) out[t] = (out[t] || 0) + 1; });
    return out;
  }

  Engine.prototype.idf = function (token) {
    var df = this.readerDf[token] || 0;
    return df ? this.rarity(df) : 0;
  };

  Engine.prototype.rarity = function (df) {  // BM25's idf over the readers' entries
    var n = this.readers;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  };

  Engine.prototype.termScore = function (i, token) {
    var e = this.entries[i];
    var tf = TITLE_WEIGHT * (e.title[token] || 0) +
      (e.body[token] || 0) / (1 - B + B * e.length / this.average);
    return tf ? this.idf(token) * tf * (K1 + 1) / (tf + K1) : 0;
  };

  /* termScore for the j-th entry of a token's postings (i): the index in parts keeps a token's term
   * frequencies beside its postings. */
  Engine.prototype.termScoreAt = function (token, j, i) {
    return this.termScore(i, token);
  };

  /* lunr's inverse document frequency: it counts a term once per field that holds it. */
  Engine.prototype.lunrIdf = function (token) {
    if (this.lunrIdfs[token] === undefined) {
      var self = this, df = 0;
      (this.postings[token] || []).forEach(function (i) {
        df += (self.entries[i].title[token] ? 1 : 0) + (self.entries[i].body[token] ? 1 : 0);
      });
      var x = (this.entries.length - df + 0.5) / (df + 0.5);
      this.lunrIdfs[token] = Math.log(1 + Math.abs(x));
    }
    return this.lunrIdfs[token];
  };

  /* Today's all-terms query, ranked as Material's lunr worker ranks it (BM25 with b = 0 per field,
   * cosine with the query vector, field and page boosts, then Material's ×5 for pages and ×2 for
   * sections that match every term), so keyword queries keep their ranks without waiting for lunr. */
  Engine.prototype.allTerms = function (tokens) {
    var self = this, weights = {}, norm = 0;
    tokens.forEach(function (t) { weights[t] = (weights[t] || 0) + 1; });
    var terms = Object.keys(weights);
    if (!terms.length || terms.some(function (t) { return !self.postings[t]; })) return [];
    terms.forEach(function (t) { norm += weights[t] * weights[t]; });
    norm = Math.sqrt(norm);
    var sets = terms.map(function (t) { return new Set(self.postings[t]); })
      .sort(function (a, b) { return a.size - b.size; });
    var scored = [];
    sets[0].forEach(function (i) {
      if (!sets.every(function (set) { return set.has(i); })) return;
      var e = self.entries[i], doc = self.docs[i], score = 0;
      [["title", self.boosts.title], ["body", self.boosts.body]].forEach(function (field) {
        var dot = 0, any = false;
        terms.forEach(function (t) {
          var tf = e[field[0]][t];
          if (!tf) return;
          any = true;
          var w = self.lunrIdf(t) * (K1 + 1) * tf / (K1 + tf) * field[1] * (doc.boost || 1);
          dot += weights[t] * Math.round(w * 1000) / 1000;
        });
        if (any) score += dot / norm;
      });
      scored.push({ location: e.page, score: score * (doc.location.indexOf("#") < 0 ? 5 : 2) });
    });
    scored.sort(function (a, b) { return b.score - a.score; });
    var seen = {};
    return scored.filter(function (r) { return !seen[r.location] && (seen[r.location] = true); })
      .slice(0, MAX_RESULTS);
  };

  /* Pages that hold the form's numbers as numbers: the pairs of 2000 are also those of 2020 and 10000. */
  Engine.prototype.withNumbers = function (pages, form) {
    var self = this, numbers = (form.match(/\d+/g) || []).map(function (n) {
      return new RegExp("(^|\\D)" + n + "(?!\\d)");
    });
    if (!numbers.length) return pages;
    return pages.filter(function (r) {
      var page = self.pages[r.location];
      return page && page.entries.some(function (i) {
        var doc = self.docs[i];
        var text = normalize(plain(textOf(self, doc, "title")) + " " + plain(textOf(self, doc, "text")));
        return numbers.every(function (n) { return n.test(text); });
      });
    });
  };

  /* Partial-match ranking: pages whose best entry has a sensible share of the query's terms. */
  Engine.prototype.rank = function (analysis) {
    var self = this, clauses = [], weightTotal = 0, unknown = 0, stretch = false;
    analysis.clauses.forEach(function (c) {
      var alts = c.alts.filter(function (alt) {
        return alt.every(function (t) { return self.readerDf[t]; });
      });
      // A pair no reader's page holds is the rarest of terms: it weighs in the share a page must match,
      // so a question is not answered by the one common pair it shares with some page (上去 of 看上去).
      // Neighbouring such pairs are one stretch of everyday speech (住在山上不: the seams between its
      // words), which counts once, not once a pair.
      var known = alts.length > 0, inStretch = !known && stretch && c.follows;
      stretch = !known;
      if (!known) { if (!inStretch) unknown += c.pairs; return; }
      var weight = c.pairs * Math.max.apply(null, alts.map(function (alt) {
        return alt.reduce(function (s, t) { return s + self.idf(t); }, 0) / alt.length;
      }));
      clauses.push({ alts: alts, weight: weight, pairs: c.pairs });
      weightTotal += weight;
    });
    if (!clauses.length) return [];
    // …weighing as much as an average pair of the query that some reader's page holds.
    var pairs = clauses.reduce(function (n, c) { return n + c.pairs; }, 0);
    weightTotal += unknown * weightTotal / pairs * UNKNOWN_WEIGHT;
    // Term at a time: each token's postings are walked once (a common pair's run into thousands at 30×).
    var totals = new Map();
    clauses.forEach(function (c) {
      var best = new Map();
      c.alts.forEach(function (alt) {
        var sums = null;  // entry → sum of its scores for the alternative's tokens so far (entries with them all)
        alt.forEach(function (t) {
          var list = self.postings[t] || [], next = new Map();
          for (var j = 0; j < list.length; j++) {
            var i = list[j];
            if (sums && !sums.has(i)) continue;
            var ts = self.termScoreAt(t, j, i);
            if (ts) next.set(i, (sums ? sums.get(i) : 0) + ts);
          }
          sums = next;
        });
        sums.forEach(function (s, i) {  // an alternative's mean, times the pairs it stands for
          var v = s * c.pairs / alt.length;
          if (!(best.get(i) >= v)) best.set(i, v);
        });
      });
      best.forEach(function (v, i) {
        var t = totals.get(i) || { score: 0, matched: 0 };
        t.score += v;
        t.matched += c.weight;
        totals.set(i, t);
      });
    });
    var pages = {}, order = Array.from(totals.keys()).sort(function (a, b) { return a - b; });
    order.forEach(function (i) {
      var t = totals.get(i), score = t.score, matched = t.matched;
      if (matched / weightTotal < MIN_SHARE) return;
      var page = self.entries[i].page;
      if (!pages[page] || pages[page].score < score) pages[page] = { location: page, score: score, share: matched / weightTotal };
    });
    return Object.keys(pages).map(function (page) {
      var p = pages[page], doc = self.pages[page] && self.pages[page].doc;
      var kind = pageKind(page), factor = Math.sqrt((doc && doc.boost) || 1) * p.share;
      Object.keys(analysis.intent).forEach(function (intent) {
        factor *= (INTENT_BOOST[intent] || {})[kind] || 1;
      });
      if (TABLE_PAGE.test(page)) factor *= 0.2;  // the 分工方案 repeats every task: the task pages answer
      else if (LISTING_PAGE.test(page)) factor *= 0.5;
      return { location: page, score: p.score * factor };
    }).sort(function (a, b) { return b.score - a.score || (a.location < b.location ? -1 : 1); })
      .slice(0, MAX_RESULTS);
  };

  function pageKind(location) {
    for (var k = 0; k < KINDS.length; k++) if (KINDS[k][1].test(location)) return KINDS[k][0];
    return "other";
  }

  /* ---- What a result shows: title and answering sentence with the matched words marked ---- */

  function plain(html) {
    return html.replace(/<[^>]*>/g, " ").replace(/\u200b/g, "").replace(/&nbsp;|\u00a0/g, " ")
      .replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, "\"").replace(/&#39;/g, "'")
      .replace(/&#(\d+);/g, function (m, n) { return String.fromCodePoint(+n); })  // 「(」 as mkdocs writes it: &#40;
      .replace(/&#x([0-9a-f]+);/gi, function (m, n) { return String.fromCodePoint(parseInt(n, 16)); })
      .replace(/&amp;/g, "&").replace(/\s+/g, " ").trim();
  }

  function escape(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  /* Marks every character pair of `text` that is one of the query's (`pairs`: pair → token), and Latin words. */
  function highlight(text, pairs, words) {
    var norm = sameLength(text), on = new Array(text.length);
    {
      for (var i = 0; i + 1 < norm.length; i++)
        if (pairs[norm.substr(i, 2)]) on[i] = on[i + 1] = true;
      words.forEach(function (w) {
        if (!/^[a-z]/.test(w)) return;
        for (var at = norm.indexOf(w); at >= 0; at = norm.indexOf(w, at + 1))
          for (var k = at; k < at + w.length; k++) on[k] = true;
      });
    }
    var out = "", open = false;
    for (var j = 0; j < text.length; j++) {
      if (on[j] && !open) { out += "<mark>"; open = true; }
      if (!on[j] && open) { out += "</mark>"; open = false; }
      out += escape(text[j]);
    }
    return out + (open ? "</mark>" : "");
  }

  /* Sentences of an entry's prose: paragraphs and list items, not flattened table rows. */
  function sentences(html) {
    var blocks = html.match(/<(p|li)\b[^>]*>[\s\S]*?<\/\1>/g) || [];
    var text = blocks.length ? blocks.map(plain) : [];
    var out = [];
    text.forEach(function (block) {
      (block.match(/[^。；！？]+[。；！？]?/g) || []).forEach(function (s) {
        s = s.trim();
        if (s.length > 1) out.push(s);
      });
    });
    return out;
  }

  function leadOf(doc) {
    var m = /牵头单位\s+(.+?)\s+(?:参与单位|原文单位|落实条文|$)/.exec(plain(doc.text || ""));
    return m ? m[1].replace(/（[^）]*牵头）/g, "").trim() : "";
  }

  function pairOf(token) {  // "zz" + two five-digit code points → the two characters
    return String.fromCodePoint(+token.slice(2, 7), +token.slice(7, 12));
  }

  function Presenter(engine, analysis) {
    var pairs = {};
    analysis.clauses.forEach(function (c) {
      c.alts.forEach(function (alt) { alt.forEach(function (t) { pairs[pairOf(t)] = t; }); });
    });
    this.engine = engine;
    this.analysis = analysis;
    this.pairs = pairs;
  }

  Presenter.prototype.sentence = function (page) {
    var self = this, best = null, bestScore = -1, intent = this.analysis.intent;
    page.entries.forEach(function (i, order) {
      sentences(textOf(self.engine, self.engine.docs[i], "text")).forEach(function (s) {
        if (DOWNLOAD_LINE.test(s)) return;
        var seen = {}, score = 0;
        var text = s.toLowerCase();
        for (var k = 0; k + 1 < text.length; k++) {
          var t = self.pairs[text.substr(k, 2)];
          if (t && !seen[t]) { seen[t] = true; score += self.engine.idf(t) || 1; }
        }
        if (intent.when && WHEN_TEXT.test(s)) score += 3;
        if (intent.number && NUMBER_TEXT.test(s)) score += 3;
        score -= order * 0.01;  // ties: the page's own text before its sections
        if (score > bestScore) { best = s; bestScore = score; }
      });
    });
    return best || "";
  };

  Presenter.prototype.item = function (location, score) {
    var page = this.engine.pages[location];
    if (!page || !page.doc) return null;
    var self = this, doc = page.doc, marks = this.analysis.marks, text = null;
    var item = { location: doc.location, title: highlight(plain(textOf(this.engine, doc, "title")), this.pairs, marks),
                 score: score,
                 terms: {} };
    // The snippet is made when Material renders the result (the first ten at once, the rest on scroll).
    Object.defineProperty(item, "text", { enumerable: true, get: function () {
      if (text !== null) return text;
      var sentence = self.sentence(page);
      var lead = pageKind(location) === "task" ? leadOf({ text: textOf(self.engine, doc, "text") }) : "";
      text = "";
      if (lead) text += "<p class=\"pk-lead\"><strong>牵头：</strong>" + highlight(lead, self.pairs, marks) + "</p>";
      if (sentence) text += "<p>" + highlight(clip(sentence, self.pairs), self.pairs, marks) + "</p>";
      return text;
    } });
    return item;
  };

  /* A long sentence cut around its first matched pair. */
  function clip(sentence, pairs) {
    if (sentence.length <= SNIPPET) return sentence;
    var norm = sameLength(sentence), first = 0;
    for (var i = 0; i + 1 < norm.length; i++)
      if (pairs[norm.substr(i, 2)]) { first = i; break; }
    var start = Math.max(0, Math.min(first - 20, sentence.length - SNIPPET));
    return (start ? "…" : "") + sentence.slice(start, start + SNIPPET) + (start + SNIPPET < sentence.length ? "…" : "");
  }

  /* The answer Material renders. Chinese queries are answered here: the all-terms query when it
   * finds something and the query is no question, else the partial-match ranking; queries without
   * Chinese are the worker's (`data`), shown our way. */
  function answer(state, query, data) {
    var engine = state.engine || (state.engine = new Engine(state.docs, state.fields));
    var rules = state.rules || {}, forms = variantForms(numberForms(normalize(query)), rules.variants);
    var analysis = analyze(forms[0], rules, function (t) { return !!engine.readerDf[t]; });
    var tokens = termTokens(forms[0]);
    var words = function (form) { return engine.words ? wordTokens(form) : []; };
    var presenter = new Presenter(engine, analysis), pages;
    if (!tokens.length && !words(forms[0]).length) {
      return { items: ((data && data.items) || []).map(function (group) {
        var top = group.reduce(function (m, d) { return Math.max(m, d.score); }, 0);
        var item = presenter.item(group[0].location.split("#")[0], top);
        return item ? [item] : group;
      }), suggest: data && data.suggest };
    }
    pages = [];
    if (!analysis.question) {  // every form's all-terms answer, the first form's first
      forms.forEach(function (form) {
        pages = merged(pages, engine.withNumbers(engine.allTerms(termTokens(form).concat(words(form))), form));
      });
    }
    // Nothing on a reader's page word for word (年度报告 only in the maintainers' guide): the partial
    // ranking, with the policy's words for everyday ones, answers; the guide's hits stay behind it
    var partial = !pages.some(isReader);
    if (partial) pages = merged(tokens.length ? engine.rank(analysis).filter(isReader) : [], pages);
    pages = led(namesIn(forms[0], rules.names), rules, pages);
    pages = readersFirst(pages, analysis.question);
    return { items: pages.slice(0, MAX_RESULTS).map(function (r) { return presenter.item(r.location, r.score); })
      .filter(Boolean).map(function (item) { return [item]; }) };
  }

  function merged(pages, more) {
    var seen = {};
    pages.forEach(function (r) { seen[r.location] = true; });
    return pages.concat(more.filter(function (r) { return !seen[r.location]; }));
  }

  /* A unit's name with nothing else to look for (省卫健委, 人社厅牵头的任务) or a reference (第20条):
   * their pages lead. */
  function led(named, rules, pages) {
    if (!named.pages.length) return pages;
    var quiet = unitRules && unitRules.get(rules);  // what else a query names a unit with: not words to look for
    if (!quiet) {
      quiet = Object.assign({}, rules, { fillers: (rules.fillers || []).concat(rules.unit_words || []), terms: {}, variants: [] });
      if (unitRules) unitRules.set(rules, quiet);
    }
    var rest = analyze(named.rest, quiet);
    if (rest.clauses.length && !named.refs) return pages;
    var top = pages.length ? pages[0].score : 1;
    var first = named.pages.map(function (page, i) { return { location: page, score: 2 * top + named.pages.length - i }; });
    return first.concat(pages.filter(function (r) { return named.pages.indexOf(r.location) < 0; }));
  }

  /* Readers' pages answer readers: the maintainers' guide only for a query no reader's page answers
   * (an error message, a command), found word for word — never for a question or a partial match. */
  function readersFirst(pages, question) {
    var readers = pages.filter(isReader);
    return readers.length || question ? readers : pages;
  }

  function isReader(r) { return !GUIDE_PAGE.test(r.location); }

  /* ---- The index in parts (search/pk/, written by policykb/render/site/shards.py) ---- */
  var parts = {}, partWaiters = {};
  if (typeof window !== "undefined") {
    window.policykbShard = function (name, data) {
      parts[name] = data;
      (partWaiters[name] || []).forEach(function (done) { done(data); });
      delete partWaiters[name];
    };
  }

  function loadPart(name) {
    return new Promise(function (resolve, reject) {
      if (parts[name]) return resolve(parts[name]);
      var first = !partWaiters[name];
      (partWaiters[name] = partWaiters[name] || []).push(resolve);
      if (!first) return;
      var script = document.createElement("script");
      script.src = ROOT + "search/pk/" + name + ".js";
      script.onerror = function () { reject(new Error("policykb search: cannot load " + name)); };
      document.head.appendChild(script);
    });
  }

  function shardOf(token, shards) {  // as shards.shard_of
    if (token.slice(0, 2) === "zz") return (+token.slice(2, 7) * 31 + +token.slice(7, 12)) % shards;
    for (var h = 0, i = 0; i < token.length; i++) h = (h * 31 + token.charCodeAt(i)) % shards;
    return h;
  }

  /* The Engine over the index in parts: entries from meta, postings as their shards arrive. */
  function ShardedEngine(meta) {
    var self = this, total = 0, fields = meta.config.fields || {};
    this.boosts = { title: (fields.pkt || {}).boost || 1, body: (fields.pkb || {}).boost || 1 };
    this.lunrIdfs = {}; this.postings = {}; this.pages = {}; this.readerDf = {}; this.readers = 0;
    this.shards = meta.shards; this.shardsLoaded = {}; this.raw = {}; this.flat = {}; this.parts = {};
    this.words = true;  // its index holds Latin words too (search.words)
    this.docs = meta.entries.map(function (e) {
      var page = meta.pages[e[0]];
      return { location: e[1] ? page[0] + "#" + e[1] : page[0], boost: page[1], part: e[0], title: null, text: null };
    });
    this.docs.forEach(function (doc) { (self.parts[doc.part] || (self.parts[doc.part] = [])).push(doc); });
    this.entries = meta.entries.map(function (e, i) {
      var url = meta.pages[e[0]][0];
      total += e[2];
      var reader = !GUIDE_PAGE.test(url);
      if (reader) self.readers++;
      var p = self.pages[url] || (self.pages[url] = { location: url, entries: [], doc: null });
      p.entries.push(i);
      if (!e[1]) p.doc = self.docs[i];
      return { title: {}, body: {}, length: e[2], page: url, reader: reader };
    });
    this.average = total / Math.max(1, this.entries.length) || 1;
  }
  ShardedEngine.prototype = Object.create(Engine.prototype);

  /* A shard's postings are kept as they came and read token by token when a query uses the token
   * (`use`): a shard holds thousands of tokens, a query a dozen. */
  ShardedEngine.prototype.addShard = function (tokens) {
    var raw = this.raw;
    Object.keys(tokens).forEach(function (token) { if (!(token in raw)) raw[token] = tokens[token]; });
  };

  ShardedEngine.prototype.use = function (token) {
    var list = this.raw[token];
    if (!list || this.postings[token]) return;
    var ids = [], df = 0;
    for (var k = 0; k < list.length; k += 3) {
      var i = list[k], e = this.entries[i];
      ids.push(i);
      if (list[k + 1]) e.title[token] = list[k + 1];
      if (list[k + 2]) e.body[token] = list[k + 2];
      if (e.reader) df++;
    }
    if (df) this.readerDf[token] = df;
    this.postings[token] = ids;
    this.flat[token] = list;
  };

  ShardedEngine.prototype.termScoreAt = function (token, j, i) {  // the tfs from the flat list, no lookups
    var list = this.flat[token], e = this.entries[i];
    var tf = TITLE_WEIGHT * list[3 * j + 1] + list[3 * j + 2] / (1 - B + B * e.length / this.average);
    return tf ? this.idf(token) * tf * (K1 + 1) / (tf + K1) : 0;
  };

  ShardedEngine.prototype.addTexts = function (number, texts) {
    (this.parts[number] || []).forEach(function (doc, k) { doc.title = texts[k][0]; doc.text = texts[k][1]; });
  };

  /* A query answered over the index in parts: load the shards of every token it may use, answer, and
   * answer again while the pages it shows still lack their texts. */
  function answerInParts(state, query, shown) {
    var engine = state.engine, rules = state.rules || {};
    var forms = variantForms(numberForms(normalize(query)), rules.variants), tokens = {};
    forms.forEach(function (form) {
      termTokens(form).concat(wordTokens(form)).forEach(function (t) { tokens[t] = true; });
      analyze(form, rules).clauses.forEach(function (c) {
        c.alts.forEach(function (alt) { alt.forEach(function (t) { tokens[t] = true; }); });
      });
    });
    var shards = {};
    Object.keys(tokens).forEach(function (t) {
      var k = shardOf(t, engine.shards);
      if (!engine.shardsLoaded[k]) shards[k] = true;
    });
    return Promise.all(Object.keys(shards).map(function (k) {
      return loadPart("t/" + k).then(function (data) {
        if (!engine.shardsLoaded[k]) { engine.addShard(data); engine.shardsLoaded[k] = true; }
      });
    })).then(function () {
      Object.keys(tokens).forEach(function (t) { engine.use(t); });
    }).then(function again(_, round) {
      engine.missing = {};
      var result = answer(state, query, null);
      result.items.slice(0, shown || MAX_RESULTS).forEach(function (group) { return group[0].text; });  // notes missing texts
      var missing = Object.keys(engine.missing);
      engine.missing = null;
      if (!missing.length || (round || 0) > 3) return result;
      return Promise.all(missing.map(function (n) {
        return loadPart("d/" + n).then(function (texts) { engine.addTexts(n, texts); });
      })).then(function () { return again(null, (round || 0) + 1); });
    });
  }

  window.policykbSearch = { transform: transform, analyze: analyze, Engine: Engine, answer: answer,
                            numberForms: numberForms, namesIn: namesIn, ShardedEngine: ShardedEngine,
                            answerInParts: answerInParts, loadPart: loadPart,
                            highlight: highlight, sentences: sentences, leadOf: leadOf };
  window.policykbSearchTransform = transform;

  var ours = typeof WeakSet !== "undefined" ? new WeakSet() : null;

  function emit(worker, data) {  // a message to Material as if from its worker
    var ev = new MessageEvent("message", { data: data });
    ours.add(ev);
    worker.dispatchEvent(ev);
  }

  function without(object, keys) {
    var out = {};
    Object.keys(object).forEach(function (k) { if (keys.indexOf(k) < 0) out[k] = object[k]; });
    return out;
  }

  /* The worker gets the index without our hidden fields (it only answers queries without Chinese);
   * in the iframe shim (file://) it builds in the page's own thread, so after the first results. */
  function startWorker(worker, post) {
    var state = worker.__policykb;
    if (!state || state.started) return;
    state.started = true;
    post.call(worker, state.setup);
  }

  [window.Worker, window.IFrameWorker].forEach(function (W) {
    if (!W || !W.prototype || W.prototype.__policykbPatched) return;
    var post = W.prototype.postMessage, listen = W.prototype.addEventListener;
    W.prototype.postMessage = function (message) {
      var worker = this, state = this.__policykb;
      if (message && message.type === SETUP && message.data && message.data.config) {
        var config = message.data.config;
        if (!(config.fields && config.fields.pkt)) {  // not built by policykb: Material's search as it is
          this.__policykb = null;
          return post.apply(this, arguments);
        }
        state = this.__policykb = {
          rules: config.policykb || {}, engine: new Engine(message.data.docs, config.fields),
          pending: [], waiting: [], workerReady: false, started: false,
          setup: { type: SETUP, data: {
            config: Object.assign(without(config, ["fields"]), { fields: without(config.fields, HIDDEN) }),
            docs: message.data.docs.map(function (d) { return without(d, HIDDEN); }),
            options: message.data.options } }
        };
        setTimeout(function () {
          answer(state, "扶贫工作谁负责", null).items.forEach(function (g) { return g[0].text; });  // warm up
          emit(worker, { type: READY });
        }, 0);
        var shim = window.IFrameWorker && worker instanceof window.IFrameWorker;
        setTimeout(function () { startWorker(worker, post); }, shim ? WORKER_DELAY : 0);
        return;
      }
      if (state && message && message.type === QUERY && typeof message.data === "string") {
        var query = message.data;
        state.latest = query;  // the last query typed wins: an answer to an earlier one is dropped
        if (!query.trim() || HAN_CHAR.test(query)) {  // Chinese is ours, even one character: no worker race
          setTimeout(function () {
            if (state.latest !== query) return;
            var data = { items: [] };
            try {
              if (query.trim()) data = answer(state, query, null);
            } catch (err) {
              console.warn("policykb search:", err);
            }
            emit(worker, { type: RESULT, data: data });
          }, 0);
          return;
        }
        state.pending.push(query);
        if (!state.workerReady) {
          state.waiting.push(query);
          return startWorker(worker, post);
        }
        return post.call(this, { type: QUERY, data: query });
      }
      return post.apply(this, arguments);
    };
    W.prototype.addEventListener = function (type, listener, options) {
      if (type !== "message" || typeof listener !== "function") return listen.apply(this, arguments);
      var worker = this;
      return listen.call(this, type, function (ev) {
        var state = worker.__policykb;
        if (!state || (ours && ours.has(ev)) || !ev.data) return listener.call(this, ev);
        if (ev.data.type === READY) {  // Material had ours already; now the worker takes its queries
          if (!state.workerReady) {
            state.workerReady = true;
            state.waiting.splice(0).forEach(function (q) { post.call(worker, { type: QUERY, data: q }); });
          }
          return;
        }
        if (ev.data.type !== RESULT || !state.pending.length) return listener.call(this, ev);
        var query = state.pending.shift(), data = ev.data.data;
        if (query !== state.latest) return;  // typed over while the worker was busy
        try {
          data = answer(state, query, data);
        } catch (err) {
          console.warn("policykb search:", err);
        }
        return listener.call(this, new MessageEvent("message", { data: { type: RESULT, data: data } }));
      }, options);
    };
    W.prototype.__policykbPatched = true;
  });

  // Material reads the query on keyup: text that arrives without a key (paste, long-press menu,
  // an input method's commit) would otherwise never be searched.
  function nudge(ev) {
    var el = ev.target;
    if (!el || !el.matches || !el.matches("input[data-md-component=search-query]")) return;
    if (ev.type === "input" && ev.isComposing) return;
    el.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
  }
  if (typeof document !== "undefined") {
    document.addEventListener("input", nudge, true);
    document.addEventListener("compositionend", nudge, true);
  }

  /* ---- Our own search box, for a site whose theme has no search (Material's search plugin removed,
   * the default; another theme): in Material's header where its own box would be (results drop down
   * below it), else at the top of the content. The index is the parts under search/pk/, loaded as
   * scripts so that it works over file:// too; every keystroke is answered, the last one shown. ---- */
  var ROOT = (function () {
    var script = typeof document !== "undefined" && document.currentScript;
    return script && script.src ? script.src.replace(/javascripts\/pk-search\.js(\?.*)?$/, "") : "";
  })();

  function ownSearch() {
    if (document.querySelector("input[data-md-component=search-query]") || document.querySelector(".pk-search")) return;
    var box = document.createElement("div"), header = document.querySelector(".md-header__inner");
    box.className = "pk-search" + (header ? " pk-search--header" : "");
    box.setAttribute("role", "search");
    box.innerHTML = "<input class=\"pk-search__input\" type=\"search\" placeholder=\"搜索或提问\" title=\"单位、任务、条文，或直接提问\" " +
      "aria-label=\"搜索\" autocomplete=\"off\" enterkeyhint=\"search\"><div class=\"pk-search__panel\">" +
      "<div class=\"pk-search__meta\" aria-live=\"polite\"></div><ol class=\"pk-search__results\"></ol></div>";
    if (header) {
      var title = header.querySelector(".md-header__title");
      header.insertBefore(box, title ? title.nextSibling : null);
    } else {
      var host = document.querySelector(".md-content__inner") || document.querySelector("main, [role=main]") ||
        document.body;
      host.insertBefore(box, host.firstChild);
    }
    var input = box.querySelector("input"), meta = box.querySelector(".pk-search__meta");
    var list = box.querySelector("ol"), state = null, loading = false, asked = 0;

    function open(yes) {
      if (yes) box.setAttribute("data-open", "");
      else box.removeAttribute("data-open");
    }

    function show() {
      var query = input.value.trim(), number = ++asked;
      if (!query) {
        meta.textContent = ""; list.innerHTML = ""; box.removeAttribute("data-query"); open(false);
        return;
      }
      open(true);
      if (!state) { meta.textContent = "正在载入索引…"; return load(); }
      // The first results at once (their page texts loaded), the rest once theirs have come, as Material
      // renders ten results and the others on scroll: a page's text is a part of its own to load.
      answerInParts(state, query, FIRST_SHOWN).then(function (result) {
        if (number !== asked) return;  // typed over meanwhile: the last query wins
        render(result.items.slice(0, FIRST_SHOWN), result.items.length);
        box.setAttribute("data-query", query);  // what the results on screen answer
        if (result.items.length <= FIRST_SHOWN) return;
        return answerInParts(state, query).then(function (all) {
          if (number === asked) render(all.items, all.items.length);
        });
      }).catch(function (err) { meta.textContent = "搜索索引无法载入"; console.warn(err); });
    }

    function render(groups, count) {
      meta.textContent = count ? "找到 " + count + " 个结果" : "没有找到结果";
      list.innerHTML = groups.map(function (group) {
        var item = group[0];
        return "<li class=\"pk-search__item\"><a class=\"pk-search__link\" href=\"" + ROOT + item.location +
          "\"><h3 class=\"pk-search__title\">" + item.title + "</h3>" + item.text + "</a></li>";
      }).join("");
    }

    function load() {
      if (loading) return;
      loading = true;
      loadPart("meta").then(function (index) {
        state = { engine: new ShardedEngine(index), rules: index.config.policykb };
        box.setAttribute("data-ready", "");
        show();  // whatever is typed by now
      });
    }

    // an input method's composition is answered when it commits, not letter by letter of its pinyin
    input.addEventListener("input", function (ev) { if (!ev.isComposing) show(); });
    input.addEventListener("compositionend", show);
    input.addEventListener("focus", function () { load(); if (input.value.trim()) open(true); });
    input.addEventListener("keydown", function (ev) {
      if (ev.key === "Escape") { open(false); input.blur(); }
      if (ev.key === "Enter") {  // Enter opens the first result
        var first = list.querySelector("a");
        if (first && box.getAttribute("data-query") === input.value.trim()) window.location.href = first.href;
      }
    });
    document.addEventListener("click", function (ev) { if (!box.contains(ev.target)) open(false); });
    document.addEventListener("keydown", function (ev) {  // "/" or "s" goes to the box, as Material's
      var el = document.activeElement;
      if ((ev.key === "/" || ev.key === "s") && !ev.ctrlKey && !ev.metaKey && !ev.altKey &&
          !(el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName)))) {
        ev.preventDefault();
        input.focus();
      }
    });
    var q = /[?&]q=([^&#]*)/.exec(window.location.search);
    if (q) { input.value = decodeURIComponent(q[1].replace(/\+/g, " ")); show(); }
  }

  if (typeof document !== "undefined" && document.addEventListener) {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ownSearch);
    else ownSearch();
  }
})();
