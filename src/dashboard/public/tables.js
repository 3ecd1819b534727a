// The figures as text: key numbers, the bridge, the per-period tables, the cohort heat map and
// the top movements. Each amount cell carries the exact Decimal string in data-amount.
(function (ns) {
  'use strict';

  var h = window.TariffPage.h;
  var clear = window.TariffPage.clear;
  var $ = window.TariffPage.$;
  var format = ns.format;

  function moneyCell(amount, currency, signed) {
    return h('td', {
      class: 'num',
      'data-amount': amount,
      text: signed ? format.signedMoney(amount, currency) : format.money(amount, currency),
    });
  }

  function rateCell(rate) {
    return h('td', { class: 'num', 'data-rate': rate == null ? '' : rate, text: format.percent(rate) });
  }

  function setAmount(id, amount, currency, signed) {
    var node = $(id);
    node.setAttribute('data-amount', amount == null ? '' : amount);
    node.textContent = amount == null ? '\u2014' : signed ? format.signedMoney(amount, currency) : format.money(amount, currency);
  }

  /** A period's MRR from SERVICE items or from PHYSICAL goods (revenueMetrics.byKind: the two add up to its MRR). */
  function kindMrr(period, kind) {
    var part = (period.byKind || []).filter(function (k) {
      return k.kind === kind;
    })[0];
    return part ? part.mrr : '0';
  }

  /** The state at the end of the range, and how far MRR moved over it. */
  function kpis(view) {
    var last = view.periods[view.periods.length - 1];
    var c = view.currency;
    setAmount('kpi-mrr', last ? last.mrr : null, c);
    setAmount('kpi-arr', last ? last.arr : null, c);
    setAmount('kpi-services-mrr', last ? kindMrr(last, 'SERVICE') : null, c);
    setAmount('kpi-goods-mrr', last ? kindMrr(last, 'PHYSICAL') : null, c);
    setAmount('kpi-arpa', last ? last.arpa : null, c);
    setAmount('kpi-net', view.bridge.net, c, true);
    var customers = $('kpi-customers');
    customers.setAttribute('data-count', last ? String(last.activeCustomers) : '');
    customers.textContent = last ? format.count(last.activeCustomers) : '\u2014';
    $('kpi-note').textContent = last
      ? 'At the end of ' + format.periodPhrase(last, view.interval) + '; the change is over the whole range.'
      : '';
  }

  function growthRows(view) {
    var body = clear($('growth-rows'));
    view.periods.forEach(function (p) {
      body.appendChild(
        h(
          'tr',
          null,
          h('th', { scope: 'row', text: format.periodLabel(p, view.interval) }),
          moneyCell(p.mrr, view.currency),
          moneyCell(p.arr, view.currency),
          h('td', { class: 'num', text: format.count(p.activeCustomers) }),
          p.arpa == null ? h('td', { class: 'num', text: '\u2014' }) : moneyCell(p.arpa, view.currency),
          moneyCell(kindMrr(p, 'SERVICE'), view.currency),
          moneyCell(kindMrr(p, 'PHYSICAL'), view.currency),
        ),
      );
    });
  }

  function bridgeRows(view) {
    var body = clear($('bridge-rows'));
    view.bridge.steps.forEach(function (step) {
      var amount = step.kind === 'down' ? ns.decimal.negate(step.amount) : step.amount;
      var row = h(
        'tr',
        { class: 'bridge-' + step.kind, 'data-step': step.key },
        h('th', { scope: 'row', text: step.label }),
        moneyCell(amount, view.currency, step.kind !== 'total'),
      );
      body.appendChild(row);
    });
  }

  function retentionRows(view) {
    var body = clear($('retention-rows'));
    view.periods.forEach(function (p) {
      body.appendChild(
        h(
          'tr',
          null,
          h('th', { scope: 'row', text: format.periodLabel(p, view.interval) }),
          rateCell(p.logoChurnRate),
          rateCell(p.grossRevenueRetention),
          rateCell(p.netRevenueRetention),
          moneyCell(p.churnedMrr, view.currency),
          moneyCell(p.involuntaryChurnMrr, view.currency),
        ),
      );
    });
  }

  /** Six shades by threshold, so the shading is a class (no inline style under the CSP) and the legend can name each. */
  function shade(value) {
    var v = Number(value);
    if (v >= 1) return 5;
    if (v >= 0.9) return 4;
    if (v >= 0.75) return 3;
    if (v >= 0.5) return 2;
    if (v >= 0.25) return 1;
    return 0;
  }

  var MEASURES = {
    revenueRetention: { caption: 'Revenue retention by the month customers started', word: 'revenue retained' },
    logoRetention: { caption: 'Logo retention (customers still paying) by the month customers started', word: 'customers retained' },
  };

  function cohorts(view, measure) {
    var c = view.currency;
    var m = MEASURES[measure] || MEASURES.revenueRetention;
    var width = view.cohorts.reduce(function (w, cohort) {
      return cohort.months.reduce(function (x, month) {
        return Math.max(x, month.offset + 1);
      }, w);
    }, 0);
    $('cohort-caption').textContent = m.caption;
    var headRow = h(
      'tr',
      null,
      h('th', { scope: 'col', text: 'Cohort' }),
      h('th', { scope: 'col', class: 'num', text: 'Customers' }),
      h('th', { scope: 'col', class: 'num', text: 'Starting MRR' }),
    );
    for (var i = 0; i < width; i++) headRow.appendChild(h('th', { scope: 'col', class: 'num', text: 'Month ' + i }));
    clear($('cohort-head')).appendChild(headRow);

    var body = clear($('cohort-rows'));
    view.cohorts.forEach(function (cohort) {
      var label = format.month(cohort.month);
      var row = h(
        'tr',
        { 'data-cohort': cohort.month },
        h('th', { scope: 'row', text: label }),
        h('td', { class: 'num', text: format.count(cohort.customers) }),
        moneyCell(cohort.startMrr, c),
      );
      var byOffset = {};
      cohort.months.forEach(function (month) {
        byOffset[month.offset] = month;
      });
      for (var i = 0; i < width; i++) {
        var month = byOffset[i];
        var value = month ? month[measure] : null;
        if (!month) {
          row.appendChild(h('td', { class: 'num heat-none' }, h('span', { class: 'visually-hidden', text: 'not yet' })));
        } else if (value == null) {
          row.appendChild(h('td', { class: 'num heat-none', 'data-offset': String(i), text: '\u2014' }));
        } else {
          row.appendChild(
            h('td', {
              class: 'num heat-' + shade(value),
              'data-offset': String(i),
              'data-value': value,
              title:
                label + ' cohort, month ' + i + ': ' + format.count(month.customers) + ' customers, ' + format.money(month.mrr, c) + ' MRR',
              text: format.percent(value),
            }),
          );
        }
      }
      body.appendChild(row);
    });
    $('no-cohorts').hidden = view.cohorts.length > 0;
    $('cohort-table').hidden = view.cohorts.length === 0;
  }

  function movements(view) {
    var body = clear($('movement-rows'));
    view.movements.forEach(function (mv) {
      body.appendChild(
        h(
          'tr',
          { 'data-movement-id': mv.id },
          h('th', { scope: 'row', text: mv.customer.name }),
          h('td', { text: format.day(mv.at) }),
          h('td', { 'data-kind': mv.kind, text: format.words(mv.kind) }),
          moneyCell(mv.delta, view.currency, true),
          moneyCell(mv.mrrAfter, view.currency),
          h('td', { 'data-cause': mv.cause, text: format.cause(mv.cause) }),
        ),
      );
    });
    $('no-movements').hidden = view.movements.length > 0;
    $('movement-table').hidden = view.movements.length === 0;
  }

  var AGING = ['current', 'days1To30', 'days31To60', 'days61To90', 'days90Plus', 'total'];

  /** What customers owe in the chosen currency today, by days past due, and the currency's total. */
  function receivables(view) {
    var body = clear($('receivable-rows'));
    var report = view.receivables;
    var rows = report.customers.filter(function (r) {
      return r.currency === view.currency;
    });
    rows.forEach(function (r) {
      var cells = AGING.map(function (b) {
        var cell = moneyCell(r[b], view.currency);
        cell.setAttribute('data-bucket', b);
        return cell;
      });
      body.appendChild(
        h.apply(null, ['tr', { 'data-customer-id': r.customerId }, h('th', { scope: 'row', text: r.customerName })].concat(cells)),
      );
    });
    var foot = clear($('receivable-total'));
    var total = report.totals.filter(function (r) {
      return r.currency === view.currency;
    })[0];
    if (total) {
      var cells = AGING.map(function (b) {
        var cell = moneyCell(total[b], view.currency);
        cell.setAttribute('data-bucket', b);
        return cell;
      });
      foot.appendChild(h.apply(null, ['tr', { 'data-total': view.currency }, h('th', { scope: 'row', text: 'Total' })].concat(cells)));
    }
    $('receivables-asof').textContent =
      'Open invoices by days past their due date, as of ' + format.day(report.asOf) + ' (UTC), in ' + view.currency + '.';
    $('no-receivables').hidden = rows.length > 0;
    $('receivable-table').hidden = rows.length === 0;
  }

  /** After signing out nothing of the figures stays in the page, hidden or not. */
  function clearAll() {
    ['kpi-mrr', 'kpi-arr', 'kpi-services-mrr', 'kpi-goods-mrr', 'kpi-arpa', 'kpi-net', 'kpi-customers'].forEach(function (id) {
      $(id).textContent = '\u2014';
      $(id).removeAttribute('data-amount');
      $(id).removeAttribute('data-count');
    });
    ['kpi-note', 'range-summary', 'growth-summary', 'bridge-summary', 'retention-summary', 'receivables-asof'].forEach(function (id) {
      $(id).textContent = '';
    });
    [
      'growth-rows',
      'bridge-rows',
      'retention-rows',
      'cohort-head',
      'cohort-rows',
      'movement-rows',
      'receivable-rows',
      'receivable-total',
    ].forEach(function (id) {
      clear($(id));
    });
    [
      ['growth-chart', 'MRR and ARR chart'],
      ['bridge-chart', 'MRR bridge chart'],
      ['retention-chart', 'Churn and retention chart'],
    ].forEach(function (c) {
      $(c[0]).setAttribute('aria-label', c[1]);
    });
  }

  ns.tables = {
    clearAll: clearAll,
    kpis: kpis,
    growthRows: growthRows,
    bridgeRows: bridgeRows,
    retentionRows: retentionRows,
    cohorts: cohorts,
    movements: movements,
    receivables: receivables,
  };
})((window.TariffDashboard = window.TariffDashboard || {}));
