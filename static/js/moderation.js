/* Keyboard moderation, as in WordPress's comment screen.

   In the queue: j/k move to the next/previous comment (its row is highlighted and its title
   focused), a approves it, s marks it as spam, r opens its page at the reason for a
   rejection. On a comment's page: a, s, and r (to the reason). The keys do nothing while
   typing in a field or with Ctrl, Alt or Meta held, and the help line turns them off for
   good (WCAG 2.1.4); the decision itself is always the page's own button or link, so
   everything also works without the keyboard or without this file. */
(function () {
  "use strict";
  var help = document.querySelector("[data-shortcuts]");
  if (!help) return;
  var OFF_KEY = "hnp.moderation.shortcuts-off";
  var ROW_KEY = "hnp.moderation.row";
  var toggle = help.querySelector("[data-shortcuts-toggle]");

  function stored(storage, key) {
    try {
      return window[storage].getItem(key);
    } catch (error) {
      return null; // storage refused (private mode, policy): shortcuts stay on
    }
  }

  function store(storage, key, value) {
    try {
      if (value === null) window[storage].removeItem(key);
      else window[storage].setItem(key, value);
    } catch (error) {
      /* nothing to remember then */
    }
  }

  function enabled() {
    return stored("localStorage", OFF_KEY) !== "1";
  }

  function showState() {
    var on = enabled();
    help.classList.toggle("keyboard-help--off", !on);
    toggle.textContent = on ? toggle.dataset.labelOff : toggle.dataset.labelOn;
  }

  toggle.addEventListener("click", function () {
    store("localStorage", OFF_KEY, enabled() ? "1" : null);
    showState();
  });
  help.hidden = false;
  showState();

  var rows = Array.prototype.slice.call(document.querySelectorAll("#result_list tbody tr"));
  var current = -1;

  function select(index) {
    if (!rows.length) return;
    index = Math.max(0, Math.min(rows.length - 1, index));
    if (current >= 0 && rows[current]) rows[current].classList.remove("queue-row--current");
    current = index;
    var row = rows[current];
    row.classList.add("queue-row--current");
    var link = row.querySelector(".queue-title");
    if (link && document.activeElement !== link) link.focus();
    row.scrollIntoView({ block: "nearest" });
  }

  rows.forEach(function (row, index) {
    row.addEventListener("focusin", function () {
      if (current !== index) select(index);
    });
  });

  // Back from a decision taken with a key: the same place in the list, now the next comment.
  var remembered = stored("sessionStorage", ROW_KEY);
  if (remembered !== null && rows.length) {
    store("sessionStorage", ROW_KEY, null);
    select(parseInt(remembered, 10) || 0);
  }

  var panel = document.getElementById("moderation");
  var reason = panel && panel.querySelector("select[name=reason]");

  function askReason() {
    if (!reason) return;
    reason.scrollIntoView({ block: "center" });
    reason.focus();
  }

  if (reason && (window.location.hash === "#reject" || panel.querySelector(".errorlist"))) {
    // After the browser has gone to the #reject fragment, which would take the focus back.
    window.addEventListener("load", function () {
      window.setTimeout(askReason, 0);
    });
  }

  function press(control) {
    if (!control) return false;
    control.click();
    return true;
  }

  function typing(target) {
    if (target.isContentEditable || /^(TEXTAREA|SELECT)$/.test(target.tagName)) return true;
    return target.tagName === "INPUT" && !/^(checkbox|radio|button|submit)$/.test(target.type);
  }

  document.addEventListener("keydown", function (event) {
    if (!enabled() || event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey) {
      return;
    }
    if (typing(event.target)) return;
    var key = event.key;
    var done = false;
    if (rows.length) {
      if (key === "j") {
        select(current + 1);
        done = true;
      } else if (key === "k") {
        select(current < 0 ? 0 : current - 1);
        done = true;
      } else if ((key === "a" || key === "s" || key === "r") && current >= 0) {
        var control = rows[current].querySelector("[data-key=" + key + "]");
        if (control && key !== "r") store("sessionStorage", ROW_KEY, String(current));
        done = press(control);
      }
    } else if (panel) {
      if (key === "a") done = press(panel.querySelector("button[value=approve]"));
      else if (key === "s") done = press(panel.querySelector("button[value=spam]"));
      else if (key === "r" && reason) {
        askReason();
        done = true;
      }
    }
    if (done) event.preventDefault();
  });
})();
