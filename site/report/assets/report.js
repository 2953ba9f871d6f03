/* opros report: sortable tables, CSV download of every table, verbatim search,
   data tables opened for printing.
   The page works without it; nothing here talks to the network. */
(function () {
  "use strict";
  // A cell that starts with = + - @ tab or CR is run as a formula by
  // spreadsheets; a leading quote keeps it text (OWASP CSV injection).
  function safe(text) {
    var t = text.replace(/\s+/g, " ").trim();
    if (/^[=+\-@\t\r]/.test(t) && !/^-?\d+([.,]\d+)?$/.test(t)) t = "'" + t;
    return '"' + t.replace(/"/g, '""') + '"';
  }
  function csv(table) {
    return Array.prototype.map.call(table.rows, function (r) {
      return Array.prototype.map.call(r.cells, function (c) { return safe(c.textContent); }).join(",");
    }).join("\r\n");
  }
  function num(s) {
    var v = parseFloat(s.replace(/\s/g, "").replace(",", ".").replace(/[^0-9.\-]/g, ""));
    return isNaN(v) ? null : v;
  }
  window.opros = { csv: csv };
  Array.prototype.forEach.call(document.querySelectorAll("table.data"), function (table, i) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "csv";
    b.textContent = document.documentElement.lang === "ru" ? "Скачать CSV" : "Download CSV";
    b.addEventListener("click", function () {
      var blob = new Blob(["\ufeff" + csv(table)], { type: "text/csv;charset=utf-8" });
      var a = document.createElement("a");
      a.href = URL.createObjectURL(blob);
      a.download = (document.title.split(" — ")[0] || "table").replace(/[^\wа-яё-]+/gi, "_") + "-" + (i + 1) + ".csv";
      document.body.appendChild(a);
      a.click();
      a.remove();
    });
    table.parentNode.insertBefore(b, table);
    Array.prototype.forEach.call(table.tHead ? table.tHead.rows[0].cells : [], function (th, col) {
      th.setAttribute("aria-sort", "none");
      th.tabIndex = 0;
      function sort() {
        var asc = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(th.parentNode.cells, function (c) { c.setAttribute("aria-sort", "none"); });
        th.setAttribute("aria-sort", asc ? "ascending" : "descending");
        var rows = Array.prototype.slice.call(table.tBodies[0].rows);
        rows.sort(function (a, b) {
          var x = a.cells[col].textContent, y = b.cells[col].textContent, nx = num(x), ny = num(y);
          var c = nx !== null && ny !== null ? nx - ny : x.localeCompare(y);
          return asc ? c : -c;
        });
        rows.forEach(function (r) { table.tBodies[0].appendChild(r); });
      }
      th.addEventListener("click", sort);
      th.addEventListener("keydown", function (e) { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); sort(); } });
    });
  });
  // Printed, a collapsed data table would be lost: open them all, and close
  // again afterwards the ones the reader had not opened.
  var closed = [];
  window.addEventListener("beforeprint", function () {
    closed = Array.prototype.filter.call(document.querySelectorAll("details"), function (d) { return !d.open; });
    closed.forEach(function (d) { d.open = true; });
  });
  window.addEventListener("afterprint", function () {
    closed.forEach(function (d) { d.open = false; });
    closed = [];
  });
  Array.prototype.forEach.call(document.querySelectorAll(".vsearch"), function (input) {
    var list = document.getElementById(input.getAttribute("data-target"));
    input.addEventListener("input", function () {
      var q = input.value.toLowerCase();
      Array.prototype.forEach.call(list.children, function (li) {
        li.hidden = q !== "" && li.textContent.toLowerCase().indexOf(q) < 0;
      });
    });
  });
})();
