// The portal's orders section (issue 17): a customer's deliveries of goods, upcoming and past,
// and the controls on them: skip, reschedule, change quantities, send now, and a delivery
// schedule's ship-to location and frequency. portal.js calls load() with its helpers; the page
// offers the controls only when the session lists MANAGE_ORDERS, and the API refuses them anyway.
(function () {
  'use strict';

  var DAY_MS = 86400000;
  var UNITS = ['DAY', 'WEEK', 'MONTH'];
  var DELIVERIES =
    'query PortalDeliveries($c: ID!) {\n' +
    '  sellerSettings { orderLeadDays }\n' +
    '  customer(id: $c) { locations { id name } }\n' +
    '  subscriptions(customerId: $c, first: 20) { edges { node { id status nextOrderAt delivery { every unit locationId items { priceCode quantity } } } } }\n}';
  var ORDERS =
    'query PortalOrders($c: ID!, $after: String) {\n' +
    '  orders(customerId: $c, first: 25, after: $after) { pageInfo { hasNextPage } edges { cursor node {\n' +
    '    id number status scheduledFor placedAt holdReason purchaseOrderNumber currency total subscription { id } location { id name }\n' +
    '    lines { sku priceCode quantity quantityShipped quantityBackordered amount }\n' +
    '    shipments { externalId carrier trackingNumber shippedAt lines { sku quantity } }\n' +
    '  } } }\n}';
  // Pages of orders read, oldest first (the API's order): enough for a customer's recent history.
  var MAX_PAGES = 8;
  var ORDER_FIELDS = 'id number status scheduledFor';

  var api = null;
  var data = null;

  function h() {
    return api.h.apply(null, arguments);
  }

  function frozen(order) {
    return Date.now() >= new Date(order.scheduledFor).getTime() - data.leadDays * DAY_MS;
  }

  function cadence(delivery) {
    var unit = delivery.unit.toLowerCase();
    return delivery.every === 1 ? 'Every ' + unit : 'Every ' + delivery.every + ' ' + unit + 's';
  }

  function locationName(id) {
    var found = data.locations.filter(function (l) {
      return l.id === id;
    })[0];
    return found ? found.name : '—';
  }

  /** Runs a change, announces it, and draws the section again from the server's answer. */
  function act(button, run, done) {
    api.busy(button, true);
    return run()
      .then(function () {
        return load(api).then(function () {
          api.announce(done);
        });
      })
      .catch(function (err) {
        api.busy(button, false);
        api.fail(err);
      });
  }

  function panel(id, label, fields, submitText, onSubmit) {
    var form = h('form', { class: 'panel', id: id, hidden: true, novalidate: true, 'aria-label': label });
    fields.forEach(function (f) {
      form.appendChild(f);
    });
    var submit = h('button', { type: 'submit', text: submitText });
    form.appendChild(h('div', { class: 'actions' }, submit));
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      onSubmit(submit);
    });
    return form;
  }

  function field(id, label, input) {
    input.id = id;
    return h('div', { class: 'field' }, h('label', { for: id, text: label }), input);
  }

  /** A button that shows and hides its panel. */
  function toggle(text, target) {
    var button = h('button', { type: 'button', class: 'secondary', 'aria-expanded': 'false', 'aria-controls': target.id, text: text });
    button.addEventListener('click', function () {
      var open = target.hidden;
      target.hidden = !open;
      button.setAttribute('aria-expanded', String(open));
      if (open) target.querySelector('input, select, button').focus();
    });
    return button;
  }

  function linesTable(order, caption) {
    return h(
      'table',
      { class: 'order-lines' },
      h('caption', { text: caption }),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', { scope: 'col', text: 'SKU' }),
          h('th', { scope: 'col', class: 'num', text: 'Quantity' }),
          h('th', { scope: 'col', class: 'num', text: 'Shipped' }),
          h('th', { scope: 'col', class: 'num', text: 'Amount' }),
        ),
      ),
      h.apply(
        null,
        ['tbody', null].concat(
          order.lines.map(function (l) {
            return h(
              'tr',
              null,
              h('th', { scope: 'row', text: l.sku }),
              h('td', { class: 'num', 'data-quantity': l.quantity, text: l.quantity }),
              h('td', { class: 'num', text: l.quantityShipped }),
              api.moneyCell(l.amount, order.currency),
            );
          }),
        ),
      ),
    );
  }

  // -- delivery schedules

  function deliveryCard(sub, index) {
    var d = sub.delivery;
    var id = 'delivery-' + index;
    var card = h(
      'article',
      { class: 'card', 'aria-labelledby': id + '-title', 'data-delivery-id': sub.id },
      h('h3', {
        id: id + '-title',
        text:
          'Delivery of ' +
          d.items
            .map(function (i) {
              return i.quantity + ' × ' + i.priceCode;
            })
            .join(', '),
      }),
      h(
        'dl',
        null,
        h('dt', { text: 'Frequency' }),
        h('dd', { 'data-cadence': d.every + ' ' + d.unit, text: cadence(d) }),
        h('dt', { text: 'Ship to' }),
        h('dd', { 'data-location': d.locationId, text: locationName(d.locationId) }),
        h('dt', { text: 'Next order' }),
        h('dd', { text: api.date(sub.nextOrderAt) }),
      ),
    );
    if (!api.may('MANAGE_ORDERS') || sub.status === 'CANCELED') return card;
    var every = h('input', { type: 'number', min: '1', max: '365', step: '1', value: String(d.every), required: true });
    var unit = h.apply(
      null,
      ['select', null].concat(
        UNITS.map(function (u) {
          return h('option', { value: u, selected: u === d.unit, text: api.words(u) + 's' });
        }),
      ),
    );
    var where = h.apply(
      null,
      ['select', null].concat(
        data.locations.map(function (l) {
          return h('option', { value: l.id, selected: l.id === d.locationId, text: l.name });
        }),
      ),
    );
    var form = panel(
      id + '-change',
      'Change delivery',
      [field(id + '-every', 'Every', every), field(id + '-unit', 'Unit', unit), field(id + '-location', 'Ship to', where)],
      'Save delivery',
      function (submit) {
        var input = { every: Number(every.value), unit: unit.value, locationId: where.value };
        act(
          submit,
          function () {
            return api.gql(
              'mutation($id: ID!, $input: UpdateSubscriptionDeliveryInput!) { updateSubscriptionDelivery(subscriptionId: $id, input: $input) { id } }',
              { id: sub.id, input: input },
            );
          },
          'The delivery was changed.',
        );
      },
    );
    card.appendChild(h('div', { class: 'actions' }, toggle('Change delivery', form)));
    card.appendChild(form);
    return card;
  }

  // -- upcoming orders

  function upcomingCard(order) {
    var id = 'order-' + order.id;
    var held = order.holdReason !== null;
    var card = h(
      'article',
      { class: 'card', 'aria-labelledby': id + '-title', 'data-order-id': order.id },
      h('h3', { id: id + '-title', text: 'Order ' + order.number }),
      h(
        'dl',
        null,
        h('dt', { text: 'Status' }),
        h(
          'dd',
          null,
          h('span', { class: 'badge ' + (held ? 'badge-warn' : 'badge-ok'), text: held ? 'On hold' : api.words(order.status) }),
        ),
        h('dt', { text: 'Delivery date' }),
        h('dd', { 'data-date': order.scheduledFor, text: api.date(order.scheduledFor) }),
        h('dt', { text: 'Ship to' }),
        h('dd', { text: order.location.name }),
        h('dt', { text: 'Total (estimate)' }),
        h('dd', { 'data-total': order.total, text: api.money(order.total, order.currency) }),
      ),
      linesTable(order, 'Lines'),
    );
    if (!api.may('MANAGE_ORDERS') || held) return card;
    if (frozen(order)) {
      card.appendChild(h('p', { class: 'muted frozen-note', text: 'Being prepared: this order can no longer be changed.' }));
      return card;
    }
    card.appendChild(orderControls(order, id));
    return card;
  }

  function orderControls(order, id) {
    var wrap = h('div', { class: 'order-actions' });
    var run = function (query, vars, done) {
      return function (submit) {
        act(
          submit,
          function () {
            return api.gql(query, vars());
          },
          done,
        );
      };
    };
    var to = h('input', { type: 'date', required: true, value: order.scheduledFor.slice(0, 10) });
    var reschedule = panel(
      id + '-reschedule',
      'Reschedule order ' + order.number,
      [field(id + '-to', 'New delivery date', to)],
      'Save date',
      run(
        'mutation($id: ID!, $to: DateTime!) { rescheduleOrder(id: $id, to: $to) { ' + ORDER_FIELDS + ' } }',
        function () {
          // The day chosen, at the time of day the order had (the schedule's hour).
          return { id: order.id, to: to.value + order.scheduledFor.slice(10) };
        },
        'Order ' + order.number + ' was rescheduled.',
      ),
    );
    var inputs = order.lines.map(function (l, i) {
      return field(
        id + '-q' + i,
        'Quantity of ' + l.sku,
        h('input', { type: 'number', min: '1', step: '1', value: l.quantity, required: true }),
      );
    });
    var quantities = panel(
      id + '-lines',
      'Change quantities of order ' + order.number,
      inputs,
      'Save quantities',
      run(
        'mutation($id: ID!, $lines: [OrderLineInput!]!) { updateOrderLines(id: $id, lines: $lines) { ' + ORDER_FIELDS + ' } }',
        function () {
          return {
            id: order.id,
            lines: order.lines.map(function (l, i) {
              return { priceCode: l.priceCode, quantity: inputs[i].querySelector('input').value };
            }),
          };
        },
        'Order ' + order.number + ' was changed.',
      ),
    );
    var byId = function () {
      return { id: order.id };
    };
    var skip = panel(
      id + '-skip',
      'Skip order ' + order.number,
      [h('p', { text: 'Skip this delivery? The next one stays as planned.' })],
      'Confirm skip',
      run('mutation($id: ID!) { skipOrder(id: $id) { ' + ORDER_FIELDS + ' } }', byId, 'Order ' + order.number + ' was skipped.'),
    );
    var now = panel(
      id + '-now',
      'Send order ' + order.number + ' now',
      [h('p', { text: 'Place this order today? The next delivery then follows one interval after today.' })],
      'Confirm send now',
      run('mutation($id: ID!) { sendOrderNow(id: $id) { ' + ORDER_FIELDS + ' } }', byId, 'Order ' + order.number + ' was placed.'),
    );
    wrap.appendChild(
      h(
        'div',
        { class: 'actions' },
        toggle('Send now', now),
        toggle('Reschedule', reschedule),
        toggle('Change quantities', quantities),
        toggle('Skip', skip),
      ),
    );
    [now, reschedule, quantities, skip].forEach(function (p) {
      wrap.appendChild(p);
    });
    return wrap;
  }

  // -- past orders

  function shipmentsText(order) {
    if (order.shipments.length === 0) return '—';
    return order.shipments
      .map(function (s) {
        var what = s.lines
          .map(function (l) {
            return l.quantity + ' × ' + l.sku;
          })
          .join(', ');
        return (
          api.date(s.shippedAt) + ': ' + what + (s.carrier ? ' (' + s.carrier + (s.trackingNumber ? ' ' + s.trackingNumber : '') + ')' : '')
        );
      })
      .join('; ');
  }

  function pastRow(order) {
    return h(
      'tr',
      { 'data-order-id': order.id },
      h('th', { scope: 'row', text: order.number }),
      h('td', { 'data-date': order.scheduledFor, text: api.date(order.scheduledFor) }),
      h('td', { 'data-status': order.status, text: api.words(order.status) }),
      h(
        'td',
        null,
        order.lines
          .map(function (l) {
            return l.quantity + ' × ' + l.sku;
          })
          .join(', '),
      ),
      api.moneyCell(order.total, order.currency),
      h('td', { class: 'shipments', text: shipmentsText(order) }),
    );
  }

  function render() {
    var deliveries = api.clear(api.$('delivery-list'));
    data.subs.forEach(function (sub, i) {
      deliveries.appendChild(deliveryCard(sub, i));
    });
    var upcoming = data.orders.filter(function (o) {
      return o.status === 'SCHEDULED';
    });
    var past = data.orders
      .filter(function (o) {
        return o.status !== 'SCHEDULED';
      })
      .reverse();
    var list = api.clear(api.$('upcoming-orders'));
    upcoming.forEach(function (o) {
      list.appendChild(upcomingCard(o));
    });
    api.$('no-upcoming-orders').hidden = upcoming.length > 0;
    var rows = api.clear(api.$('past-order-rows'));
    past.forEach(function (o) {
      rows.appendChild(pastRow(o));
    });
    api.$('past-order-table').hidden = past.length === 0;
    api.$('no-past-orders').hidden = past.length > 0;
    api.$('orders-read-only').hidden = api.may('MANAGE_ORDERS');
    // Only a customer that takes deliveries sees the section.
    var any = data.subs.length > 0 || data.orders.length > 0;
    api.$('orders').hidden = !any;
    api.$('orders-nav').hidden = !any;
  }

  function readOrders(after, left, found) {
    return api.gql(ORDERS, { c: api.customerId(), after: after }).then(function (d) {
      d.orders.edges.forEach(function (e) {
        found.push(e.node);
      });
      var edges = d.orders.edges;
      if (!d.orders.pageInfo.hasNextPage || left <= 1 || edges.length === 0) return found;
      return readOrders(edges[edges.length - 1].cursor, left - 1, found);
    });
  }

  /** Reads the customer's deliveries and orders and draws the section. */
  function load(portal) {
    api = portal;
    return Promise.all([api.gql(DELIVERIES, { c: api.customerId() }), readOrders(null, MAX_PAGES, [])]).then(function (read) {
      var d = read[0];
      data = {
        leadDays: d.sellerSettings.orderLeadDays,
        locations: d.customer ? d.customer.locations : [],
        subs: d.subscriptions.edges
          .map(function (e) {
            return e.node;
          })
          .filter(function (s) {
            return s.delivery && s.status !== 'CANCELED';
          }),
        orders: read[1].sort(function (a, b) {
          return a.scheduledFor < b.scheduledFor ? -1 : a.scheduledFor > b.scheduledFor ? 1 : 0;
        }),
      };
      render();
    });
  }

  window.TariffPortalOrders = { load: load };
})();
