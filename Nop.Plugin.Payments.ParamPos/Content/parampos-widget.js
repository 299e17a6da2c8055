/*
 * ParamPOS installment table on the product page: when nopCommerce changes the price for the chosen attributes (its
 * "product_attributes_changed" event, a jQuery event), the table is asked for again with the product form, so it
 * follows the price. The server computes it from the cached rates; nothing here talks to Param.
 */
(function () {
  'use strict';

  function refresh(widget) {
    var form = document.getElementById('product-details-form');
    var id = (widget.getAttribute('data-request') | 0) + 1;
    widget.setAttribute('data-request', id);
    fetch(widget.getAttribute('data-refresh-url'), {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'X-Requested-With': 'XMLHttpRequest' },
      body: form ? new FormData(form) : new FormData()
    }).then(function (response) {
      if (!response.ok) { throw new Error(response.status); }
      return response.text();
    }).then(function (html) {
      if (+widget.getAttribute('data-request') !== id) { return; }
      var body = widget.querySelector('[data-parampos-widget-body]');
      body.innerHTML = html;
      widget.hidden = !html.trim();
    }).catch(function () { /* the table keeps the last amounts it had */ });
  }

  function refreshAll() {
    Array.prototype.forEach.call(document.querySelectorAll('[data-parampos-widget][data-refresh-url]'), refresh);
  }

  // nopCommerce loads jQuery in the head; a theme that loads it later is waited for.
  function listen() {
    if (!window.jQuery) { return false; }
    window.jQuery(document).off('product_attributes_changed.parampos').on('product_attributes_changed.parampos', refreshAll);
    return true;
  }

  if (!listen()) {
    document.addEventListener('DOMContentLoaded', listen);
    window.addEventListener('load', listen);
  }
})();
