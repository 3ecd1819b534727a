// The revenue dashboard: sign in with an ADMIN or SALES key, pick a currency and a range, and
// read the revenue ledger through the same GraphQL API as every client. A refresh is one request
// (revenueMetrics, cohorts, mrrMovements and agedReceivables together); signing in is one more (who the key is,
// and which currencies the seller uses).
(function (ns) {
  'use strict';

  var page = window.TariffPage;
  var h = page.h;
  var $ = page.$;
  var decimal = ns.decimal;
  var format = ns.format;

  var STORAGE_KEY = 'tariff.dashboard.key';
  var READER_ROLES = ['ADMIN', 'SALES'];
  var FALLBACK_CURRENCY = 'EUR';
  var TOP_MOVEMENTS = 10;
  var REJECTED = 'This API key was not accepted. Check it and try again.';
  var NOT_ALLOWED = 'This key may not read revenue figures: sign in with an ADMIN or SALES key.';

  var VIEWER =
    'query DashboardViewer {\n' +
    '  viewer { name role }\n' +
    '  customers(first: 1) { edges { node { currency } } }\n' +
    '  prices(first: 100) { edges { node { currency } } }\n' +
    '}';

  var FIGURES =
    'query DashboardFigures($from: DateTime!, $to: DateTime!, $interval: MetricsInterval!, $currency: Currency!, $top: Int) {\n' +
    '  revenueMetrics(from: $from, to: $to, interval: $interval, currency: $currency) {\n' +
    '    periodStart periodEnd startMrr mrr arr newMrr expansionMrr contractionMrr churnedMrr reactivationMrr\n' +
    '    activeCustomers arpa logoChurnRate grossRevenueRetention netRevenueRetention involuntaryChurnMrr\n' +
    '    byKind { kind mrr }\n' +
    '  }\n' +
    '  cohorts(from: $from, to: $to, currency: $currency) {\n' +
    '    month customers startMrr months { offset customers mrr logoRetention revenueRetention }\n' +
    '  }\n' +
    '  mrrMovements(from: $from, to: $to, currency: $currency, first: $top) {\n' +
    '    id at kind delta mrrAfter cause subscriptionId customer { id name }\n' +
    '  }\n' +
    '  agedReceivables {\n' +
    '    asOf\n' +
    '    customers { customerId customerName currency current days1To30 days31To60 days61To90 days90Plus total }\n' +
    '    totals { currency current days1To30 days31To60 days61To90 days90Plus total }\n' +
    '  }\n' +
    '}';

  var state = { key: null, viewer: null, view: null, refreshes: 0 };

  // ---- talking to the API

  function Rejected(message) {
    this.message = message;
  }

  function gql(query, variables) {
    return page.graphql(state.key, query, variables).catch(function (err) {
      if (err.status === 401 || err.code === 'UNAUTHENTICATED') throw new Rejected(REJECTED);
      if (err.code === 'FORBIDDEN') throw new Rejected(NOT_ALLOWED);
      throw err;
    });
  }

  // ---- messages

  var announce = page.announcer(8000);

  /** A rejected key ends the session and says why on the sign-in form; anything else is announced. */
  function fail(err) {
    if (err instanceof Rejected) return showLogin(err.message);
    announce('Error: ' + (err && err.message ? err.message : 'something went wrong'), true);
  }

  // ---- the range: whole UTC months, the end month included

  function monthValue(date) {
    return date.toISOString().slice(0, 7);
  }

  function monthStart(value, plusMonths) {
    var parts = value.split('-');
    return new Date(Date.UTC(Number(parts[0]), Number(parts[1]) - 1 + (plusMonths || 0), 1));
  }

  function defaultRange() {
    var now = new Date();
    var thisMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
    return { from: monthValue(monthStart(monthValue(thisMonth), -11)), to: monthValue(thisMonth) };
  }

  var MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

  /** The filters as API variables, or null after marking what is wrong. */
  function readFilters() {
    var from = $('from');
    var to = $('to');
    [from, to].forEach(function (input) {
      input.removeAttribute('aria-invalid');
    });
    if (!MONTH.test(from.value)) return invalid(from, 'Enter the first month as YYYY-MM.');
    if (!MONTH.test(to.value)) return invalid(to, 'Enter the last month as YYYY-MM.');
    if (from.value > to.value) return invalid(from, 'The first month must not be after the last month.');
    return {
      from: monthStart(from.value).toISOString(),
      to: monthStart(to.value, 1).toISOString(),
      interval: $('interval').value,
      currency: $('currency').value,
      top: TOP_MOVEMENTS,
    };
  }

  function invalid(input, message) {
    input.setAttribute('aria-invalid', 'true');
    input.focus();
    announce(message, true);
    return null;
  }

  // ---- what the page shows

  /** The bridge of the whole range: the first period's start, the sums of the flows, the last period's end, exactly. */
  function bridgeOf(periods) {
    function total(field) {
      return decimal.sum(
        periods.map(function (p) {
          return p[field];
        }),
      );
    }
    var start = periods.length ? periods[0].startMrr : '0';
    var end = periods.length ? periods[periods.length - 1].mrr : '0';
    var b = {
      start: start,
      newMrr: total('newMrr'),
      expansionMrr: total('expansionMrr'),
      reactivationMrr: total('reactivationMrr'),
      contractionMrr: total('contractionMrr'),
      churnedMrr: total('churnedMrr'),
      end: end,
      net: decimal.subtract(end, start),
    };
    b.steps = [
      { key: 'start', label: 'Start MRR', kind: 'total', amount: b.start },
      { key: 'new', label: 'New', kind: 'up', amount: b.newMrr },
      { key: 'expansion', label: 'Expansion', kind: 'up', amount: b.expansionMrr },
      { key: 'reactivation', label: 'Reactivation', kind: 'up', amount: b.reactivationMrr },
      { key: 'contraction', label: 'Contraction', kind: 'down', amount: b.contractionMrr },
      { key: 'churn', label: 'Churn', kind: 'down', amount: b.churnedMrr },
      { key: 'end', label: 'End MRR', kind: 'total', amount: b.end },
    ];
    var moved = decimal.sum([
      b.start,
      b.newMrr,
      b.expansionMrr,
      b.reactivationMrr,
      decimal.negate(b.contractionMrr),
      decimal.negate(b.churnedMrr),
    ]);
    b.balanced = decimal.compare(moved, b.end) === 0;
    return b;
  }

  function render(view) {
    ns.tables.kpis(view);
    ns.tables.growthRows(view);
    ns.tables.bridgeRows(view);
    ns.tables.retentionRows(view);
    ns.tables.cohorts(view, $('cohort-measure').value);
    ns.tables.movements(view);
    ns.tables.receivables(view);
    if (window.Chart) {
      ns.charts.growth($('growth-chart'), $('growth-summary'), view);
      ns.charts.bridge($('bridge-chart'), $('bridge-summary'), view);
      ns.charts.retention($('retention-chart'), $('retention-summary'), view);
    } else {
      announce('The charts could not be loaded; the tables show every figure.', true);
    }
    var lastMonth = new Date(view.variables.to);
    lastMonth.setUTCMonth(lastMonth.getUTCMonth() - 1);
    var summary = $('range-summary');
    var n = view.periods.length;
    summary.textContent =
      format.month(view.variables.from) +
      ' to ' +
      format.month(lastMonth.toISOString()) +
      ' in ' +
      view.currency +
      ': ' +
      n +
      ' ' +
      format.words(view.interval).toLowerCase() +
      (n === 1 ? '' : 's') +
      ' (UTC).';
    summary.setAttribute('data-from', view.variables.from);
    summary.setAttribute('data-to', view.variables.to);
    summary.setAttribute('data-currency', view.currency);
    summary.setAttribute('data-interval', view.interval);
    $('bridge-caption').textContent = view.bridge.balanced
      ? 'From the start to the end of the range'
      : 'From the start to the end of the range (the figures do not add up: report this)';
  }

  function refresh() {
    var variables = readFilters();
    if (!variables) return Promise.resolve();
    var button = $('refresh');
    button.disabled = true;
    $('dashboard').setAttribute('aria-busy', 'true');
    return gql(FIGURES, variables)
      .then(function (data) {
        var periods = data.revenueMetrics;
        state.view = {
          variables: variables,
          currency: variables.currency,
          interval: variables.interval,
          periods: periods,
          bridge: bridgeOf(periods),
          cohorts: data.cohorts,
          movements: data.mrrMovements,
          receivables: data.agedReceivables,
        };
        render(state.view);
        state.refreshes += 1;
        document.body.setAttribute('data-refreshes', String(state.refreshes));
      })
      .catch(fail)
      .then(function () {
        button.disabled = false;
        $('dashboard').removeAttribute('aria-busy');
      });
  }

  // ---- signing in and out

  /** The seller's currencies as the API shows them; the default is the first customer's, else EUR. */
  function fillCurrencies(data) {
    var seen = [];
    function add(code) {
      if (code && seen.indexOf(code) === -1) seen.push(code);
    }
    data.customers.edges.forEach(function (e) {
      add(e.node.currency);
    });
    data.prices.edges.forEach(function (e) {
      add(e.node.currency);
    });
    add(FALLBACK_CURRENCY);
    var preferred = seen[0];
    var rest = seen.slice(1).sort();
    var select = page.clear($('currency'));
    [preferred].concat(rest).forEach(function (code) {
      select.appendChild(h('option', { value: code, text: code }));
    });
    select.value = preferred;
  }

  /** Focus moves to the key field after a sign-out or a refusal, not on first load (Tab starts at the skip link). */
  function showLogin(message, quiet) {
    sessionStorage.removeItem(STORAGE_KEY);
    state.key = null;
    state.viewer = null;
    state.view = null;
    ns.charts.destroyAll();
    ns.tables.clearAll();
    if (ns.connections) ns.connections.clear();
    $('dashboard').hidden = true;
    $('section-nav').hidden = true;
    $('session-actions').hidden = true;
    $('login-view').hidden = false;
    document.title = 'Sign in · Revenue dashboard · Tariff';
    var error = $('login-error');
    error.textContent = message || '';
    var input = $('api-key');
    input.value = '';
    if (message) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
    if (!quiet) input.focus();
  }

  function showDashboard() {
    $('login-view').hidden = true;
    $('login-error').textContent = '';
    $('dashboard').hidden = false;
    $('section-nav').hidden = false;
    $('session-actions').hidden = false;
    $('viewer-line').textContent = state.viewer.name + ' (' + format.words(state.viewer.role) + ')';
    document.title = 'Revenue dashboard · Tariff';
  }

  /** Checks the key (and its role) before anything is shown; the key is kept only once it is accepted. */
  function signIn(key) {
    state.key = key;
    return gql(VIEWER).then(function (data) {
      if (READER_ROLES.indexOf(data.viewer.role) === -1) throw new Rejected(NOT_ALLOWED);
      sessionStorage.setItem(STORAGE_KEY, key);
      state.viewer = data.viewer;
      fillCurrencies(data);
      var range = defaultRange();
      $('from').value = range.from;
      $('to').value = range.to;
      showDashboard();
      return refresh().then(function () {
        $('dashboard-title').focus();
        // Connections hold credentials for other systems: ADMIN only, read once here (connections.js).
        if (state.viewer && state.viewer.role === 'ADMIN' && ns.connections) return ns.connections.start(gql, announce).catch(fail);
      });
    });
  }

  function onLogin(event) {
    event.preventDefault();
    var key = $('api-key').value.trim();
    if (!key) {
      $('login-error').textContent = 'Enter an API key.';
      $('api-key').setAttribute('aria-invalid', 'true');
      $('api-key').focus();
      return;
    }
    var button = $('sign-in');
    button.disabled = true;
    signIn(key)
      .catch(fail)
      .then(function () {
        button.disabled = false;
      });
  }

  function start() {
    $('login-form').addEventListener('submit', onLogin);
    $('filters').addEventListener('submit', function (event) {
      event.preventDefault();
      refresh();
    });
    $('cohort-measure').addEventListener('change', function () {
      if (state.view) ns.tables.cohorts(state.view, $('cohort-measure').value);
    });
    $('sign-out').addEventListener('click', function () {
      showLogin('');
      announce('Signed out.');
    });
    var stored = sessionStorage.getItem(STORAGE_KEY);
    var ready = stored ? signIn(stored).catch(fail) : Promise.resolve(showLogin('', true));
    ready.then(function () {
      document.body.setAttribute('data-ready', 'true');
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})((window.TariffDashboard = window.TariffDashboard || {}));
