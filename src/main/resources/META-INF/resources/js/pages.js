// Small progressive enhancements for the server-rendered pages; every page works without them.
(() => {
  // Times: show them in the reader's own time zone.
  for (const el of document.querySelectorAll("time[data-local]")) {
    const at = new Date(el.getAttribute("datetime"));
    if (!Number.isNaN(at.getTime())) {
      el.textContent = at.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
    }
  }
  // Forms with a local date-time send the browser's offset, so the server stores the right instant.
  for (const input of document.querySelectorAll("input[data-tz-offset]")) {
    input.value = String(new Date().getTimezoneOffset());
  }
  // Copy buttons copy the text of the element they name and say so.
  for (const button of document.querySelectorAll("button[data-copy]")) {
    button.addEventListener("click", async () => {
      const source = document.querySelector(button.getAttribute("data-copy"));
      const text = source.value ?? source.textContent;
      try {
        await navigator.clipboard.writeText(text);
      } catch {
        source.select?.();
        document.execCommand("copy");
      }
      const label = button.textContent;
      button.textContent = "Copied";
      setTimeout(() => (button.textContent = label), 1500);
    });
  }
  // Panels that follow live state (who is on the board) re-read themselves from the page every few seconds.
  for (const panel of document.querySelectorAll("[data-refresh][id]")) {
    const every = Number(panel.getAttribute("data-refresh"));
    const refresh = async () => {
      try {
        const response = await fetch(window.location.href, { headers: { Accept: "text/html" } });
        if (!response.ok) return;
        const fresh = new DOMParser().parseFromString(await response.text(), "text/html").getElementById(panel.id);
        if (fresh && fresh.innerHTML !== panel.innerHTML) panel.innerHTML = fresh.innerHTML;
      } catch {
        /* offline for a moment: try again on the next tick */
      }
    };
    setInterval(() => {
      if (!document.hidden) void refresh();
    }, every);
  }
  // Filter selects apply at once.
  for (const select of document.querySelectorAll("select[data-autosubmit]")) {
    select.addEventListener("change", () => select.form.submit());
  }
  for (const button of document.querySelectorAll("button[data-print]")) {
    button.addEventListener("click", () => window.print());
  }
  // The rubric editor adds criteria from its template, numbered after the last one.
  for (const button of document.querySelectorAll("button[data-add-criterion]")) {
    button.addEventListener("click", () => {
      const list = document.getElementById("criteria");
      const index = list.querySelectorAll("fieldset").length;
      const fresh = document.getElementById("new-criterion").content.cloneNode(true);
      for (const field of fresh.querySelectorAll("[name]")) field.name = field.name.replace("c.N.", `c.${index}.`);
      list.appendChild(fresh);
      list.lastElementChild.querySelector("input").focus();
    });
  }
  // Destructive forms ask first, also those in a panel that re-read itself since the page loaded.
  document.addEventListener("submit", (event) => {
    const form = event.target;
    if (form instanceof HTMLFormElement && form.hasAttribute("data-confirm") && !window.confirm(form.getAttribute("data-confirm"))) {
      event.preventDefault();
    }
  });
})();
