// Exact arithmetic on the API's Decimal strings ("1234.50", plain notation, PRICING.md): the
// bridge of a range is a sum of per-period figures and must add up to the cent, so sums are done
// on BigInt units, never on floats. Floats appear only where a chart needs a pixel.
(function (ns) {
  'use strict';

  var PLAIN = /^(-)?(\d+)(?:\.(\d+))?$/;

  function parse(text) {
    var m = PLAIN.exec(String(text));
    if (!m) throw new Error('not a decimal: ' + text);
    var fraction = m[3] || '';
    var units = BigInt(m[2] + fraction);
    return { units: m[1] ? -units : units, scale: fraction.length };
  }

  function atScale(d, scale) {
    return d.units * BigInt('1' + '0'.repeat(scale - d.scale));
  }

  function toText(units, scale) {
    var negative = units < BigInt(0);
    var digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
    var text = scale ? digits.slice(0, -scale) + '.' + digits.slice(-scale) : digits;
    return (negative ? '-' : '') + text;
  }

  /** The exact sum of Decimal strings, at the largest scale among them ("0" for none). */
  function sum(values) {
    var parsed = values.map(parse);
    var scale = parsed.reduce(function (s, d) {
      return Math.max(s, d.scale);
    }, 0);
    var total = parsed.reduce(function (t, d) {
      return t + atScale(d, scale);
    }, BigInt(0));
    return toText(total, scale);
  }

  function negate(text) {
    var d = parse(text);
    return toText(-d.units, d.scale);
  }

  function subtract(a, b) {
    return sum([a, negate(b)]);
  }

  /** -1, 0 or 1 as a is below, equal to or above b. */
  function compare(a, b) {
    var d = parse(subtract(a, b)).units;
    return d < BigInt(0) ? -1 : d > BigInt(0) ? 1 : 0;
  }

  function isZero(text) {
    return parse(text).units === BigInt(0);
  }

  ns.decimal = { sum: sum, negate: negate, subtract: subtract, compare: compare, isZero: isZero };
})((window.TariffDashboard = window.TariffDashboard || {}));
