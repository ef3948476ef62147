/** The report's script: filters and search for a page that already shows every row without it. It shows the
 * controls (hidden in the markup, so a reader without scripting sees no dead buttons), hides the rows that do not
 * match, says how many are shown, and marks the search's matches through the CSS Custom Highlight API where the
 * browser has it (the text itself is never rewritten). Plain ES2020, no `</` anywhere (it is inlined). */
export const REPORT_SCRIPT = `
(function () {
  'use strict';
  var controls = document.getElementById('controls');
  var search = document.getElementById('search');
  var shown = document.getElementById('shown');
  if (!controls || !search || !shown) return;
  var rows = Array.prototype.slice.call(document.querySelectorAll('tbody tr[data-flags]'));
  var buttons = Array.prototype.slice.call(controls.querySelectorAll('button[data-filter]'));
  var cells = rows.map(function (row) { return Array.prototype.slice.call(row.querySelectorAll('.text')); });
  var texts = cells.map(function (list) {
    return list.map(function (cell) { return cell.textContent.toLowerCase(); }).join('\\n');
  });
  var flags = rows.map(function (row) { return row.getAttribute('data-flags').split(' '); });
  var filter = 'all';
  var canHighlight = typeof Highlight === 'function' && typeof CSS !== 'undefined' && CSS.highlights;

  function highlight(query, visible) {
    if (!canHighlight) return;
    var ranges = [];
    if (query !== '') {
      visible.forEach(function (index) {
        cells[index].forEach(function (cell) {
          var walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
          for (var node = walker.nextNode(); node; node = walker.nextNode()) {
            var lower = node.data.toLowerCase();
            if (lower.length !== node.data.length) continue;
            for (var at = lower.indexOf(query); at !== -1; at = lower.indexOf(query, at + query.length)) {
              var range = new Range();
              range.setStart(node, at);
              range.setEnd(node, at + query.length);
              ranges.push(range);
            }
          }
        });
      });
    }
    var marks = new Highlight();
    ranges.forEach(function (range) { marks.add(range); });
    CSS.highlights.set('selaras-search', marks);
  }

  function apply() {
    var query = search.value.trim().toLowerCase();
    var visible = [];
    rows.forEach(function (row, index) {
      var matches = (filter === 'all' || flags[index].indexOf(filter) !== -1) && (query === '' || texts[index].indexOf(query) !== -1);
      row.hidden = !matches;
      if (matches) visible.push(index);
    });
    buttons.forEach(function (button) {
      button.setAttribute('aria-pressed', String(button.getAttribute('data-filter') === filter));
    });
    shown.textContent = 'showing ' + visible.length + ' of ' + rows.length + ' rows';
    highlight(query, visible);
  }

  buttons.forEach(function (button) {
    button.addEventListener('click', function () {
      filter = button.getAttribute('data-filter');
      apply();
    });
  });
  search.addEventListener('input', apply);
  // A link to a hidden row (a moved passage's other half) shows every row again, so the target can be seen.
  document.addEventListener('click', function (event) {
    var link = event.target instanceof Element ? event.target.closest('a[href^="#"]') : null;
    var target = link ? document.getElementById(link.getAttribute('href').slice(1)) : null;
    if (target && target.hidden) {
      filter = 'all';
      search.value = '';
      apply();
    }
  });
  controls.hidden = false;
  apply();
})();
`;
