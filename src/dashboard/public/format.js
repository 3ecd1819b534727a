// How figures read on the page. Intl formats a Decimal string exactly (no float on the way), and
// every period is a UTC instant, so dates are shown in UTC: the bucket a figure belongs to never
// shifts with the reader's time zone.
(function (ns) {
  'use strict';

  var moneyFormats = {};
  var percentFormat = new Intl.NumberFormat(undefined, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  var countFormat = new Intl.NumberFormat(undefined);
  var monthFormat = new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  var dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
  var shortDayFormat = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });

  function moneyFormat(currency, compact) {
    var key = currency + (compact ? ':compact' : '');
    if (!moneyFormats[key]) {
      moneyFormats[key] = new Intl.NumberFormat(
        undefined,
        compact
          ? { style: 'currency', currency: currency, notation: 'compact', maximumSignificantDigits: 3 }
          : { style: 'currency', currency: currency },
      );
    }
    return moneyFormats[key];
  }

  function money(amount, currency) {
    try {
      return moneyFormat(currency, false).format(amount);
    } catch (e) {
      return amount + ' ' + currency;
    }
  }

  /** For chart axes only: a float is fine where a pixel is the precision. */
  function moneyCompact(value, currency) {
    try {
      return moneyFormat(currency, true).format(value);
    } catch (e) {
      return String(value);
    }
  }

  /** A signed amount, as a bridge reads: "+€120.00", "−€40.00"; zero carries no sign. */
  function signedMoney(amount, currency) {
    if (/^-?0*(\.0*)?$/.test(String(amount))) return money(String(amount).replace(/^-/, ''), currency);
    var negative = String(amount).charAt(0) === '-';
    var magnitude = negative ? String(amount).slice(1) : String(amount);
    return (negative ? '\u2212' : '+') + money(magnitude, currency);
  }

  /** Rates are fractions (0.0250 = 2.5 %); null when there is no base. */
  function percent(rate) {
    return rate == null ? '\u2014' : percentFormat.format(rate);
  }

  function count(n) {
    return countFormat.format(n);
  }

  function day(iso) {
    return dayFormat.format(new Date(iso));
  }

  function month(iso) {
    return monthFormat.format(new Date(iso));
  }

  /** The label of a period: its month for monthly figures, its first day otherwise. */
  function periodLabel(period, interval) {
    if (interval === 'MONTH') return month(period.periodStart);
    if (interval === 'WEEK') return 'Week of ' + day(period.periodStart);
    return day(period.periodStart);
  }

  /** The same inside a sentence: "at the end of Nov 2026", "at the end of the week of Nov 24, 2026". */
  function periodPhrase(period, interval) {
    return interval === 'WEEK' ? 'the week of ' + day(period.periodStart) : periodLabel(period, interval);
  }

  /** Short enough for a chart's axis: "Nov 2026", "Nov 24". */
  function axisLabel(period, interval) {
    return interval === 'MONTH' ? month(period.periodStart) : shortDayFormat.format(new Date(period.periodStart));
  }

  function words(enumValue) {
    var s = String(enumValue).toLowerCase().replace(/_/g, ' ');
    return s.charAt(0).toUpperCase() + s.slice(1);
  }

  /** A ledger cause as words: "subscription.canceled:dunning" reads "Subscription canceled (dunning)". */
  function cause(text) {
    var parts = String(text).split(':');
    var main = words(parts[0].replace(/\./g, ' '));
    return parts.length > 1 ? main + ' (' + parts.slice(1).join(', ').replace(/_/g, ' ') + ')' : main;
  }

  ns.format = {
    cause: cause,
    money: money,
    moneyCompact: moneyCompact,
    signedMoney: signedMoney,
    percent: percent,
    count: count,
    day: day,
    month: month,
    periodLabel: periodLabel,
    periodPhrase: periodPhrase,
    axisLabel: axisLabel,
    words: words,
  };
})((window.TariffDashboard = window.TariffDashboard || {}));
