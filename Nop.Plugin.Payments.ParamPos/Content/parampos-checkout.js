/*
 * ParamPOS card form: groups the card number as typed, checks it with Luhn, asks the store for the installment table
 * as soon as the BIN is known and prints it. Every amount and rate comes from the server; the browser only posts the
 * chosen installment count with the form. The card number is never sent to the quote endpoint, only its first 6 digits.
 * Written into the page inline and safe to run more than once: the one-page checkout injects the payment info step by
 * AJAX, again after every validation error.
 */
(function () {
  'use strict';

  function digitsOf(value) { return (value || '').replace(/\D/g, ''); }

  function luhn(digits) {
    var sum = 0;
    for (var i = 0; i < digits.length; i++) {
      var digit = +digits.charAt(digits.length - 1 - i);
      if (i % 2 === 1) { digit *= 2; if (digit > 9) { digit -= 9; } }
      sum += digit;
    }
    return digits.length >= 15 && digits.length <= 19 && sum % 10 === 0;
  }

  function group(digits) {
    if (/^3[47]/.test(digits)) {
      return [digits.slice(0, 4), digits.slice(4, 10), digits.slice(10, 15)].filter(Boolean).join(' ');
    }
    return digits.replace(/(\d{4})(?=\d)/g, '$1 ');
  }

  function init(form) {
    if (form.getAttribute('data-parampos-ready')) { return; }
    form.setAttribute('data-parampos-ready', 'true');

    var texts = {};
    var textsElement = form.querySelector('[data-parampos-texts]');
    if (textsElement) { try { texts = JSON.parse(textsElement.textContent); } catch (e) { texts = {}; } }
    var number = form.querySelector('[data-parampos-number]');
    var cvc = form.querySelector('[data-parampos-cvc]');
    var status = document.getElementById(number.getAttribute('aria-describedby'));
    var note = form.querySelector('[data-parampos-note]');
    var table = form.querySelector('[data-parampos-table]');
    var rows = form.querySelector('[data-parampos-rows]');
    var family = form.querySelector('[data-parampos-family]');
    var fee = form.querySelector('[data-parampos-fee]');
    var quoteUrl = form.getAttribute('data-quote-url');
    // A foreign-currency payment has no installment table: a single payment, said in the form.
    var quotes = !!(quoteUrl && table);
    var orderGuid = form.getAttribute('data-order-guid') || null;
    var preferred = +form.getAttribute('data-selected-installments') || 1;
    var lastBin = null;
    // Saved cards (registered customers): choosing one hides the new-card fields and asks for its CVC only; its table
    // is quoted by the card's id, whose BIN the server knows.
    var savedChoices = form.querySelectorAll('[data-parampos-saved-card]');
    var newCard = form.querySelector('[data-parampos-new-card]');
    var savedCvcRow = form.querySelector('[data-parampos-saved-cvc-row]');
    var savedCvc = form.querySelector('[data-parampos-saved-cvc]');
    var selected = preferred;
    var options = [];
    var request = 0;

    function showNote(text, isError) {
      note.textContent = text || '';
      note.hidden = !text;
      note.classList.toggle('parampos-error', !!isError);
    }

    function cell(row, text, className) {
      var td = document.createElement('td');
      td.textContent = text;
      if (className) { td.className = className; }
      row.appendChild(td);
      return td;
    }

    function clear() {
      rows.textContent = '';
      options = [];
      table.hidden = true;
      fee.hidden = true;
    }

    function render(quote) {
      clear();
      if (quote.error) { showNote(quote.error, true); return; }
      family.textContent = [quote.cardFamily, quote.bankName].filter(Boolean).join(' · ');
      options = quote.options || [];
      var offered = function (count) { return options.some(function (o) { return o.installments === count; }); };
      if (!offered(selected)) { selected = offered(preferred) ? preferred : (options.length ? options[0].installments : 1); }
      options.forEach(function (option) {
        var row = document.createElement('tr');
        row.setAttribute('data-installments', option.installments);
        var first = document.createElement('td');
        var id = 'parampos-installment-' + option.installments;
        var radio = document.createElement('input');
        radio.type = 'radio';
        radio.name = 'Installments';
        radio.value = option.installments;
        radio.id = id;
        radio.checked = option.installments === selected;
        radio.addEventListener('change', function () { selected = option.installments; mark(); });
        var label = document.createElement('label');
        label.htmlFor = id;
        label.textContent = ' ' + option.label;
        first.appendChild(radio);
        first.appendChild(label);
        row.appendChild(first);
        cell(row, option.rate, 'parampos-amount');
        cell(row, option.monthly, 'parampos-amount');
        cell(row, option.total, 'parampos-amount');
        rows.appendChild(row);
      });
      table.hidden = rows.children.length === 0;
      showNote(quote.note, false);
      mark();
    }

    // The selected row is highlighted and its commission said in words next to the table: the confirm step shows it
    // only as nopCommerce's "payment method additional fee".
    function mark() {
      Array.prototype.forEach.call(rows.children, function (row) {
        row.classList.toggle('parampos-selected', +row.getAttribute('data-installments') === selected);
      });
      var chosen = options.filter(function (o) { return o.installments === selected; })[0];
      fee.textContent = chosen && chosen.feeNote ? chosen.feeNote : '';
      fee.hidden = !fee.textContent;
    }

    function quote(bin, savedCardId) {
      var id = ++request;
      showNote(texts['Checkout.Loading'], false);
      fetch(quoteUrl, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'XMLHttpRequest' },
        body: JSON.stringify(savedCardId ? { savedCardId: savedCardId } : { bin: bin, orderGuid: orderGuid })
      }).then(function (response) {
        if (!response.ok) { throw new Error(response.status); }
        return response.json();
      }).then(function (result) {
        if (id === request) { render(result); }
      }).catch(function () {
        if (id === request) { clear(); showNote(texts['Checkout.QuoteUnavailable'], true); }
      });
    }

    number.addEventListener('input', function () {
      var digits = digitsOf(number.value).slice(0, 19);
      var grouped = group(digits);
      if (number.value !== grouped) { number.value = grouped; }
      cvc.maxLength = /^3[47]/.test(digits) ? 4 : 3;
      status.textContent = digits.length >= 15 && !luhn(digits) ? texts['Validation.CardNumberInvalid'] : '';
      var bin = digits.length >= 6 ? digits.slice(0, 6) : null;
      if (quotes && bin !== lastBin) {
        lastBin = bin;
        if (bin) { quote(bin); } else { request++; clear(); showNote(texts['Checkout.EnterCardForInstallments'], false); }
      }
    });

    cvc.addEventListener('input', function () { cvc.value = digitsOf(cvc.value).slice(0, cvc.maxLength); });

    function chosenSavedCard() {
      var chosen = Array.prototype.filter.call(savedChoices, function (choice) { return choice.checked; })[0];
      return chosen && chosen.value !== 'new' ? chosen.value : null;
    }

    function showChoice() {
      var saved = chosenSavedCard();
      newCard.hidden = !!saved;
      Array.prototype.forEach.call(newCard.querySelectorAll('input, select'), function (field) {
        if (field.type === 'checkbox') { return; }
        if (saved) { field.removeAttribute('required'); } else { field.setAttribute('required', ''); }
      });
      if (savedCvcRow) { savedCvcRow.hidden = !saved; }
      if (savedCvc) { if (saved) { savedCvc.setAttribute('required', ''); } else { savedCvc.removeAttribute('required'); } }
      lastBin = null;
      if (!quotes) { return; }
      if (saved) { quote(null, +saved); return; }
      var digits = digitsOf(number.value);
      if (digits.length >= 6) { lastBin = digits.slice(0, 6); quote(lastBin); }
      else { request++; clear(); showNote(texts['Checkout.EnterCardForInstallments'], false); }
    }

    if (savedChoices.length) {
      Array.prototype.forEach.call(savedChoices, function (choice) { choice.addEventListener('change', showChoice); });
      savedCvc.addEventListener('input', function () { savedCvc.value = digitsOf(savedCvc.value).slice(0, 4); });
      showChoice();
    }
  }

  function initAll() {
    Array.prototype.forEach.call(document.querySelectorAll('[data-parampos-form]'), init);
  }

  initAll();
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', initAll); }
})();
