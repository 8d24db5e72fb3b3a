/* policykb: on a phone, each row of a task table reads as a card of labelled fields (policykb.css).
   Labels each cell with its column's heading; plain JavaScript, offline and over file://. */
(function () {
  "use strict";
  var tables = document.querySelectorAll(".md-typeset table:not(.pk-plan)");
  Array.prototype.forEach.call(tables, function (table) {
    var heads = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) {
      return th.textContent.trim();
    });
    if (heads.length < 3) return;  // a two-column list stays a table: it fits any screen
    table.setAttribute("data-pk-cards", "");  // no class: Material styles only tables without one
    Array.prototype.forEach.call(table.querySelectorAll("tbody tr"), function (tr) {
      Array.prototype.forEach.call(tr.cells, function (td, i) {
        if (heads[i]) td.setAttribute("data-label", heads[i]);
      });
    });
  });
})();
