// The hosted customer portal: plain DOM code over the same GraphQL API as every client, with
// the session's CUSTOMER key. Everything the server sends is inserted as text, never as markup.
(function () {
  'use strict';

  var STORAGE_KEY = 'tariff.portal.session';
  var EXPIRED_TEXT = 'This link has expired or is invalid. Ask for a new one.';
  // A customer's change is always prorated (the seller's rule); the difference goes on the next invoice.
  var PRORATION = 'CREATE_PRORATIONS';

  var state = { secret: null, session: null, settings: null, prices: {}, expiryTimer: null };

  /**
   * Whether this session may take an action (PortalAction): the server lists them
   * (portalSession.allowedActions) from the checks that refuse the rest, so the page shows only
   * what will work and never keeps its own copy of who may do what.
   */
  function may(action) {
    return state.session.allowedActions.indexOf(action) >= 0;
  }

  var page = window.TariffPage;
  var h = page.h;
  var clear = page.clear;
  var $ = page.$;

  // ---- the secret: from the link's fragment into this tab's sessionStorage, out of the address bar

  function takeSecret() {
    var fragment = new URLSearchParams(location.hash.replace(/^#/, ''));
    var fromLink = fragment.get('session');
    if (fromLink !== null) {
      sessionStorage.setItem(STORAGE_KEY, fromLink);
      history.replaceState(null, '', location.pathname + location.search);
    }
    return sessionStorage.getItem(STORAGE_KEY);
  }

  // ---- formatting

  var dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
  var timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

  function date(iso) {
    return iso ? dateFormat.format(new Date(iso)) : '—';
  }

  function period(start, end) {
    return start && end ? date(start) + ' – ' + date(end) : '—';
  }

  /** Decimal strings stay exact: Intl formats a numeric string without going through a float. */
  function money(amount, currency) {
    try {
      return new Intl.NumberFormat(undefined, { style: 'currency', currency: currency }).format(amount);
    } catch (e) {
      return amount + ' ' + currency;
    }
  }

  function words(enumValue) {
    var s = String(enumValue).toLowerCase().replace(/_/g, ' ');
    return s.charAt(0).toUpperCase() + s.slice(1);
  }

  function moneyCell(amount, currency) {
    return h('td', { class: 'num', 'data-amount': amount, text: money(amount, currency) });
  }

  // ---- talking to the API

  function Expired() {}

  function gql(query, variables) {
    return page.graphql(state.secret, query, variables).catch(function (err) {
      throw err.status === 401 ? new Expired() : err;
    });
  }

  var announce = page.announcer(10000);

  /** Every failure ends here: an expired or invalid link replaces the page; anything else is announced. */
  function fail(err) {
    if (err instanceof Expired) return showExpired();
    announce('Error: ' + (err && err.message ? err.message : 'something went wrong'), true);
  }

  function busy(button, on) {
    button.disabled = on;
    if (on) button.setAttribute('aria-busy', 'true');
    else button.removeAttribute('aria-busy');
  }

  // ---- views

  function showExpired() {
    sessionStorage.removeItem(STORAGE_KEY);
    state.secret = null;
    if (state.expiryTimer) window.clearTimeout(state.expiryTimer);
    document.title = 'Link expired · Billing portal';
    $('loading').hidden = true;
    clear($('subscription-list'));
    clear($('invoice-rows'));
    clear($('consumption-rows'));
    clear($('payment-method-rows'));
    $('orders').hidden = true;
    $('account').hidden = true;
    $('section-nav').hidden = true;
    $('expiry-note').hidden = true;
    $('error-text').textContent = EXPIRED_TEXT;
    $('error-view').hidden = false;
    $('error-title').focus();
  }

  function setReturnLinks(session, settings) {
    var url;
    try {
      url = new URL(session.returnUrl);
    } catch (e) {
      return;
    }
    // The server only takes http(s) URLs; checked again so that no other scheme can become a link.
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return;
    ['return-link', 'return-link-bottom'].forEach(function (id) {
      var link = $(id);
      link.href = url.href;
      link.textContent = 'Return to ' + settings.name;
      link.hidden = false;
    });
  }

  function renderHeader() {
    var session = state.session;
    var settings = state.settings;
    $('seller-name').textContent = settings.name;
    document.title = 'Billing · ' + settings.name;
    $('customer-line').textContent = session.customer.name + ' · ' + session.customer.email;
    renderRole();
    setReturnLinks(session, settings);
    var expires = new Date(session.expiresAt);
    $('expiry-note').textContent = 'For your security, this page works until ' + timeFormat.format(expires) + '.';
    $('expiry-note').hidden = false;
    var remaining = expires.getTime() - Date.now();
    if (remaining > 0 && remaining < 2147483647) state.expiryTimer = window.setTimeout(showExpired, remaining);
  }

  /** What this page offers, in words: the session's actions that the page has a control for and the seller's settings allow. */
  function offered() {
    var settings = state.settings;
    var offers = [
      ['CHANGE_SUBSCRIPTION', 'change subscriptions', settings.allowSelfServiceQuantityChange || settings.selfServicePriceCodes.length > 1],
      ['CANCEL_SUBSCRIPTION', 'cancel subscriptions', settings.allowSelfServiceCancel],
      ['MANAGE_PAYMENT_METHODS', 'manage payment methods', true],
      ['DOWNLOAD_INVOICES', 'download invoices', true],
    ];
    return offers
      .filter(function (o) {
        return o[2] && may(o[0]);
      })
      .map(function (o) {
        return o[1];
      });
  }

  /** Who the page acts for (a contact, with its role) and what that lets them do here; the sections' controls follow the same list. */
  function renderRole() {
    var contact = state.session.contact;
    var line = $('role-line');
    var actions = offered();
    if (contact) {
      var can = actions.length
        ? 'You can view this account and ' + actions.join(', ') + '.'
        : 'You can view this account but not change it.';
      line.textContent = 'Signed in as ' + contact.name + ' (' + words(contact.role) + '). ' + can;
      line.setAttribute('data-role', contact.role);
      line.hidden = false;
    }
    $('subscriptions-read-only').hidden = may('CHANGE_SUBSCRIPTION') || may('CANCEL_SUBSCRIPTION');
    $('payment-methods-read-only').hidden = may('MANAGE_PAYMENT_METHODS');
    $('payment-method-form').hidden = !may('MANAGE_PAYMENT_METHODS');
  }

  // -- subscriptions

  var SUBSCRIPTIONS =
    'query PortalSubscriptions($customerId: ID!) {\n' +
    '  subscriptions(customerId: $customerId, first: 20) { edges { node {\n' +
    '    id status version currency currentPeriodStart currentPeriodEnd cancelAtPeriodEnd trialEnd purchaseOrderNumber\n' +
    '    items { priceCode quantity price { code interval intervalCount product { name } } }\n' +
    '  } } }\n}';

  function priceLabel(price) {
    var every =
      price.intervalCount > 1
        ? 'every ' + price.intervalCount + ' ' + words(price.interval).toLowerCase() + 's'
        : words(price.interval).toLowerCase() + 'ly';
    if (price.interval === 'ONE_TIME') every = 'one-time';
    return price.product.name + ' (' + price.code + ', ' + every + ')';
  }

  function loadSubscriptions() {
    return gql(SUBSCRIPTIONS, { customerId: state.session.customer.id }).then(function (data) {
      var list = clear($('subscription-list'));
      var subs = data.subscriptions.edges
        .map(function (e) {
          return e.node;
        })
        .filter(function (s) {
          return s.status !== 'CANCELED';
        });
      if (subs.length === 0) list.appendChild(h('p', { class: 'muted', text: 'No active subscriptions.' }));
      subs.forEach(function (sub, index) {
        list.appendChild(subscriptionCard(sub, index));
      });
    });
  }

  function changeable(sub) {
    return sub.status === 'ACTIVE' || sub.status === 'TRIALING' || sub.status === 'PAST_DUE';
  }

  function subscriptionCard(sub, index) {
    var names = sub.items
      .map(function (i) {
        return i.price.product.name;
      })
      .join(', ');
    var headingId = 'sub-' + index + '-title';
    var status = h('span', {
      class: 'badge ' + (sub.status === 'ACTIVE' || sub.status === 'TRIALING' ? 'badge-ok' : 'badge-warn'),
      text: words(sub.status),
    });
    var renewal = sub.cancelAtPeriodEnd
      ? 'Ends on ' + date(sub.currentPeriodEnd) + ' (canceled at period end)'
      : 'Renews on ' + date(sub.currentPeriodEnd);
    var itemRows = sub.items.map(function (item) {
      return h(
        'tr',
        null,
        h('th', { scope: 'row', text: item.price.product.name }),
        h('td', { text: item.priceCode }),
        h('td', { class: 'num', 'data-quantity': item.quantity, text: item.quantity }),
      );
    });
    var card = h(
      'article',
      { class: 'card', 'aria-labelledby': headingId, 'data-subscription-id': sub.id },
      h('h3', { id: headingId, text: names || 'Subscription' }),
      h(
        'dl',
        null,
        h('dt', { text: 'Status' }),
        h('dd', null, status),
        h('dt', { text: 'Current period' }),
        h('dd', { text: period(sub.currentPeriodStart, sub.currentPeriodEnd) }),
        h('dt', { text: sub.cancelAtPeriodEnd ? 'Ends' : 'Renews' }),
        h('dd', { text: renewal }),
        sub.purchaseOrderNumber ? h('dt', { text: 'Purchase order' }) : null,
        sub.purchaseOrderNumber ? h('dd', { class: 'purchase-order', text: sub.purchaseOrderNumber }) : null,
      ),
      h(
        'table',
        null,
        h('caption', { text: 'Items' }),
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            h('th', { scope: 'col', text: 'Plan' }),
            h('th', { scope: 'col', text: 'Price code' }),
            h('th', { scope: 'col', class: 'num', text: 'Quantity' }),
          ),
        ),
        h.apply(null, ['tbody', null].concat(itemRows)),
      ),
    );
    if (changeable(sub)) card.appendChild(subscriptionActions(sub, index));
    return card;
  }

  function planOptions(item) {
    var listed = state.settings.selfServicePriceCodes;
    // The seller's rule: a customer moves only between listed plans, so an unlisted current plan stays.
    if (listed.indexOf(item.priceCode) < 0) return [];
    return listed.filter(function (code) {
      return state.prices[code];
    });
  }

  function subscriptionActions(sub, index) {
    var settings = state.settings;
    var wrap = h('div', { class: 'subscription-actions' });
    var buttons = h('div', { class: 'actions' });
    var canChange = may('CHANGE_SUBSCRIPTION');
    var canQuantity = canChange && settings.allowSelfServiceQuantityChange;
    var canPlan =
      canChange &&
      sub.items.some(function (item) {
        return planOptions(item).length > 1;
      });
    var canCancel = may('CANCEL_SUBSCRIPTION') && settings.allowSelfServiceCancel && !sub.cancelAtPeriodEnd;
    var panelId = 'sub-' + index + '-change';
    var cancelId = 'sub-' + index + '-cancel';

    if (canQuantity || canPlan) {
      var label = canQuantity && canPlan ? 'Change plan or quantity' : canQuantity ? 'Change quantity' : 'Change plan';
      var toggle = h('button', { type: 'button', class: 'secondary', 'aria-expanded': 'false', 'aria-controls': panelId, text: label });
      var panel = changePanel(sub, panelId, canQuantity, toggle);
      toggle.addEventListener('click', function () {
        var open = panel.hidden;
        panel.hidden = !open;
        toggle.setAttribute('aria-expanded', String(open));
        if (open) panel.querySelector('input, select').focus();
      });
      buttons.appendChild(toggle);
      wrap.appendChild(buttons);
      wrap.appendChild(panel);
    }
    if (canCancel) {
      var cancelToggle = h('button', {
        type: 'button',
        class: 'secondary',
        'aria-expanded': 'false',
        'aria-controls': cancelId,
        text: 'Cancel at period end',
      });
      var confirm = cancelPanel(sub, cancelId, cancelToggle);
      cancelToggle.addEventListener('click', function () {
        var open = confirm.hidden;
        confirm.hidden = !open;
        cancelToggle.setAttribute('aria-expanded', String(open));
        if (open) confirm.querySelector('button').focus();
      });
      buttons.appendChild(cancelToggle);
      if (!wrap.contains(buttons)) wrap.appendChild(buttons);
      wrap.appendChild(confirm);
    }
    return wrap;
  }

  function changePanel(sub, panelId, canQuantity, toggle) {
    var form = h('form', { class: 'panel change-form', id: panelId, hidden: true, novalidate: true, 'aria-label': 'Change subscription' });
    var inputs = sub.items.map(function (item, i) {
      var fieldset = h('fieldset', null, h('legend', { text: item.price.product.name }));
      var options = planOptions(item);
      var select = null;
      var quantity = null;
      if (options.length > 1) {
        var selectId = panelId + '-plan-' + i;
        select = h.apply(
          null,
          ['select', { id: selectId, name: 'plan' }].concat(
            options.map(function (code) {
              return h('option', {
                value: code,
                selected: code === item.priceCode,
                text: priceLabel(state.prices[code]) + (code === item.priceCode ? ' — current' : ''),
              });
            }),
          ),
        );
        fieldset.appendChild(h('div', { class: 'field' }, h('label', { for: selectId, text: 'Plan' }), select));
      }
      if (canQuantity) {
        var qtyId = panelId + '-quantity-' + i;
        quantity = h('input', {
          id: qtyId,
          name: 'quantity',
          type: 'number',
          min: '1',
          step: '1',
          inputmode: 'numeric',
          required: true,
          value: item.quantity,
        });
        fieldset.appendChild(h('div', { class: 'field' }, h('label', { for: qtyId, text: 'Quantity' }), quantity));
      }
      form.appendChild(fieldset);
      return { item: item, select: select, quantity: quantity };
    });
    // The buyer's purchase order: its invoices carry it; required when the seller says so for this customer.
    var poRequired = state.session.customer.purchaseOrderRequired;
    var poId = panelId + '-purchase-order';
    var purchaseOrder = h('input', {
      id: poId,
      name: 'purchaseOrderNumber',
      type: 'text',
      maxlength: '100',
      autocomplete: 'off',
      required: poRequired,
      value: sub.purchaseOrderNumber || '',
    });
    form.appendChild(
      h(
        'div',
        { class: 'field' },
        h('label', { for: poId, text: 'Purchase order number' + (poRequired ? '' : ' (optional)') }),
        purchaseOrder,
      ),
    );
    var previewButton = h('button', { type: 'submit', text: 'Preview change' });
    var cancel = h('button', { type: 'button', class: 'secondary', text: 'Close' });
    var preview = h('div', { class: 'change-preview', hidden: true });
    form.appendChild(h('div', { class: 'actions' }, previewButton, cancel));
    form.appendChild(preview);

    /** Empty keeps the subscription's number (null), unless one is required and it has none. */
    function wantedPurchaseOrder() {
      var value = purchaseOrder.value.trim();
      if (!value && poRequired && !sub.purchaseOrderNumber) {
        var err = new Error('Enter your purchase order number.');
        err.input = purchaseOrder;
        throw err;
      }
      return value || null;
    }

    function wanted() {
      return inputs.map(function (input) {
        var q = input.quantity ? input.quantity.value.trim() : input.item.quantity;
        if (!/^[1-9][0-9]{0,8}$/.test(q)) {
          var err = new Error('Enter a whole quantity of at least 1.');
          err.input = input.quantity;
          throw err;
        }
        return { priceCode: input.select ? input.select.value : input.item.priceCode, quantity: q };
      });
    }

    cancel.addEventListener('click', function () {
      form.hidden = true;
      clear(preview).hidden = true;
      toggle.setAttribute('aria-expanded', 'false');
      toggle.focus();
    });
    form.addEventListener('input', function () {
      // A preview answers the values it was made for: editing them takes the confirmation away.
      clear(preview).hidden = true;
    });
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var items;
      var po;
      try {
        items = wanted();
        po = wantedPurchaseOrder();
      } catch (err) {
        announce('Error: ' + err.message, true);
        if (err.input) {
          err.input.setAttribute('aria-invalid', 'true');
          err.input.focus();
        }
        return;
      }
      inputs.forEach(function (input) {
        if (input.quantity) input.quantity.removeAttribute('aria-invalid');
      });
      purchaseOrder.removeAttribute('aria-invalid');
      busy(previewButton, true);
      gql(
        'query PortalPreview($input: ChangeSubscriptionInput!) { previewSubscriptionChange(input: $input) {\n' +
          '  subtotal tax total amountDueNow lines { description amount periodStart periodEnd }\n} }',
        { input: { id: sub.id, expectedVersion: sub.version, items: items, prorationBehavior: PRORATION, purchaseOrderNumber: po } },
      )
        .then(function (data) {
          showPreview(preview, sub, items, po, data.previewSubscriptionChange);
        })
        .catch(fail)
        .then(function () {
          busy(previewButton, false);
        });
    });
    return form;
  }

  function showPreview(preview, sub, items, po, result) {
    clear(preview);
    var title = h('h4', { tabindex: '-1', text: 'Preview of your change' });
    preview.appendChild(title);
    if (result.lines.length) {
      preview.appendChild(
        h(
          'table',
          null,
          h('caption', { text: 'Prorations for the rest of this period' }),
          h(
            'thead',
            null,
            h(
              'tr',
              null,
              h('th', { scope: 'col', text: 'Line' }),
              h('th', { scope: 'col', text: 'Period' }),
              h('th', { scope: 'col', class: 'num', text: 'Amount' }),
            ),
          ),
          h.apply(
            null,
            ['tbody', null].concat(
              result.lines.map(function (line) {
                return h(
                  'tr',
                  null,
                  h('th', { scope: 'row', text: line.description }),
                  h('td', { text: period(line.periodStart, line.periodEnd) }),
                  moneyCell(line.amount, sub.currency),
                );
              }),
            ),
          ),
        ),
      );
    } else {
      preview.appendChild(h('p', { text: 'This change makes no proration for the current period.' }));
    }
    preview.appendChild(
      h(
        'p',
        { class: 'amount-due' },
        'Added to your next invoice (tax included): ',
        h('span', { class: 'preview-amount', 'data-amount': result.amountDueNow, text: money(result.amountDueNow, sub.currency) }),
      ),
    );
    var confirmButton = h('button', { type: 'button', text: 'Confirm change' });
    confirmButton.addEventListener('click', function () {
      busy(confirmButton, true);
      gql('mutation PortalChange($input: ChangeSubscriptionInput!) { changeSubscription(input: $input) { id version } }', {
        input: { id: sub.id, expectedVersion: sub.version, items: items, prorationBehavior: PRORATION, purchaseOrderNumber: po },
      })
        .then(function () {
          return loadSubscriptions().then(function () {
            announce('Your subscription was changed. The difference is on your next invoice.');
            $('subscriptions-title').setAttribute('tabindex', '-1');
            $('subscriptions-title').focus();
          });
        })
        .catch(function (err) {
          busy(confirmButton, false);
          if (err.code === 'CONFLICT') {
            announce('Error: your subscription changed meanwhile. The page was reloaded; please review and try again.', true);
            return loadSubscriptions().catch(fail);
          }
          fail(err);
        });
    });
    preview.appendChild(h('div', { class: 'actions' }, confirmButton));
    preview.hidden = false;
    title.focus();
    announce('Preview ready: ' + money(result.amountDueNow, sub.currency) + ' added to your next invoice.');
  }

  function cancelPanel(sub, id, toggle) {
    var yes = h('button', { type: 'button', class: 'danger', text: 'Confirm: cancel at period end' });
    var no = h('button', { type: 'button', class: 'secondary', text: 'Keep subscription' });
    var panel = h(
      'div',
      { class: 'panel', id: id, hidden: true, role: 'group', 'aria-label': 'Cancel subscription' },
      h('p', {
        text: 'Your subscription stays active until ' + date(sub.currentPeriodEnd) + ' and then ends. Nothing more is billed after that.',
      }),
      h('div', { class: 'actions' }, yes, no),
    );
    no.addEventListener('click', function () {
      panel.hidden = true;
      toggle.setAttribute('aria-expanded', 'false');
      toggle.focus();
    });
    yes.addEventListener('click', function () {
      busy(yes, true);
      gql('mutation PortalCancel($id: ID!) { cancelSubscription(id: $id, atPeriodEnd: true) { id cancelAtPeriodEnd } }', { id: sub.id })
        .then(function () {
          return loadSubscriptions().then(function () {
            announce('Your subscription will end on ' + date(sub.currentPeriodEnd) + '.');
          });
        })
        .catch(function (err) {
          busy(yes, false);
          fail(err);
        });
    });
    return panel;
  }

  // -- invoices

  var INVOICES =
    'query PortalInvoices($customerId: ID!, $after: String) {\n' +
    '  invoices(customerId: $customerId, first: 100, after: $after) {\n' +
    '    edges { node { id number status currency periodStart periodEnd finalizedAt createdAt dueAt total amountRemaining\n' +
    '      lines { description amount tax periodStart periodEnd } } }\n' +
    '    pageInfo { hasNextPage endCursor }\n  }\n}';

  function loadInvoices() {
    var all = [];
    function page(after, left) {
      return gql(INVOICES, { customerId: state.session.customer.id, after: after }).then(function (data) {
        data.invoices.edges.forEach(function (e) {
          all.push(e.node);
        });
        var info = data.invoices.pageInfo;
        return info.hasNextPage && left > 1 ? page(info.endCursor, left - 1) : all;
      });
    }
    return page(null, 10).then(function (invoices) {
      // Drafts are the seller's work in progress: a customer sees invoices once they are issued.
      var issued = invoices
        .filter(function (i) {
          return i.status !== 'DRAFT';
        })
        .reverse();
      var rows = clear($('invoice-rows'));
      $('invoice-table').hidden = issued.length === 0;
      $('no-invoices').hidden = issued.length > 0;
      var canDownload = may('DOWNLOAD_INVOICES');
      issued.forEach(function (invoice) {
        var download = null;
        if (canDownload) {
          download = h('button', { type: 'button', class: 'link', 'aria-label': 'Download invoice ' + invoice.number, text: 'Download' });
          download.addEventListener('click', function () {
            downloadInvoice(invoice, download);
          });
        }
        var lines = invoiceLines(invoice);
        rows.appendChild(
          h(
            'tr',
            { 'data-invoice-id': invoice.id },
            h('th', { scope: 'row', text: invoice.number }),
            h('td', { text: date(invoice.finalizedAt || invoice.createdAt) }),
            h('td', { text: period(invoice.periodStart, invoice.periodEnd) }),
            h('td', { text: date(invoice.dueAt) }),
            moneyCell(invoice.total, invoice.currency),
            h('td', { text: words(invoice.status) }),
            moneyCell(invoice.amountRemaining, invoice.currency),
            h('td', { class: 'row-actions' }, lines.toggle, download),
          ),
        );
        rows.appendChild(lines.row);
      });
    });
  }

  /**
   * An invoice's lines, behind a toggle: on a company group's consolidated invoice each member's
   * lines start with its name (and location), so the payer sees what it pays for whom.
   */
  function invoiceLines(invoice) {
    var id = 'invoice-lines-' + invoice.id;
    var toggle = h('button', {
      type: 'button',
      class: 'link',
      'aria-expanded': 'false',
      'aria-controls': id,
      'aria-label': 'Lines of invoice ' + invoice.number,
      text: 'Lines',
    });
    var table = h(
      'table',
      { class: 'invoice-lines' },
      h('caption', { text: 'Lines of invoice ' + invoice.number }),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', { scope: 'col', text: 'Description' }),
          h('th', { scope: 'col', text: 'Period' }),
          h('th', { scope: 'col', class: 'num', text: 'Amount' }),
          h('th', { scope: 'col', class: 'num', text: 'Tax' }),
        ),
      ),
      h.apply(
        null,
        ['tbody', null].concat(
          invoice.lines.map(function (line) {
            return h(
              'tr',
              null,
              // A cell, not a row header: the invoice's own row header is the one #invoice-rows lists.
              h('td', { text: line.description }),
              h('td', { text: period(line.periodStart, line.periodEnd) }),
              moneyCell(line.amount, invoice.currency),
              moneyCell(line.tax, invoice.currency),
            );
          }),
        ),
      ),
    );
    var row = h('tr', { id: id, class: 'lines-row', hidden: true }, h('td', { colspan: '8' }, table));
    toggle.addEventListener('click', function () {
      var open = row.hidden;
      row.hidden = !open;
      toggle.setAttribute('aria-expanded', String(open));
    });
    return { toggle: toggle, row: row };
  }

  // -- what a company-group member consumed on its payer's invoices (Customer.consumption)

  var CONSUMPTION =
    'query PortalConsumption($customerId: ID!, $after: String) {\n' +
    '  customer(id: $customerId) { invoiceTo consumption(first: 100, after: $after) {\n' +
    '    edges { node { id invoiceNumber issuedAt currency description amount tax periodStart periodEnd } }\n' +
    '    pageInfo { hasNextPage endCursor }\n  } }\n}';

  function loadConsumption() {
    var all = [];
    var invoiceTo = null;
    function page(after, left) {
      return gql(CONSUMPTION, { customerId: state.session.customer.id, after: after }).then(function (data) {
        invoiceTo = data.customer.invoiceTo;
        data.customer.consumption.edges.forEach(function (e) {
          all.push(e.node);
        });
        var info = data.customer.consumption.pageInfo;
        return info.hasNextPage && left > 1 ? page(info.endCursor, left - 1) : all;
      });
    }
    return page(null, 10).then(function (lines) {
      var rows = clear($('consumption-rows'));
      var shown = lines.length > 0 || invoiceTo === 'PARENT';
      $('consumption').hidden = !shown;
      $('consumption-nav').hidden = !shown;
      $('consumption-table').hidden = lines.length === 0;
      if (invoiceTo === 'PARENT') $('no-invoices').textContent = 'Your account is invoiced to your group: see "Billed to your group".';
      lines.reverse().forEach(function (line) {
        rows.appendChild(
          h(
            'tr',
            { 'data-line-id': line.id },
            h('th', { scope: 'row', text: line.invoiceNumber }),
            h('td', { text: date(line.issuedAt) }),
            h('td', { text: period(line.periodStart, line.periodEnd) }),
            h('td', { text: line.description }),
            moneyCell(line.amount, line.currency),
            moneyCell(line.tax, line.currency),
          ),
        );
      });
    });
  }

  /** The printable invoice needs the bearer key, so it is fetched here and handed to the browser as a file. */
  function downloadInvoice(invoice, button) {
    busy(button, true);
    fetch('/invoices/' + encodeURIComponent(invoice.id) + '.html?download=1', {
      headers: { authorization: 'Bearer ' + state.secret },
      cache: 'no-store',
      credentials: 'omit',
    })
      .then(function (res) {
        if (res.status === 401) throw new Expired();
        if (!res.ok) throw new Error('The invoice could not be downloaded (' + res.status + ').');
        return res.blob();
      })
      .then(function (blob) {
        var url = URL.createObjectURL(blob);
        var a = h('a', { href: url, download: invoice.number + '.html', hidden: true });
        document.body.appendChild(a);
        a.click();
        a.remove();
        window.setTimeout(function () {
          URL.revokeObjectURL(url);
        }, 60000);
        announce('Invoice ' + invoice.number + ' downloaded.');
      })
      .catch(fail)
      .then(function () {
        busy(button, false);
      });
  }

  // -- payment methods

  function loadPaymentMethods() {
    return gql('query PortalPaymentMethods($customerId: ID!) { paymentMethods(customerId: $customerId) { id provider label isDefault } }', {
      customerId: state.session.customer.id,
    }).then(function (data) {
      var methods = data.paymentMethods;
      var rows = clear($('payment-method-rows'));
      $('payment-method-table').hidden = methods.length === 0;
      $('no-payment-methods').hidden = methods.length > 0;
      methods.forEach(function (m) {
        rows.appendChild(
          h(
            'tr',
            null,
            h('th', { scope: 'row', text: m.label }),
            h('td', { text: m.provider }),
            h('td', { text: m.isDefault ? 'Yes' : 'No' }),
          ),
        );
      });
    });
  }

  function attachPaymentMethod(event) {
    event.preventDefault();
    var button = event.target.querySelector('button[type="submit"]');
    busy(button, true);
    gql('mutation PortalAttach($input: AttachPaymentMethodInput!) { attachPaymentMethod(input: $input) { id label isDefault } }', {
      input: { customerId: state.session.customer.id, provider: $('pm-provider').value, token: $('pm-token').value },
    })
      .then(function (data) {
        return loadPaymentMethods().then(function () {
          announce('Payment method saved: ' + data.attachPaymentMethod.label + '.');
        });
      })
      .catch(fail)
      .then(function () {
        busy(button, false);
      });
  }

  // -- orders (portal-orders.js, loaded before this file, draws them with these helpers)

  function loadOrders() {
    if (!window.TariffPortalOrders) return Promise.resolve();
    return window.TariffPortalOrders.load({
      h: h,
      clear: clear,
      $: $,
      gql: gql,
      may: may,
      date: date,
      money: money,
      moneyCell: moneyCell,
      words: words,
      announce: announce,
      fail: fail,
      busy: busy,
      customerId: function () {
        return state.session.customer.id;
      },
    });
  }

  // ---- start

  var START =
    'query PortalStart {\n' +
    '  portalSession { customer { id name email purchaseOrderRequired } contact { name role } allowedActions returnUrl expiresAt }\n' +
    '  sellerSettings { name allowSelfServiceCancel allowSelfServiceQuantityChange selfServicePriceCodes }\n}';

  function loadPrices(codes) {
    if (codes.length === 0) return Promise.resolve();
    var vars = {};
    var defs = [];
    var fields = codes.map(function (code, i) {
      vars['c' + i] = code;
      defs.push('$c' + i + ': String!');
      return 'p' + i + ': price(code: $c' + i + ') { code currency interval intervalCount product { name } }';
    });
    return gql('query PortalPlans(' + defs.join(', ') + ') { ' + fields.join(' ') + ' }', vars).then(function (data) {
      codes.forEach(function (code, i) {
        if (data['p' + i]) state.prices[code] = data['p' + i];
      });
    });
  }

  function start() {
    $('payment-method-form').addEventListener('submit', attachPaymentMethod);
    state.secret = takeSecret();
    if (!state.secret) return showExpired();
    gql(START)
      .then(function (data) {
        // A key that is not a portal session's (a CUSTOMER key pasted by hand) does not open the portal.
        if (!data.portalSession) throw new Expired();
        state.session = data.portalSession;
        state.settings = data.sellerSettings;
        renderHeader();
        return loadPrices(state.settings.selfServicePriceCodes.slice(0, 50));
      })
      .then(function () {
        return Promise.all([loadSubscriptions(), loadInvoices(), loadPaymentMethods(), loadConsumption(), loadOrders()]);
      })
      .then(function () {
        $('loading').hidden = true;
        $('account').hidden = false;
        $('section-nav').hidden = false;
        document.body.setAttribute('data-ready', 'true');
      })
      .catch(function (err) {
        $('loading').hidden = true;
        fail(err);
        document.body.setAttribute('data-ready', 'true');
      });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
