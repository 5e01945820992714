/* Comment form: fetch the captcha and CSRF token when the reader starts writing, and
   refresh the captcha without reloading. Without JavaScript the "Viết bình luận" link leads
   to the comment page, which has all of it already. */
(function () {
  "use strict";
  var form = document.querySelector(".comment-form__form");
  if (!form || !window.fetch) return;

  var captchaBox = form.querySelector("[data-captcha]");
  var image = form.querySelector("[data-captcha-image]");
  var keyInput = form.querySelector("[data-captcha-key]");
  var answer = form.querySelector("#id_captcha_1");
  var status = form.querySelector("[data-captcha-status]");
  var refresh = form.querySelector("[data-captcha-refresh]");
  var startLink = document.querySelector("[data-comment-start]");
  var listenLink = form.querySelector("[data-captcha-audio]");
  var listenButton = form.querySelector("[data-captcha-play]");
  var player = form.querySelector("[data-captcha-player]");
  var loading = null;

  // The spoken code (where the server can speak it): without JavaScript a link opening the
  // recording; here a button playing it in place, so focus stays by the answer box.
  var canListen = !!(listenLink && listenButton && player && player.canPlayType &&
    player.canPlayType("audio/wav"));
  if (listenLink && canListen) {
    listenLink.hidden = true;
    listenButton.hidden = !listenLink.getAttribute("href");
    listenButton.addEventListener("click", function () {
      var url = listenLink.href;
      if (player.getAttribute("src") !== listenLink.getAttribute("href")) player.src = url;
      player.currentTime = 0;
      var playing = player.play();
      if (playing && playing.catch) {
        playing.catch(function (error) {
          if (error && error.name === "AbortError") return;  // replaced by a new code
          status.textContent = form.dataset.msgAudioFailed;
        });
      }
    });
  }

  function setAudio(url) {
    if (!listenLink) return;
    if (canListen) {
      player.pause();
      player.removeAttribute("src");
      player.load();
      listenButton.hidden = !url;
    } else {
      listenLink.hidden = !url;
    }
    if (url) {
      listenLink.setAttribute("href", url);
      listenLink.target = "_blank";
      listenLink.rel = "noopener";
    } else {
      listenLink.removeAttribute("href");
    }
  }

  // A new code makes the error about the previous one stale.
  function clearCaptchaError() {
    var error = captchaBox.querySelector(".field__error");
    if (error) error.parentNode.removeChild(error);
    captchaBox.classList.remove("field--error");
    answer.removeAttribute("aria-invalid");
    answer.removeAttribute("aria-describedby");
  }

  function load() {
    if (loading) return loading;
    status.textContent = form.dataset.msgLoading;
    loading = fetch(form.dataset.sessionUrl, {
      credentials: "same-origin",
      headers: { "X-Requested-With": "XMLHttpRequest", Accept: "application/json" },
      cache: "no-store"
    })
      .then(function (response) {
        return response.json().then(function (data) {
          if (!response.ok) throw new Error(data.error || form.dataset.msgFailed);
          return data;
        });
      })
      .then(function (data) {
        form.querySelector("input[name=csrfmiddlewaretoken]").value = data.csrf_token;
        var shown = form.querySelector("input[name=shown]");
        if (!shown.value) shown.value = data.shown;
        keyInput.value = data.captcha.key;
        image.src = data.captcha.image_url;
        image.srcset = data.captcha.image_2x_url + " 2x";
        image.hidden = false;
        setAudio(data.captcha.audio_url);
        answer.value = "";
        clearCaptchaError();
        captchaBox.removeAttribute("data-empty");
        status.textContent = "";
      })
      .catch(function (error) {
        status.textContent = error.message || form.dataset.msgFailed;
      })
      .then(function () { loading = null; });
    return loading;
  }

  if (form.hasAttribute("data-deferred")) {
    // The page was served without captcha or token: show the form, load them on demand.
    form.hidden = false;
    if (startLink) startLink.parentNode.hidden = true;
    form.addEventListener("focusin", function () {
      if (!keyInput.value) load();
    });
  }

  refresh.addEventListener("click", function (event) {
    event.preventDefault();
    load().then(function () { answer.focus(); });
  });

  var summary = form.querySelector("[data-error-summary]");
  if (summary) summary.focus();
})();
