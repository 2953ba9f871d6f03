/* opros form runtime: progressive enhancement of the plain HTML form.
   Without this file the form is a complete POST form; with it, pages, live
   show_if, validation, save/resume and retrying JSON submission. No framework,
   no network request except to the survey's endpoint. */
(function () {
  "use strict";

  /* ---- Expressions: the same rules as compiler/ir/expr.go. ---- */
  function truthy(v) { return v !== null && v !== undefined && v !== false; }
  function isList(v) { return Array.isArray(v); }
  function equal(a, b) {
    if (a === null || a === undefined) return b === null || b === undefined;
    if (isList(a)) {
      if (!isList(b) || a.length !== b.length) return false;
      for (var i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
      return true;
    }
    return typeof a === typeof b && a === b;
  }
  // Go compares strings by UTF-8 bytes; UTF-16 code unit order is the same
  // except against astral characters, which this maps into place.
  function cmpStr(a, b) {
    var x = Array.from(a), y = Array.from(b);
    for (var i = 0; i < x.length && i < y.length; i++) {
      var c = x[i].codePointAt(0), d = y[i].codePointAt(0);
      if (c !== d) return c < d ? -1 : 1;
    }
    return x.length === y.length ? 0 : (x.length < y.length ? -1 : 1);
  }
  // Go's strings.ToLower/ToUpper map each code point on its own by its
  // simple (one to one) mapping; JS also applies SpecialCasing: "ß" to "SS",
  // "İ" to "i̇", a final "Σ" to "ς". So map one code point at a time, and
  // where JS gives several, use the simple mapping: for lower only U+0130
  // has one ("i"); for upper only the Greek letters with ypogegrammeni
  // (U+1F80-1FAF to their titlecase +8, U+1FB3/1FC3/1FF3 +9), every other
  // such letter having none. TestCaseMappingMatchesGo checks every code point.
  function caseMap(s, up) {
    return Array.from(s, function (c) {
      var m = up ? c.toUpperCase() : c.toLowerCase(), x = c.codePointAt(0);
      if (Array.from(m).length === 1) return m;
      if (!up) return x === 0x130 ? "i" : c;
      if (x >= 0x1f80 && x <= 0x1faf && !(x & 8)) return String.fromCodePoint(x + 8);
      if (x === 0x1fb3 || x === 0x1fc3 || x === 0x1ff3) return String.fromCodePoint(x + 9);
      return c;
    }).join("");
  }
  function num(v) { return typeof v === "number" && !isNaN(v); }
  function nums(args) { return args.filter(num); }
  var FN = {
    contains: function (a) {
      if (isList(a[0])) { for (var i = 0; i < a[0].length; i++) if (equal(a[0][i], a[1])) return true; return false; }
      if (typeof a[0] === "string" && typeof a[1] === "string") return a[0].indexOf(a[1]) >= 0;
      return false;
    },
    answered: function (a) {
      var x = a[0];
      if (x === null || x === undefined) return false;
      if (typeof x === "string") return x !== "";
      if (isList(x)) return x.length > 0;
      return true;
    },
    length: function (a) {
      if (typeof a[0] === "string") return Array.from(a[0]).length;
      if (isList(a[0])) return a[0].length;
      return 0;
    },
    lower: function (a) { return typeof a[0] === "string" ? caseMap(a[0], false) : null; },
    upper: function (a) { return typeof a[0] === "string" ? caseMap(a[0], true) : null; },
    min: function (a) { var n = nums(a); return n.length ? Math.min.apply(null, n) : null; },
    max: function (a) { var n = nums(a); return n.length ? Math.max.apply(null, n) : null; },
    sum: function (a) { return nums(a).reduce(function (s, x) { return s + x; }, 0); },
    mean: function (a) { var n = nums(a); return n.length ? FN.sum(n) / n.length : null; },
    abs: function (a) { return num(a[0]) ? Math.abs(a[0]) : null; },
    round: function (a) { return num(a[0]) ? Math.floor(a[0] + 0.5) : null; },
    coalesce: function (a) { for (var i = 0; i < a.length; i++) if (a[i] !== null && a[i] !== undefined) return a[i]; return null; }
  };
  function evalExpr(e, env) {
    if (!e) return null;
    var args = e.args || [];
    function arg(i) { return i < args.length ? evalExpr(args[i], env) : null; }
    switch (e.op) {
      case "lit": return e.lit === undefined ? null : e.lit;
      case "ref": var v = env(e.ref); return v === undefined ? null : v;
      case "list": return args.map(function (_, i) { return arg(i); }).filter(function (x) { return typeof x === "string"; });
      case "not": return !truthy(arg(0));
      case "neg": var n = arg(0); return num(n) ? -n : null;
      case "and": return truthy(arg(0)) && truthy(arg(1));
      case "or": return truthy(arg(0)) || truthy(arg(1));
      case "cond": return truthy(arg(0)) ? arg(1) : arg(2);
      case "==": return equal(arg(0), arg(1));
      case "!=": return !equal(arg(0), arg(1));
      case "<": case "<=": case ">": case ">=":
        var a = arg(0), b = arg(1), c;
        if (num(a) && num(b)) c = a < b ? -1 : (a > b ? 1 : 0);
        else if (typeof a === "string" && typeof b === "string") c = cmpStr(a, b);
        else return false;
        return e.op === "<" ? c < 0 : e.op === "<=" ? c <= 0 : e.op === ">" ? c > 0 : c >= 0;
      case "+": case "-": case "*": case "/": case "%":
        var x = arg(0), y = arg(1);
        if (!num(x) || !num(y)) return null;
        if (e.op === "+") return x + y;
        if (e.op === "-") return x - y;
        if (e.op === "*") return x * y;
        if (y === 0) return null;
        return e.op === "/" ? x / y : x % y;
      case "call":
        var f = FN[e.fn];
        return f ? f(args.map(function (_, i) { return arg(i); })) : null;
    }
    return null;
  }

  if (typeof module !== "undefined") { module.exports = { evalExpr: evalExpr }; }
  if (typeof document === "undefined") return;

  /* ---- The form. ---- */
  // The page asks browsers to send its whole address as the Referer, for
  // the form without JavaScript (form.qtpl); this script sends the link's
  // values in the answers, so the browsers' default comes back before any
  // request or navigation (a redirect ending) could carry the address.
  var referrer = document.querySelector('meta[name="referrer"]');
  if (referrer) referrer.setAttribute("content", "strict-origin-when-cross-origin");
  var S = JSON.parse(document.getElementById("opros-data").textContent);
  var form = document.getElementById("opros-form");
  var $ = function (sel, root) { return (root || document).querySelector(sel); };
  var $$ = function (sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); };
  var KEY = "opros:" + S.survey + ":" + S.lang;
  var store = window.localStorage;
  // A collector serving the form puts a response id made for this page load
  // in its hidden field (the form without JavaScript posts it); a new
  // respondent's answers go under that id, so a post of this page with and
  // without the script is one response. On a static host the field is empty.
  var ridField = form.elements._response_id;
  var pageID = ridField && /^[A-Za-z0-9_-]{16,64}$/.test(ridField.value) ? ridField.value : "";
  var state = load() || { rid: pageID || newID(), started: new Date().toISOString(), answers: {}, page: 0 };
  if (ridField) ridField.value = state.rid;
  var qs = {};
  S.questions.forEach(function (q) { qs[q.id] = q; });
  var boxOf = {}; // an inputs question's box key → the question
  S.questions.forEach(function (q) { (q.items || []).forEach(function (k) { boxOf[k] = q.id; }); });
  var hidden = {};
  var params = new URLSearchParams(location.search);
  S.hidden.forEach(function (h) {
    hidden[h.id] = params.get(h.param) || (state.hidden && state.hidden[h.id]) || h.def || "";
  });
  state.hidden = hidden;
  // A signed invitation (opros invite) comes back as the link gave it: its
  // id, signature and expiry, kept with the answers so a reload keeps it.
  var invitation = null;
  if (S.invitations) {
    var inv = { id: params.get("inv") || "", sig: params.get("sig") || "", exp: params.get("exp") || "" };
    if (!inv.id && !inv.sig && !inv.exp) inv = state.invitation || inv;
    if (inv.id || inv.sig || inv.exp) invitation = inv;
    state.invitation = invitation;
  }

  function newID() {
    var b = new Uint8Array(16);
    crypto.getRandomValues(b);
    return "r" + Array.from(b, function (x) { return (x + 256).toString(16).slice(1); }).join("");
  }
  function load() {
    try { return JSON.parse(store.getItem(KEY)); } catch (e) { return null; }
  }
  function save() {
    try { store.setItem(KEY, JSON.stringify(state)); } catch (e) { /* private mode: keep going */ }
  }
  // An author's text may have a placeholder more than once: every one is filled.
  function msg(key, n, i) {
    var m = S.ui[key] || key;
    if (n !== undefined) m = m.split("{n}").join(n);
    return i === undefined ? m : m.split("{i}").join(i);
  }
  // The question's own words for a failed check (its messages block), else
  // the form's: "required" is also a matrix's "answer every row".
  var uiMsg = msg;
  function ownMsg(q) {
    return function (key, n) {
      var own = q.messages && q.messages[key === "matrix_required" ? "required" : key];
      return own ? own.split("{n}").join(n) : uiMsg(key, n);
    };
  }

  /* Values as the evaluator sees them: hidden questions read as null. */
  var visibleQ = {};
  function value(ref) {
    if (S.calc && S.calc[ref]) return evalExpr(S.calc[ref], value); // a calculate block's value
    var dot = ref.indexOf(".");
    var id = dot < 0 ? ref : ref.slice(0, dot);
    if (hidden.hasOwnProperty(id) && !qs[id]) return hidden[id];
    if (!visibleQ[id]) return null;
    var v = state.answers[id];
    if (dot >= 0 && qs[id] && qs[id].items) { // a box's or a cell's own key (q.row.col: q_row_col)
      var rc = ref.slice(dot + 1).split(".");
      v = state.answers[id + "_" + rc.join("_")];
      // A matrix_multi's box not ticked: false when another of its row is (site/answer.CellValue).
      if (!v && qs[id].type === "matrix_multi") return qs[id].options.some(function (o) { return state.answers[id + "_" + rc[0] + "_" + o]; }) ? false : null;
    }
    else if (dot >= 0) return v && v[ref.slice(dot + 1)] !== undefined ? v[ref.slice(dot + 1)] : null;
    return v === undefined ? null : v;
  }

  /* Read one question's answer from its inputs into state. */
  function read(q) {
    var el = document.getElementById("q-" + q.id);
    var a = state.answers;
    delete a[q.id]; delete a[q.id + "_other"]; delete a[q.id + "_na"];
    if (q.items) {
      q.items.forEach(function (k) {
        delete a[k];
        var i = $("[name='" + k + "']", el), v = i.value.trim();
        if (i.type === "checkbox") { if (i.checked) a[k] = true; } // a matrix_multi's box: only the ticked are sent
        else if (v !== "") a[k] = q.input === "number" ? Number(v.replace(",", ".")) : v;
      });
      if (q.total !== undefined) sumUp(q, el);
    } else if (q.type === "multi") {
      var codes = $$("input[name='" + q.id + "']:checked", el).map(function (i) { return i.value; });
      if (codes.length) a[q.id] = S.order[q.id] ? sortByOrder(q, codes) : codes;
    } else if (q.type === "matrix") {
      var m = {};
      q.rows.forEach(function (r) {
        var c = $("input[name='" + q.id + "." + r + "']:checked", el);
        if (c) m[r] = c.value;
      });
      if (Object.keys(m).length) a[q.id] = m;
    } else if (q.type === "single" || q.type === "boolean" || q.scale) {
      var c = $("input[name='" + q.id + "']:checked", el);
      if (c) a[q.id] = q.scale ? Number(c.value) : q.type === "boolean" ? c.value === "true" : c.value;
    } else {
      var i = $("[name='" + q.id + "']", el);
      var v = i.value.trim();
      if (v !== "") a[q.id] = q.type === "number" ? Number(v.replace(",", ".")) : v;
    }
    var na = $("input[name='" + q.id + "_na']", el);
    if (na && na.checked) { a[q.id + "_na"] = true; delete a[q.id]; }
    var other = $("input[name='" + q.id + "_other']", el);
    if (other) {
      var chosen = q.other && [].concat(a[q.id] || []).indexOf(q.other) >= 0;
      other.disabled = !chosen;
      if (chosen && other.value.trim() !== "") a[q.id + "_other"] = other.value.trim();
    }
  }
  // A constant sum: once any box has a number the empty ones count as 0
  // (and show it), and the running total is shown against the target.
  function sumUp(q, el) {
    var a = state.answers, any = q.items.some(function (k) { return a[k] !== undefined; }), sum = 0;
    q.items.forEach(function (k) {
      if (any && a[k] === undefined) { a[k] = 0; $("[name='" + k + "']", el).value = "0"; }
      if (typeof a[k] === "number") sum += a[k];
    });
    $("#" + q.id + "-total").textContent = "Σ " + (Math.round(sum * 1e6) / 1e6) + " / " + q.total;
  }
  // Codes are sent in option order, whatever order they were displayed in.
  function sortByOrder(q, codes) {
    return q.options.filter(function (c) { return codes.indexOf(c) >= 0; });
  }

  /* Put saved answers back into the inputs. */
  function restore() {
    S.questions.forEach(function (q) {
      var el = document.getElementById("q-" + q.id), v = state.answers[q.id];
      if (q.items) {
        q.items.forEach(function (k) {
          var i = $("[name='" + k + "']", el), v = state.answers[k];
          if (v !== undefined) i[i.type === "checkbox" ? "checked" : "value"] = v;
        });
        return;
      }
      if (v === undefined && !state.answers[q.id + "_na"]) return;
      if (q.type === "matrix") {
        Object.keys(v || {}).forEach(function (r) { check(el, q.id + "." + r, v[r]); });
      } else if (q.type === "multi") {
        v.forEach(function (c) { check(el, q.id, c); });
      } else if (q.type === "single" || q.type === "boolean" || q.scale) {
        if (v !== undefined) check(el, q.id, String(v));
      } else {
        $("[name='" + q.id + "']", el).value = v;
      }
      var na = $("input[name='" + q.id + "_na']", el);
      if (na && state.answers[q.id + "_na"]) na.checked = true;
      var other = $("input[name='" + q.id + "_other']", el);
      if (other && state.answers[q.id + "_other"]) other.value = state.answers[q.id + "_other"];
    });
  }
  function check(el, name, val) {
    $$("input[name='" + name + "']", el).forEach(function (i) { if (i.value === val) i.checked = true; });
  }

  /* show_if, in form order so that a hidden question hides its dependants. */
  // A page's screen_out that holds ends the survey when the respondent
  // leaves that page (screen: its page and ending); the questions after
  // it are not asked, but the pages stay in the count, which would
  // otherwise tell the respondent how the screening works.
  var pageVisible = [], screen = null;
  function applyLogic() {
    visibleQ = {};
    screen = null;
    S.pages.forEach(function (p, pi) {
      var pv = !p.showIf || truthy(evalExpr(p.showIf, value));
      pageVisible[pi] = pv;
      var sec = document.getElementById("page-" + p.id), out = !!screen;
      sec.classList.toggle("off", !pv);
      p.questions.forEach(function (id) {
        var q = qs[id], el = document.getElementById("q-" + id);
        var vis = pv && !out && (!q.showIf || truthy(evalExpr(q.showIf, value)));
        var off = offer[id] = vis && (q.from || q.optIf) && offered(q);
        if (off) vis = off.length > 0; // nothing to offer: skipped like a hidden question
        visibleQ[id] = vis;
        el.hidden = !vis;
        $$("input,select,textarea", el).forEach(function (i) {
          if (!vis) i.disabled = true;
          else if (i.name !== id + "_other") i.disabled = false;
        });
        // An option not offered is hidden, and unchosen if it was chosen.
        if (off) $$("input[name='" + id + "'],select option", el).forEach(function (i) {
          if (!i.value) return; // a dropdown's "Choose…"
          var ok = off.indexOf(i.value) >= 0;
          (i.tagName === "OPTION" ? i : i.parentNode).hidden = i.disabled = !ok;
          if (!ok && i.selected) i.parentNode.value = "";
          if (!ok) i.checked = false;
        });
        if (vis) read(q);
      });
      (pv && !out && p.screenOut || []).forEach(function (so) {
        if (!screen && truthy(evalExpr(so["if"], value))) screen = { page: pi, ending: so.ending };
      });
    });
    pipes();
  }
  // The options a question offers now (ir.Question.Offered in Go): a
  // carried one if its source offered it and it was chosen there (not
  // chosen, with take = "not_chosen"), any other if its show_if holds.
  var offer = {};
  function offered(q) {
    var f = q.from || { n: 0 }, got = f.q ? [].concat(value(f.q) || []) : [], so = offer[f.q];
    return q.options.filter(function (c, i) {
      return i < f.n ? visibleQ[f.q] && (!so || so.indexOf(c) >= 0) && got.indexOf(c) < 0 === !!f.not
        : !(q.optIf && q.optIf[c]) || truthy(evalExpr(q.optIf[c], value));
    });
  }
  /* Piped values (ir.PipeText does the same in Go): a hidden field's value,
     or a shown question's answer, its codes as their labels; textContent
     keeps an answer from being read as HTML. */
  function piped(r) {
    var v = r.indexOf("hidden.") ? value(r) : hidden[r.slice(7)], L = S.labels && S.labels[r] || {};
    return v == null ? "" : [].concat(v).map(function (c) { return L.hasOwnProperty(c) ? L[c] : String(c); }).join(", ");
  }
  function pipes() {
    $$("[data-pipe]").forEach(function (el) { el.textContent = piped(el.getAttribute("data-pipe")) || el.getAttribute("data-fb"); });
  }
  function fill(t) {
    return t.replace(/\{([A-Za-z_]\w*(?:\.[A-Za-z_][\w-]*)?)(?:\|([^{}]*))?\}/g, function (_, r, fb) { return piped(r) || fb || "\u2014"; });
  }
  // The ending reached: the screen-out's, else the first other ending
  // whose show_if holds (site/answer.Ending does the same in Go).
  function ending() {
    if (screen) return S.endings.filter(function (e) { return e.id === screen.ending; })[0];
    return S.endings.filter(function (e) { return !e.screenOut && (!e.showIf || truthy(evalExpr(e.showIf, value))); })[0];
  }

  /* Validation of one question; returns the message or "". */
  function problem(q) {
    var msg = ownMsg(q), a = state.answers, v = a[q.id];
    var has = v !== undefined && !(Array.isArray(v) && !v.length);
    if (q.type === "matrix") {
      var n = v ? Object.keys(v).length : 0;
      if (q.required && n < q.rows.length) return msg("matrix_required");
      return "";
    }
    if (q.type === "matrix_multi") { // row by row, as site/answer's checkCells
      for (var j = 0; j < q.rows.length; j++) {
        var on = q.options.filter(function (o) { return a[q.id + "_" + q.rows[j] + "_" + o]; });
        if (!on.length) { if (q.required) return msg("matrix_required"); continue; }
        if (on.length > 1 && on.some(function (o) { return q.exclusive.indexOf(o) >= 0; })) return msg("exclusive");
        if (on.length < q.minSel) return msg("min_select", q.minSel);
        if (q.maxSel && on.length > q.maxSel) return msg("max_select", q.maxSel);
      }
      return "";
    }
    if (q.rank) { // ranks 1, 2, … without gaps; all of them when required
      var ranks = q.items.map(function (k) { return a[k]; }).filter(function (r) { return r !== undefined; });
      for (var r = 1; r <= ranks.length; r++) if (ranks.indexOf(r) < 0) return msg("rank_gap"); // a rank twice leaves a gap too
      return q.required && ranks.length < q.rank ? msg("min_select", q.rank) : "";
    }
    if (q.items) {
      var sum = 0;
      for (var i = 0; i < q.items.length; i++) {
        var m = a[q.items[i]] === undefined ? (q.required ? msg("required") : "") : valueProblem(q, a[q.items[i]]);
        if (m) return m;
        sum += a[q.items[i]] || 0;
      }
      // The total as site/answer checks it.
      if (q.total !== undefined && a[q.items[0]] !== undefined && Math.abs(sum - q.total) > 1e-9 * Math.max(1, q.total)) return msg("total", q.total);
      return "";
    }
    if (!has) return q.required && !a[q.id + "_na"] ? msg("required") : "";
    if (q.type === "multi") {
      var ex = v.filter(function (c) { return q.exclusive.indexOf(c) >= 0; });
      if (ex.length && v.length > 1) return msg("exclusive");
      if (q.minSel && v.length < q.minSel) return msg("min_select", q.minSel);
      if (q.maxSel && v.length > q.maxSel) return msg("max_select", q.maxSel);
    }
    if (q.other && [].concat(v).indexOf(q.other) >= 0 && !a[q.id + "_other"]) return msg("other_required");
    return valueProblem(q, v);
  }
  // The checks of a text or number answer (a question's or a box's).
  function valueProblem(q, v) {
    var msg = ownMsg(q);
    if (typeof v === "string") {
      var len = Array.from(v).length;
      if (q.minLen && len < q.minLen) return msg("min_length", q.minLen);
      if (q.maxLen && len > q.maxLen) return msg("max_length", q.maxLen);
      if (q.pattern && !new RegExp("^(?:" + q.pattern + ")$").test(v)) return q.patternMsg || msg("pattern");
      if (q.type === "email" && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v)) return msg("email");
      if (q.type === "date" && !/^\d{4}-\d{2}-\d{2}$/.test(v)) return msg("date");
    }
    if (q.type === "number" || q.input === "number") {
      if (isNaN(v)) return msg("number");
      if (q.integer && Math.floor(v) !== v) return msg("integer");
      if (q.min !== undefined && v < q.min) return msg("min", q.min);
      if (q.max !== undefined && v > q.max) return msg("max", q.max);
    }
    return "";
  }
  // The message of the first validate rule that does not hold, or "".
  function broken(rules) {
    var r = (rules || []).filter(function (r) { return !truthy(evalExpr(r.must, value)); })[0];
    return r ? r.message : "";
  }
  // A question's rules, once its answer is there and fine, and a page's,
  // once every answer on it is (site/answer.Validate checks them alike).
  function ruleProblem(q) {
    // A question of boxes or cells: its rules once one has a value (site/answer).
    var a = state.answers, none = q.items ? !q.items.some(function (k) { return a[k] !== undefined; }) : a[q.id] === undefined;
    return none ? "" : broken(q.rules);
  }
  function validatePage(pi) {
    var first = null, p = S.pages[pi], pe = document.getElementById("page-" + p.id + "-err");
    p.questions.forEach(function (id) {
      if (!visibleQ[id]) return;
      var m = problem(qs[id]) || ruleProblem(qs[id]);
      showError(id, m);
      if (m && !first) first = id;
    });
    if (first) {
      var el = document.getElementById("q-" + first);
      var input = $("input:not([disabled]),select,textarea", el);
      (input || el).focus();
    } else if (pe && (pe.textContent = broken(p.rules))) {
      pe.focus(); // read out, and the next Tab goes to the page's first field
      return false;
    }
    if (pe) pe.textContent = "";
    return !first;
  }
  function showError(id, m) {
    var el = document.getElementById("q-" + id), err = document.getElementById(id + "-err");
    err.textContent = m;
    el.classList.toggle("invalid", !!m);
    $$("input,select,textarea", el).forEach(function (i) {
      if (m) i.setAttribute("aria-invalid", "true"); else i.removeAttribute("aria-invalid");
    });
  }

  /* Paging. Page index len(pages) is the review step, when S.review. */
  var cur = 0;
  function visiblePages() {
    var out = [];
    pageVisible.forEach(function (v, i) { if (v) out.push(i); });
    return out;
  }
  function show(pi) {
    var vp = visiblePages();
    if (pi >= S.pages.length && !S.review) pi = vp[vp.length - 1] || 0;
    cur = pi;
    var review = pi >= S.pages.length;
    S.pages.forEach(function (p, i) { document.getElementById("page-" + p.id).hidden = review || i !== pi; });
    $("#review").hidden = !review;
    if (review) renderReview();
    progress();
    state.page = pi;
    save();
    var h = review ? $("#review h2") : $("#page-" + S.pages[pi].id + " h2");
    if (h && started) { h.focus(); window.scrollTo(0, 0); }
  }
  // The step that submits: the review, or without one the last page the
  // answers so far will show (an answer can make a later page appear).
  function lastStep() {
    var vp = visiblePages();
    return S.review ? cur >= S.pages.length : vp.indexOf(cur) >= vp.length - 1;
  }
  // Steps count the pages the answers so far will show, so an answer that
  // hides or shows a page changes them at once.
  function progress() {
    var vp = visiblePages(), pos = cur >= S.pages.length ? vp.length : vp.indexOf(cur), n = vp.length + (S.review ? 1 : 0);
    var last = lastStep();
    $("#back").hidden = pos <= 0;
    $("#next").hidden = last;
    $("#send").hidden = !last;
    if (!S.progress) return;
    var bar = $("#progress");
    bar.hidden = false;
    bar.querySelector("span").textContent = msg("progress", n, Math.min(pos + 1, n));
    bar.querySelector(".track div").style.width = Math.round(100 * pos / Math.max(n - 1, 1)) + "%";
  }
  function move(dir) {
    var vp = visiblePages(), pos = cur >= S.pages.length ? vp.length : vp.indexOf(cur);
    if (dir > 0 && cur < S.pages.length && !validatePage(cur)) return;
    if (dir > 0 && screen && cur >= screen.page) { send(); return; }
    pos += dir;
    show(pos >= vp.length ? S.pages.length : vp[Math.max(pos, 0)]);
  }
  function renderReview() {
    var list = $("#review dl");
    list.textContent = "";
    S.questions.forEach(function (q) {
      if (!visibleQ[q.id]) return;
      var dt = document.createElement("dt"), dd = document.createElement("dd");
      dt.textContent = fill(q.text);
      dd.textContent = display(q) || "—";
      list.appendChild(dt); list.appendChild(dd);
    });
  }
  function display(q) {
    var v = state.answers[q.id], el = document.getElementById("q-" + q.id);
    if (state.answers[q.id + "_na"]) return $("input[name='" + q.id + "_na']", el).parentNode.textContent.trim();
    if (q.items) return q.items.filter(function (k) { return state.answers[k] !== undefined; }).map(function (k) {
      var i = $("[name='" + k + "']", el), v = state.answers[k]; // a cell says "row: column" itself
      return (i.getAttribute("aria-label") || $("label[for='in-" + k + "']", el).textContent) + (v === true ? "" : ": " + (i.selectedOptions ? i.selectedOptions[0].textContent : v));
    }).join("; ");
    if (v === undefined) return "";
    function label(name, code) {
      var i = $$("input[name='" + name + "']", el).filter(function (x) { return x.value === String(code); })[0];
      return i ? (i.getAttribute("aria-label") || i.parentNode.textContent).trim() : String(code);
    }
    if (q.type === "matrix") return Object.keys(v).map(function (r) { return label(q.id + "." + r, v[r]); }).join("; ");
    if (q.type === "multi") return v.map(function (c) { return label(q.id, c); }).join("; ") + (state.answers[q.id + "_other"] ? ": " + state.answers[q.id + "_other"] : "");
    if (q.type === "single") return label(q.id, v) + (state.answers[q.id + "_other"] ? ": " + state.answers[q.id + "_other"] : "");
    if (q.type === "boolean") return label(q.id, v);
    if (q.type === "dropdown") { var o = $("option[value='" + v + "']", el); return o ? o.textContent : v; }
    return String(v);
  }

  /* Submission: one response id for every attempt, so a retry after a lost
     acknowledgement is stored once by an idempotent endpoint. */
  var sending = false, retryIn = 2000;
  function payload() {
    var answers = {};
    Object.keys(state.answers).forEach(function (k) {
      var id = boxOf[k] || k.replace(/_(other|na)$/, "");
      if (visibleQ[k] || visibleQ[id]) answers[k] = state.answers[k];
    });
    return {
      response_id: state.rid, survey: S.survey, version: S.version, lang: S.lang,
      hidden: hidden, started_at: state.started, submitted_at: new Date().toISOString(),
      answers: answers, hp: form.elements._hp.value, invitation: invitation || undefined
    };
  }
  function encodeForm(p) {
    var f = new URLSearchParams();
    f.append("_response_id", p.response_id); f.append("_survey", p.survey); f.append("_version", p.version);
    f.append("_lang", p.lang); f.append("_started_at", p.started_at); f.append("_submitted_at", p.submitted_at);
    f.append("_hp", p.hp);
    Object.keys(p.hidden).forEach(function (k) { f.append("_hidden." + k, p.hidden[k]); });
    if (p.invitation) { f.append("_inv", p.invitation.id); f.append("_sig", p.invitation.sig); f.append("_exp", p.invitation.exp); }
    Object.keys(p.answers).forEach(function (k) {
      var v = p.answers[k];
      if (Array.isArray(v)) v.forEach(function (c) { f.append(k, c); });
      else if (v && typeof v === "object") Object.keys(v).forEach(function (r) { f.append(k + "." + r, v[r]); });
      else f.append(k, String(v));
    });
    return f;
  }
  function send() {
    if (sending) return;
    for (var i = 0; i < S.pages.length; i++) {
      if (pageVisible[i] && !validatePage(i)) { show(i); return; }
    }
    sending = true;
    var p = payload(), json = S.format !== "form";
    status(msg("sending"), false);
    $("#send").disabled = true;
    fetch(S.endpoint, {
      method: "POST",
      headers: { "Content-Type": json ? "application/json" : "application/x-www-form-urlencoded" },
      body: json ? JSON.stringify(p) : encodeForm(p)
    }).then(function (r) {
      if (r.status === 403) {
        // A refused invitation (opros collect --keys) will not pass on a
        // retry: say so and stop; the answers stay saved in the browser.
        return r.json().catch(function () { return {}; }).then(function (b) {
          var inv = (b.errors || []).some(function (e) { return String(e.field).indexOf("invitation") === 0; });
          if (!inv) throw new Error("HTTP 403");
          status(msg("refused"), true);
          return "refused";
        });
      }
      if (!r.ok) throw new Error("HTTP " + r.status);
      return "ok";
    }).then(function (how) {
      if (how === "refused") return;
      store.removeItem(KEY);
      var e = ending(), own = e && document.getElementById("ending-" + e.id);
      if (e && e.redirect) {
        location.replace(e.redirect.replace(/\{([^{}]*)\}/g, function (_, k) {
          return encodeURIComponent(k === "response_id" ? state.rid : k.indexOf("hidden.") === 0 ? hidden[k.slice(7)] || "" : "");
        }));
      }
      form.hidden = true;
      $("#progress").hidden = true;
      var t = $("#thanks");
      if (own) { $("#thanks-text").hidden = true; own.hidden = false; }
      t.hidden = false;
      t.focus();
    }).catch(function () {
      sending = false;
      $("#send").disabled = false;
      status(msg("retry", Math.round(retryIn / 1000)), true);
      setTimeout(send, retryIn);
      retryIn = Math.min(retryIn * 2, 30000);
    });
  }
  function status(text, isError) {
    var s = $("#status");
    s.textContent = text;
    s.classList.toggle("error", isError);
  }

  /* Randomised options, stable per respondent: seeded from the response id. */
  function seed(str) {
    var h = 2166136261;
    for (var i = 0; i < str.length; i++) { h ^= str.charCodeAt(i); h = Math.imul(h, 16777619); }
    return function () {
      h += 0x6D2B79F5;
      var t = Math.imul(h ^ (h >>> 15), 1 | h);
      t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  function randomize() {
    Object.keys(S.order).forEach(function (id) {
      var box = $("#q-" + id + " [data-shuffle]");
      if (!box) return;
      // An option moves with what follows it: the "Other" text box.
      var items = [];
      $$(":scope>*", box).forEach(function (n) {
        if (n.classList.contains("other") && items.length) items[items.length - 1].push(n); else items.push([n]);
      });
      var free = items.filter(function (n) { return !n[0].hasAttribute("data-anchor"); });
      var rnd = seed(state.rid + id);
      for (var i = free.length - 1; i > 0; i--) {
        var j = Math.floor(rnd() * (i + 1)), t = free[i]; free[i] = free[j]; free[j] = t;
      }
      var k = 0;
      items.forEach(function (n) {
        (n[0].hasAttribute("data-anchor") ? n : free[k++]).forEach(function (x) { box.appendChild(x); });
      });
    });
  }

  /* Wiring. */
  var started = false;
  form.setAttribute("novalidate", "");
  document.documentElement.classList.add("js");
  randomize();
  restore();
  applyLogic();
  form.addEventListener("change", onInput);
  form.addEventListener("input", onInput);
  function onInput(ev) {
    var t = ev.target, box = t.closest && t.closest("[data-q]");
    if (!box) return;
    var q = qs[box.getAttribute("data-q")];
    // An exclusive option clears the others (of its row, in a matrix_multi) and is cleared by them.
    var mm = q.type === "matrix_multi", code = function (i) { return mm ? i.getAttribute("data-o") : i.value; };
    if (t.type === "checkbox" && t.checked && (mm || q.type === "multi")) {
      var ex = q.exclusive.indexOf(code(t)) >= 0;
      $$(mm ? "input" : "input[name='" + q.id + "']", mm ? t.closest("tr") : box).forEach(function (i) {
        if (i !== t && (ex || q.exclusive.indexOf(code(i)) >= 0)) i.checked = false;
      });
    }
    if (t.name === q.id + "_na" && t.checked) $$("input[name='" + q.id + "']", box).forEach(function (i) { i.checked = false; });
    if (t.name === q.id && q.scale && t.checked) { var na = $("input[name='" + q.id + "_na']", box); if (na) na.checked = false; }
    read(q);
    applyLogic();
    progress();
    if (box.classList.contains("invalid")) showError(q.id, problem(q) || ruleProblem(q));
    var p = S.pages[cur], pe = p && document.getElementById("page-" + p.id + "-err");
    if (pe && pe.textContent) pe.textContent = broken(p.rules); // a page rule's message goes once it holds
    save();
  }
  $("#next").addEventListener("click", function () { move(1); });
  $("#back").addEventListener("click", function () { move(-1); });
  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    if (lastStep()) send(); else move(1);
  });
  var startAt = state.page || 0;
  show(startAt <= S.pages.length && (startAt === S.pages.length || pageVisible[startAt]) ? startAt : 0);
  started = true;
  document.documentElement.classList.remove("boot");
  window.oprosReady = true;
})();
