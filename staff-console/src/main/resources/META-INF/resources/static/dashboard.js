// The dashboard's charts: progressive enhancement. Each table with data-chart is drawn as a bar chart (Apache
// ECharts, from its WebJar) into the element it names; the table stays the accessible, printable truth, and the
// chart is aria-hidden. A bar click follows the number's link in the table (the same filtered queue).
(function () {
  'use strict';
  function num(cell) {
    var n = parseFloat((cell && cell.textContent || '').replace(/[^0-9.\-]/g, ''));
    return isNaN(n) ? 0 : n;
  }
  function label(cell) {
    return cell.getAttribute('data-label') || cell.textContent.trim();
  }
  function draw(table) {
    var el = document.getElementById(table.getAttribute('data-chart'));
    if (!el || !window.echarts) {
      return;
    }
    var heads = Array.prototype.map.call(table.tHead.rows[0].cells, function (c) { return c.textContent.trim(); });
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var categories, series, linkOf;
    if (table.getAttribute('data-transpose') === 'true') {
      // rows are the series (e.g. channels), the columns between the first and the last (total) the categories
      categories = heads.slice(1, heads.length - 1);
      series = rows.map(function (r) {
        var data = [];
        for (var i = 1; i < r.cells.length - 1; i++) { data.push(num(r.cells[i])); }
        return { name: label(r.cells[0]), type: 'bar', stack: 'all', data: data };
      });
      linkOf = function (p) { return rows[p.seriesIndex].cells[rows[p.seriesIndex].cells.length - 1].querySelector('a'); };
    } else {
      var cols = table.getAttribute('data-series').split(',').map(Number);
      categories = rows.map(function (r) { return label(r.cells[0]); });
      series = cols.map(function (i) {
        return { name: heads[i], type: 'bar', data: rows.map(function (r) { return num(r.cells[i]); }) };
      });
      linkOf = function (p) { return rows[p.dataIndex].cells[cols[p.seriesIndex]].querySelector('a'); };
    }
    if (rows.length === 0) {
      return;
    }
    el.classList.add('chart-on');
    var chart = window.echarts.init(el, null, { renderer: 'canvas' });
    chart.setOption({
      animation: false,
      color: ['#b35900', '#b3261e', '#1d6b36', '#3b5bab'],
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 40, bottom: 64 },
      xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, rotate: categories.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: series
    });
    chart.on('click', function (p) {
      var a = linkOf(p);
      if (a) { window.location.href = a.getAttribute('href'); }
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }
  function init() {
    Array.prototype.forEach.call(document.querySelectorAll('table[data-chart]'), draw);
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
