// Integrations (docs/connectors.md), for ADMIN keys: each connection's status, its pending and
// failed counts, and its FAILED and DEAD records with the vendor's message and a "Retry" button
// (retryConnectionRecord). Read once at sign-in and again after a retry or "Reload"; never with
// the revenue figures' refresh.
(function (ns) {
  'use strict';

  var page = window.TariffPage;
  var h = page.h;
  var $ = page.$;

  var RECORD_FIELDS = 'edges { node { id recordType tariffId status attempts lastAttemptAt lastError } }';
  var CONNECTIONS =
    'query DashboardConnections {\n' +
    '  connections {\n' +
    '    id system status lastSyncAt pending failed\n' +
    '    dead: records(first: 50, status: DEAD) { ' +
    RECORD_FIELDS +
    ' }\n' +
    '    failing: records(first: 50, status: FAILED) { ' +
    RECORD_FIELDS +
    ' }\n' +
    '  }\n' +
    '}';
  var RETRY = 'mutation DashboardRetryConnectionRecord($id: ID!) { retryConnectionRecord(id: $id) { id status } }';

  var SYSTEMS = { HUBSPOT: 'HubSpot', SALESFORCE: 'Salesforce', SAP_S4HANA: 'SAP S/4HANA', DYNAMICS_365: 'Dynamics 365' };

  function when(iso) {
    return iso ? iso.replace('T', ' ').slice(0, 16) + ' UTC' : 'never';
  }

  function clear() {
    page.clear($('connection-rows'));
    page.clear($('failed-record-rows'));
    $('integrations').hidden = true;
  }

  function render(connections, gql, announce) {
    $('integrations').hidden = false;
    var rows = page.clear($('connection-rows'));
    var failedRows = page.clear($('failed-record-rows'));
    connections.forEach(function (c) {
      rows.appendChild(
        h(
          'tr',
          { 'data-connection': c.id },
          h('th', { scope: 'row', text: SYSTEMS[c.system] || c.system }),
          h('td', { text: c.status }),
          h('td', { text: when(c.lastSyncAt) }),
          h('td', { class: 'num', text: String(c.pending) }),
          h('td', { class: 'num', text: String(c.failed) }),
        ),
      );
      c.dead.edges.concat(c.failing.edges).forEach(function (e) {
        var r = e.node;
        var button = h('button', {
          type: 'button',
          text: 'Retry',
          'aria-label': 'Retry ' + r.recordType + ' ' + r.tariffId,
          onclick: function () {
            button.disabled = true;
            gql(RETRY, { id: r.id })
              .then(function () {
                announce('Retry scheduled for ' + r.recordType + ' ' + r.tariffId + '.');
                return load(gql, announce);
              })
              .catch(function (err) {
                button.disabled = false;
                announce('Error: ' + (err && err.message ? err.message : 'the retry failed'), true);
              });
          },
        });
        failedRows.appendChild(
          h(
            'tr',
            { 'data-record': r.id },
            h('td', { text: SYSTEMS[c.system] || c.system }),
            h('td', { text: r.recordType }),
            h('td', { text: r.tariffId }),
            h('td', { text: r.status }),
            h('td', { class: 'num', text: String(r.attempts) }),
            h('td', { text: r.lastError || '' }),
            h('td', {}, button),
          ),
        );
      });
    });
    $('no-connections').hidden = connections.length > 0;
    $('no-failed-records').hidden = failedRows.childNodes.length > 0;
    document.body.setAttribute('data-connections-loaded', String(Number(document.body.getAttribute('data-connections-loaded') || 0) + 1));
  }

  function load(gql, announce) {
    return gql(CONNECTIONS).then(function (data) {
      render(data.connections, gql, announce);
    });
  }

  /** Wires "Reload" once; `gql` is the dashboard's (a refused key ends the session). */
  function start(gql, announce) {
    var reload = $('reload-connections');
    if (!reload.getAttribute('data-wired')) {
      reload.setAttribute('data-wired', 'true');
      reload.addEventListener('click', function () {
        load(ns.connections.gql, ns.connections.announce).catch(function (err) {
          announce('Error: ' + (err && err.message ? err.message : 'could not read the connections'), true);
        });
      });
    }
    ns.connections.gql = gql;
    ns.connections.announce = announce;
    return load(gql, announce);
  }

  ns.connections = { start: start, clear: clear };
})((window.TariffDashboard = window.TariffDashboard || {}));
