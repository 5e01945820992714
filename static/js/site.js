/* Phone widths: the category menu folds behind a "Chuyên mục" button. Without JavaScript
   the menu stays a plain list of links. */
(function () {
  "use strict";
  var button = document.querySelector("[data-menu-button]");
  var nav = document.getElementById("site-nav");
  if (!button || !nav) return;
  button.hidden = false;
  nav.classList.add("site-nav--folding");
  button.addEventListener("click", function () {
    var open = button.getAttribute("aria-expanded") !== "true";
    button.setAttribute("aria-expanded", open ? "true" : "false");
    nav.classList.toggle("site-nav--open", open);
  });
})();
