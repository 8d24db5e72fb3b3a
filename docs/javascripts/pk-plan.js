/* policykb: filter, sort and export the 分工方案 table (#pk-plan) in the browser.
   Plain JavaScript, no library and no network: it works offline and over file://. */
(function () {
  "use strict";
  var table = document.getElementById("pk-plan");
  var box = document.getElementById("pk-filter");
  if (!table || !box) return;
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.querySelectorAll("tr.pk-task"));
  var heads = Array.prototype.slice.call(body.querySelectorAll("tr.pk-section"));
  var LIGHTS = ["红灯", "黄灯", "绿灯", "未跟踪"];

  function split(v) { return v ? v.split("|") : []; }
  function uniq(list) { var seen = {}; return list.filter(function (x) { return seen[x] ? false : (seen[x] = true); }); }

  var units = uniq([].concat.apply([], rows.map(function (r) { return split(r.dataset.units); })))
    .sort(function (a, b) { return a.localeCompare(b, "zh-Hans-CN"); });
  var sections = heads.map(function (h) { return [h.dataset.section, h.textContent.trim()]; });
  // every year a task's own deadlines name (第69项: 2016 and 2020), not only its last
  var years = uniq([].concat.apply([], rows.map(function (r) { return split(r.dataset.years); }))).sort();
  var statuses = LIGHTS.filter(function (l) { return rows.some(function (r) { return r.dataset.status === l; }); });

  function select(name, label, options) {
    var html = '<label>' + label + ' <select name="' + name + '"><option value="">全部</option>';
    options.forEach(function (o) {
      var v = Array.isArray(o) ? o[0] : o, t = Array.isArray(o) ? o[1] : o;
      html += '<option value="' + v.replace(/"/g, "&quot;") + '">' + t.replace(/</g, "&lt;") + '</option>';
    });
    return html + '</select></label>';
  }
  box.innerHTML =
    select("unit", "单位", units) +
    select("role", "角色", [["lead", "牵头"], ["participant", "参与"]]) +
    (sections.length ? select("section", "部分", sections) : "") +  // a list of one section has no headings
    select("due", "时限", years.map(function (y) { return [y, y + "年"]; }).concat([["none", "无单独时限"]])) +
    select("status", "状态", statuses) +
    select("sort", "排序", [["due", "按时限"], ["status", "按状态"], ["lead", "按牵头单位"]]) +
    ' <button type="button" name="csv" class="md-button">导出 CSV</button>' +
    ' <span class="pk-count" aria-live="polite"></span>';
  box.hidden = false;
  var count = box.querySelector(".pk-count");

  function value(name) { var field = box.querySelector('[name="' + name + '"]'); return field ? field.value : ""; }

  function matches(r) {
    var unit = value("unit"), role = value("role"), due = value("due");
    if (unit) {
      var lead = split(r.dataset.lead).indexOf(unit) >= 0, any = split(r.dataset.units).indexOf(unit) >= 0;
      if (!any || (role === "lead" && !lead) || (role === "participant" && lead)) return false;
    } else if (role) {
      return false;  // a role means nothing without a unit
    }
    if (value("section") && r.dataset.section !== value("section")) return false;
    if (due === "none" ? r.dataset.years : due && split(r.dataset.years).indexOf(due) < 0) return false;
    if (value("status") && r.dataset.status !== value("status")) return false;
    return true;
  }

  function key(r, by) {
    if (by === "due") return r.dataset.due || "9999";
    if (by === "status") return String(LIGHTS.indexOf(r.dataset.status));
    if (by === "lead") return split(r.dataset.lead)[0] || "";
    return "";
  }

  function apply() {
    var by = value("sort");
    var order = rows.slice();
    if (by) {
      order.sort(function (a, b) {
        var ka = key(a, by), kb = key(b, by);
        var c = by === "lead" ? ka.localeCompare(kb, "zh-Hans-CN") : (ka < kb ? -1 : ka > kb ? 1 : 0);
        return c || (+a.dataset.number - +b.dataset.number);
      });
      order.forEach(function (r) { body.appendChild(r); });
      heads.forEach(function (h) { h.hidden = true; });
    } else if (heads.length) {  // the annex's own order, under its section headings
      heads.forEach(function (h) {
        body.appendChild(h);
        rows.forEach(function (r) { if (r.dataset.section === h.dataset.section) body.appendChild(r); });
      });
    } else {
      rows.forEach(function (r) { body.appendChild(r); });
    }
    var shown = 0;
    rows.forEach(function (r) { var ok = matches(r); r.hidden = !ok; if (ok) shown++; });
    if (!by) heads.forEach(function (h) {
      h.hidden = !rows.some(function (r) { return !r.hidden && r.dataset.section === h.dataset.section; });
    });
    count.textContent = "显示 " + shown + " / " + rows.length + " 项任务";
  }

  // A cell a spreadsheet could run as a formula gets a leading apostrophe, as in the build's own
  // policykb.csv (export.csv_cell): =, +, -, @, tab or CR first, before or after spaces are tidied.
  var FORMULA_START = /^[=+\-@\t\r]/;
  function csvCell(text) {
    var tidy = text.replace(/\s+/g, " ").trim();
    if (FORMULA_START.test(text) || FORMULA_START.test(tidy)) tidy = "'" + tidy;
    return '"' + tidy.replace(/"/g, '""') + '"';
  }

  function exportCsv() {
    var header = (heads.length ? ["部分"] : []).concat(Array.prototype.map.call(table.tHead.rows[0].cells, function (c) { return c.textContent; }));
    var lines = [header.map(csvCell).join(",")];
    Array.prototype.forEach.call(body.querySelectorAll("tr.pk-task"), function (r) {
      if (r.hidden) return;
      var cells = (heads.length ? [r.dataset.sectionTitle] : []).concat(Array.prototype.map.call(r.cells, function (c) { return c.textContent; }));
      lines.push(cells.map(csvCell).join(","));
    });
    var blob = new Blob(["\ufeff" + lines.join("\r\n") + "\r\n"], { type: "text/csv;charset=utf-8" });
    var a = document.createElement("a");
    var unit = value("unit");
    a.href = URL.createObjectURL(blob);
    a.download = "分工方案" + (unit ? "-" + unit : "") + ".csv";
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 0);
  }

  box.addEventListener("change", apply);
  box.querySelector('[name="csv"]').addEventListener("click", exportCsv);
  Array.prototype.forEach.call(table.tHead.querySelectorAll("th[data-sort]"), function (th) {
    th.addEventListener("click", function () {
      var s = box.querySelector('[name="sort"]');
      s.value = th.dataset.sort === "number" ? "" : th.dataset.sort;
      apply();
    });
  });
  apply();
})();
