// What the hosted pages (portal, dashboard) share: building elements from data (everything the
// server sends is inserted as text, never as markup), the status toast, and the API call.
(function (page) {
  'use strict';

  /** An element with attributes and children (strings become text nodes). */
  function h(tag, attrs) {
    var node = document.createElement(tag);
    var key;
    for (key in attrs || {}) {
      if (!Object.prototype.hasOwnProperty.call(attrs, key) || attrs[key] == null || attrs[key] === false) continue;
      if (key === 'text') node.textContent = attrs[key];
      else if (key.slice(0, 2) === 'on') node.addEventListener(key.slice(2), attrs[key]);
      else node.setAttribute(key, attrs[key] === true ? '' : attrs[key]);
    }
    for (var i = 2; i < arguments.length; i++) {
      var child = arguments[i];
      if (child == null || child === false) continue;
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    }
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
    return node;
  }

  function $(id) {
    return document.getElementById(id);
  }

  /**
   * Says a message in the page's #status live region. It is read out at once; a message goes after
   * `visibleMs` so the toast covers nothing, an error stays until the next message.
   */
  function announcer(visibleMs) {
    var announceTimer = null;
    return function announce(message, isError) {
      var status = $('status');
      status.classList.toggle('error', !!isError);
      // Cleared first so that the same message twice is announced twice.
      status.textContent = '';
      window.clearTimeout(announceTimer);
      window.setTimeout(function () {
        status.textContent = message;
        if (!isError)
          announceTimer = window.setTimeout(function () {
            status.textContent = '';
          }, visibleMs);
      }, 30);
    };
  }

  /**
   * One request to the API with the page's key; resolves with its data. A refused key rejects with
   * `status` 401, a GraphQL error with its message and `code`, anything else with words for a person.
   */
  function graphql(key, query, variables) {
    return fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer ' + key },
      body: JSON.stringify({ query: query, variables: variables || {} }),
      cache: 'no-store',
      credentials: 'omit',
    }).then(
      function (res) {
        if (res.status === 401) {
          var refused = new Error('The key was refused.');
          refused.status = 401;
          throw refused;
        }
        return res.json().then(
          function (body) {
            var first = body.errors && body.errors[0];
            if (first) {
              var err = new Error(first.message);
              err.code = first.extensions && first.extensions.code;
              throw err;
            }
            return body.data;
          },
          function () {
            throw new Error('The server answered with an error (' + res.status + '). Try again later.');
          },
        );
      },
      function () {
        throw new Error('The server cannot be reached. Check your connection and try again.');
      },
    );
  }

  page.h = h;
  page.clear = clear;
  page.$ = $;
  page.announcer = announcer;
  page.graphql = graphql;
})((window.TariffPage = window.TariffPage || {}));
