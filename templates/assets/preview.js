// Hover previews for mentions in an article: on hover or focus of a.mention, shows the
// entity's name, description and a link, from the hidden #entity-previews block the build
// writes into the page (so it works from file:// too). Without JavaScript the links keep
// their title tooltips and lead to the entity's page.
(function () {
  "use strict";
  var store = document.getElementById("entity-previews");
  if (!store) return;
  var cards = {};
  Array.prototype.forEach.call(store.querySelectorAll("[data-entity]"), function (card) {
    cards[card.getAttribute("data-entity")] = card;
  });
  var popup = document.createElement("div");
  popup.className = "preview";
  popup.id = "entity-preview";
  popup.setAttribute("role", "tooltip");
  popup.hidden = true;
  document.body.appendChild(popup);
  var current = null;
  var timer = 0;

  function mentionOf(node) {
    return node && node.closest ? node.closest("a.mention") : null;
  }

  function restore() {
    if (!current) return;
    if (current.hasAttribute("data-title")) {
      current.setAttribute("title", current.getAttribute("data-title"));
      current.removeAttribute("data-title");
    }
    current.removeAttribute("aria-describedby");
    current = null;
  }

  function hide() {
    clearTimeout(timer);
    popup.hidden = true;
    restore();
  }

  function hideSoon() {
    clearTimeout(timer);
    timer = setTimeout(hide, 300);
  }

  function place(link) {
    var rect = link.getBoundingClientRect();
    var width = popup.offsetWidth;
    var height = popup.offsetHeight;
    var left = Math.min(Math.max(8, rect.left), document.documentElement.clientWidth - width - 8);
    var top = rect.bottom + 6;
    if (top + height > window.innerHeight - 8 && rect.top - height - 6 > 8) top = rect.top - height - 6;
    popup.style.left = Math.max(8, left + window.scrollX) + "px";
    popup.style.top = (top + window.scrollY) + "px";
  }

  function show(link) {
    var card = cards[link.getAttribute("data-entity")];
    if (!card) return;
    clearTimeout(timer);
    if (current === link && !popup.hidden) return;
    restore();
    current = link;
    // The browser's own tooltip would cover the preview.
    if (link.hasAttribute("title")) {
      link.setAttribute("data-title", link.getAttribute("title"));
      link.removeAttribute("title");
    }
    var copy = card.cloneNode(true);
    copy.removeAttribute("data-entity");
    popup.textContent = "";
    popup.appendChild(copy);
    popup.hidden = false;
    link.setAttribute("aria-describedby", popup.id);
    place(link);
  }

  document.addEventListener("mouseover", function (event) {
    var link = mentionOf(event.target);
    if (link) show(link);
    else if (popup.contains(event.target)) clearTimeout(timer);
  });
  document.addEventListener("mouseout", function (event) {
    if (mentionOf(event.target) || popup.contains(event.target)) hideSoon();
  });
  document.addEventListener("focusin", function (event) {
    var link = mentionOf(event.target);
    if (link) show(link);
    else if (!popup.contains(event.target)) hide();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && !popup.hidden) hide();
  });
})();
