/*
 * 政府信息公开申请表: keeps the "通过电子邮件发送" link's mailto: address in step with the
 * fields, so that the visitor's own mail program opens with the application written out.
 * Nothing is sent by this page: there is no form and no request; without JavaScript the link
 * stays hidden and the blank form prints as it is.
 */
(function () {
  "use strict";

  function text(node) {
    return (node.textContent || "").replace(/\s+/g, " ").trim();
  }

  /* The application as lines of "label：value", in the order of the form. */
  function compose(root) {
    var lines = [];
    var groups = root.querySelectorAll("fieldset.gk-apply__group");
    for (var g = 0; g < groups.length; g++) {
      lines.push("【" + text(groups[g].querySelector("legend")) + "】");
      var parts = groups[g].querySelectorAll(".gk-apply__field, .gk-apply__choice");
      for (var p = 0; p < parts.length; p++) {
        var part = parts[p];
        if (part.classList.contains("gk-apply__choice")) {
          var chosen = [];
          var boxes = part.querySelectorAll("input:checked");
          for (var b = 0; b < boxes.length; b++) chosen.push(boxes[b].value);
          lines.push(text(part.querySelector("legend")) + "：" + (chosen.length ? chosen.join("、") : "（未选）"));
        } else {
          var field = part.querySelector("input, textarea");
          var label = part.querySelector("label");
          if (field && label) lines.push(text(label) + "：" + (field.value.trim() || "（未填）"));
        }
      }
      lines.push("");
    }
    return lines.join("\r\n");
  }

  function start() {
    var root = document.getElementById("gk-apply");
    var link = document.getElementById("gk-apply-mail");
    if (!root || !link) return;
    var email = root.getAttribute("data-email");
    if (!email) return;
    var subject = root.getAttribute("data-subject") || "政府信息公开申请";
    function update() {
      link.href = "mailto:" + email + "?subject=" + encodeURIComponent(subject) + "&body=" + encodeURIComponent(compose(root));
    }
    root.addEventListener("input", update);
    root.addEventListener("change", update);
    update();
    link.hidden = false;
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
