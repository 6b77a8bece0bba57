// The profile form: show the "loads" box only for loading kit that is ticked (or already
// holds loads, so nothing typed is ever hidden). Without JavaScript every box is shown.
(function () {
  "use strict";
  const form = document.querySelector(".profile-form");
  if (!form) return;
  function refresh() {
    const ticked = new Set(
      Array.from(form.querySelectorAll('input[name="equipment"]:checked'), (box) => box.value)
    );
    let shown = 0;
    form.querySelectorAll(".loads[data-kit]").forEach((row) => {
      const input = row.querySelector("input");
      const visible = ticked.has(row.dataset.kit) || (input && input.value.trim() !== "");
      row.hidden = !visible;
      if (visible) shown += 1;
    });
    const group = document.getElementById("weights");
    if (group) group.hidden = shown === 0;
  }
  form.addEventListener("change", (event) => {
    if (event.target instanceof HTMLInputElement && event.target.name === "equipment") refresh();
  });
  refresh();
})();
