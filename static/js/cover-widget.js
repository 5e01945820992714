// The cover field: the name and a preview of the picture just chosen, before it is sent.
"use strict";
document.addEventListener("change", (event) => {
  const input = event.target;
  if (!input.matches || !input.matches(".cover-widget__input")) {
    return;
  }
  const widget = input.closest(".cover-widget");
  const file = input.files && input.files[0];
  widget.querySelector(".cover-widget__chosen").textContent = file ? file.name : "";
  let preview = widget.querySelector(".cover-widget__preview");
  if (file && file.type.startsWith("image/")) {
    if (!preview) {
      preview = document.createElement("img");
      preview.className = "cover-widget__thumbnail cover-widget__preview";
      preview.alt = "";
      preview.width = 240;
      widget.prepend(preview);
    }
    if (preview.src) {
      URL.revokeObjectURL(preview.src);
    }
    preview.src = URL.createObjectURL(file);
  } else if (preview) {
    preview.remove();
  }
});
