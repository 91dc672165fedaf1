// What the portal scripts share: waiting for a page's action to finish, recording that its
// pending state showed, and a tally that ends with the `test result:` line xtask counts.
export function tally() {
  const results = [];
  return {
    check(name, ok, detail = "") {
      results.push(!!ok);
      console.log(`${ok ? "ok" : "FAIL"} ${name}${detail ? `: ${detail}` : ""}`);
      return ok;
    },
    finish() {
      const passed = results.filter(Boolean).length;
      console.log(`test result: ${passed === results.length ? "ok" : "FAILED"}. ${passed} passed; ${results.length - passed} failed`);
      return passed === results.length && results.length > 0;
    },
  };
}

/** Waits until the page is idle (no action held, status not busy); returns the status line. */
export async function settled(page, timeout = 30000) {
  await page.waitForFunction(() => {
    const s = document.querySelector("#status");
    return s && s.textContent !== "" && s.className !== "busy" && document.querySelector("main").getAttribute("aria-busy") !== "true";
  }, null, { timeout });
  return page.evaluate(() => {
    const s = document.querySelector("#status");
    return { text: s.textContent, error: s.className === "error", code: s.dataset.code, hint: document.querySelector("#status-hint")?.textContent ?? "" };
  });
}

/** Starts recording whether `#button` got disabled and the status showed busy. */
export async function watchPending(page, button) {
  await page.evaluate((id) => {
    const b = document.getElementById(id);
    const s = document.querySelector("#status");
    window.pending = { disabled: false, busy: false, texts: [] };
    new MutationObserver(() => { window.pending.disabled ||= b.disabled; }).observe(b, { attributes: true });
    new MutationObserver(() => {
      if (s.className === "busy") { window.pending.busy = true; window.pending.texts.push(s.textContent); }
    }).observe(s, { attributes: true, childList: true, characterData: true, subtree: true });
  }, button);
}

export const pending = (page) => page.evaluate(() => window.pending);

export async function staffKey(page) {
  await page.click("#staff-devnet");
  await page.waitForSelector("#staff[data-ready=true]", { timeout: 15000 });
  return settled(page);
}

export const rows = (page, table) => page.$$eval(`#${table} tbody tr`, (trs) => trs.map((tr) => [...tr.cells].map((td) => td.textContent)));
