// The three charts, drawn with Chart.js (served by this server from the installed package). Each
// canvas is an image with a text alternative (its aria-label and the visible caption say what it
// shows in words); the exact figures are in the tables beside them. Numbers become floats here
// only to place pixels; every label and tooltip shows the exact Decimal string, formatted.
(function (ns) {
  'use strict';

  var format = ns.format;
  var COLORS = {
    mrr: '#1f4e8c',
    arr: '#b35c00',
    up: '#1a7f37',
    down: '#b42318',
    total: '#1f4e8c',
    grr: '#1f4e8c',
    nrr: '#1a7f37',
    churn: '#b42318',
  };
  var charts = {};

  function draw(canvas, config) {
    if (charts[canvas.id]) charts[canvas.id].destroy();
    config.options = Object.assign(
      {
        responsive: true,
        maintainAspectRatio: false,
        // Drawn once, at once: nothing moves under a reader or a screenshot.
        animation: false,
        interaction: { mode: 'index', intersect: false },
      },
      config.options,
    );
    charts[canvas.id] = new window.Chart(canvas, config);
  }

  function describe(canvas, caption, text) {
    canvas.setAttribute('aria-label', text);
    caption.textContent = text;
  }

  function destroyAll() {
    Object.keys(charts).forEach(function (id) {
      charts[id].destroy();
      delete charts[id];
    });
  }

  function line(label, data, color, axis, dash) {
    return {
      label: label,
      data: data,
      yAxisID: axis,
      borderColor: color,
      backgroundColor: color,
      borderDash: dash || [],
      borderWidth: 2,
      pointRadius: 3,
      pointStyle: dash ? 'rectRot' : 'circle',
      spanGaps: false,
      tension: 0,
    };
  }

  /** A round step (1, 2, 2.5 or 5 × 10^n) that cuts 0..max into about five parts. */
  function niceStep(max) {
    var rough = Math.max(max, 1) / 5;
    var power = Math.pow(10, Math.floor(Math.log10(rough)));
    return [1, 2, 2.5, 5, 10]
      .map(function (m) {
        return m * power;
      })
      .filter(function (s) {
        return s >= rough;
      })[0];
  }

  /**
   * MRR on the left axis, ARR on the right, on the same grid with ARR's scale exactly 12 times
   * MRR's: one line reads on either axis (ARR is 12 × MRR by definition).
   */
  function growth(canvas, caption, view) {
    var periods = view.periods;
    var currency = view.currency;
    var peak = periods.reduce(function (m, p) {
      return Math.max(m, Number(p.mrr));
    }, 0);
    var step = niceStep(peak);
    // A little headroom, so the line never runs along the top edge.
    var top = step * Math.max(1, Math.ceil((peak * 1.05) / step));
    var ticks = Math.round(top / step) + 1;
    draw(canvas, {
      type: 'line',
      data: {
        labels: periods.map(function (p) {
          return format.axisLabel(p, view.interval);
        }),
        datasets: [
          line(
            'MRR',
            periods.map(function (p) {
              return Number(p.mrr);
            }),
            COLORS.mrr,
            'mrr',
          ),
          line(
            'ARR',
            periods.map(function (p) {
              return Number(p.arr);
            }),
            COLORS.arr,
            'arr',
            [6, 4],
          ),
        ],
      },
      options: {
        scales: {
          mrr: {
            position: 'left',
            min: 0,
            max: top,
            title: { display: true, text: 'MRR' },
            ticks: {
              count: ticks,
              callback: function (v) {
                return format.moneyCompact(v, currency);
              },
            },
          },
          arr: {
            position: 'right',
            min: 0,
            max: 12 * top,
            grid: { drawOnChartArea: false },
            title: { display: true, text: 'ARR' },
            ticks: {
              count: ticks,
              callback: function (v) {
                return format.moneyCompact(v, currency);
              },
            },
          },
        },
        plugins: {
          tooltip: {
            callbacks: {
              label: function (ctx) {
                var p = periods[ctx.dataIndex];
                return ctx.dataset.label + ': ' + format.money(ctx.datasetIndex ? p.arr : p.mrr, currency);
              },
            },
          },
        },
      },
    });
    var first = periods[0];
    var last = periods[periods.length - 1];
    describe(
      canvas,
      caption,
      periods.length
        ? 'MRR went from ' +
            format.money(first.mrr, currency) +
            ' at the end of ' +
            format.periodPhrase(first, view.interval) +
            ' to ' +
            format.money(last.mrr, currency) +
            ' at the end of ' +
            format.periodPhrase(last, view.interval) +
            ' (ARR ' +
            format.money(last.arr, currency) +
            '). ARR is 12 times MRR: the right axis reads the same line as ARR.'
        : 'No periods in this range.',
    );
  }

  /** The waterfall: totals stand on zero, each movement floats from the running total. */
  function bridge(canvas, caption, view) {
    var steps = view.bridge.steps;
    var currency = view.currency;
    var running = 0;
    var bars = steps.map(function (step) {
      var value = Number(step.amount);
      if (step.kind === 'total') {
        running = value;
        return [0, value];
      }
      var from = running;
      running += step.kind === 'up' ? value : -value;
      return [from, running];
    });
    draw(canvas, {
      type: 'bar',
      data: {
        labels: steps.map(function (s) {
          return s.label;
        }),
        datasets: [
          {
            label: 'MRR bridge',
            data: bars,
            backgroundColor: steps.map(function (s) {
              return COLORS[s.kind];
            }),
            borderColor: steps.map(function (s) {
              return COLORS[s.kind];
            }),
            borderWidth: 1,
            borderSkipped: false,
            maxBarThickness: 64,
          },
        ],
      },
      options: {
        interaction: { mode: 'nearest', intersect: true },
        scales: {
          y: {
            beginAtZero: true,
            ticks: {
              callback: function (v) {
                return format.moneyCompact(v, currency);
              },
            },
          },
        },
        plugins: {
          legend: { display: false },
          tooltip: {
            callbacks: {
              label: function (ctx) {
                var s = steps[ctx.dataIndex];
                return s.kind === 'total'
                  ? format.money(s.amount, currency)
                  : format.signedMoney(s.kind === 'up' ? s.amount : ns.decimal.negate(s.amount), currency);
              },
            },
          },
        },
      },
    });
    var b = view.bridge;
    describe(
      canvas,
      caption,
      'MRR bridge: ' +
        format.money(b.start, currency) +
        ' at the start, plus ' +
        format.money(b.newMrr, currency) +
        ' new, ' +
        format.money(b.expansionMrr, currency) +
        ' expansion and ' +
        format.money(b.reactivationMrr, currency) +
        ' reactivation, minus ' +
        format.money(b.contractionMrr, currency) +
        ' contraction and ' +
        format.money(b.churnedMrr, currency) +
        ' churn: ' +
        format.money(b.end, currency) +
        ' at the end.',
    );
  }

  function rate(value) {
    return value == null ? null : Number(value) * 100;
  }

  /** Retention near 100 % on the left, logo churn near 0 % on the right, so neither is a flat line. */
  function retention(canvas, caption, view) {
    var periods = view.periods;
    var percentTick = function (v) {
      return v + '\u00a0%';
    };
    draw(canvas, {
      type: 'line',
      data: {
        labels: periods.map(function (p) {
          return format.axisLabel(p, view.interval);
        }),
        datasets: [
          line(
            'Gross revenue retention',
            periods.map(function (p) {
              return rate(p.grossRevenueRetention);
            }),
            COLORS.grr,
            'retention',
          ),
          line(
            'Net revenue retention',
            periods.map(function (p) {
              return rate(p.netRevenueRetention);
            }),
            COLORS.nrr,
            'retention',
            [6, 4],
          ),
          line(
            'Logo churn rate',
            periods.map(function (p) {
              return rate(p.logoChurnRate);
            }),
            COLORS.churn,
            'churn',
            [2, 3],
          ),
        ],
      },
      options: {
        scales: {
          retention: {
            position: 'left',
            suggestedMin: 80,
            suggestedMax: 110,
            title: { display: true, text: 'Retention' },
            ticks: { callback: percentTick },
          },
          churn: {
            position: 'right',
            beginAtZero: true,
            suggestedMax: 10,
            grid: { drawOnChartArea: false },
            title: { display: true, text: 'Logo churn' },
            ticks: { callback: percentTick },
          },
        },
        plugins: {
          tooltip: {
            callbacks: {
              label: function (ctx) {
                var p = periods[ctx.dataIndex];
                var value = [p.grossRevenueRetention, p.netRevenueRetention, p.logoChurnRate][ctx.datasetIndex];
                return ctx.dataset.label + ': ' + format.percent(value);
              },
            },
          },
        },
      },
    });
    var last = periods[periods.length - 1];
    describe(
      canvas,
      caption,
      last
        ? 'In ' +
            format.periodPhrase(last, view.interval) +
            ': logo churn ' +
            format.percent(last.logoChurnRate) +
            ', gross revenue retention ' +
            format.percent(last.grossRevenueRetention) +
            ', net revenue retention ' +
            format.percent(last.netRevenueRetention) +
            '.'
        : 'No periods in this range.',
    );
  }

  ns.charts = { growth: growth, bridge: bridge, retention: retention, destroyAll: destroyAll };
})((window.TariffDashboard = window.TariffDashboard || {}));
