// A link to an event on a day or month of several pages (/day/D/#id) lands on the first page; when
// the event is on a later page, go there: pages.json maps each source key (in the event id) to the
// pages that hold its events.
(function () {
  var id = decodeURIComponent(location.hash.slice(1));
  var nav = document.querySelector('[data-page-map]');
  if (!id || !nav || document.getElementById(id)) return;
  var key = id.split('-')[1];
  var current = Number(nav.getAttribute('data-page-current'));
  var first = nav.getAttribute('data-page-first');
  fetch(nav.getAttribute('data-page-map'))
    .then(function (r) { return r.json(); })
    .then(function (map) {
      var pages = map[key] || [];
      for (var i = 0; i < pages.length; i++) {
        if (pages[i] > current) {
          location.replace(first + (pages[i] > 1 ? pages[i] + '/' : '') + location.hash);
          return;
        }
      }
    })
    .catch(function () {});
})();
