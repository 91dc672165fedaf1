// The journey script's clock. The script is cut into consecutive segments, each of one kind:
// `setup` (preconditions: devnet, browser and wallet, the organisations' setup, seeding),
// `journey` (Alice's and Bob's steps, with the agents' and staff's work they wait on),
// `negative` (the refusals a customer may meet), `gate` (the venue, beyond the issue's journey)
// and `record` (screenshots and test-only reads). `cargo xtask bench journey` reads the
// `timing:` line `summary()` prints: the journey's machine time is the sum of its `journey`
// segments, steps in order.
export function timeline() {
  const started = performance.now();
  const segments = [];
  let open = null;
  const close = () => {
    const now = performance.now();
    if (open) segments.push({ ...open, ms: now - started - open.at });
    open = null;
  };
  return {
    /** Ends the open segment and opens one of `kind` named `name`. */
    mark(kind, name) {
      if (process.env.LOYAL_JOURNEY_TRACE) console.error(`${((performance.now() - started) / 1000).toFixed(2)} ${kind} ${name}`);
      close();
      open = { kind, name, at: performance.now() - started };
    },
    /** Ends the open segment, prints each kind's total and the journey's steps, and the
     *  `timing:` JSON line; returns that object. */
    summary() {
      close();
      const total = (kind) => segments.filter((s) => s.kind === kind).reduce((a, s) => a + s.ms, 0);
      const steps = [];
      for (const s of segments.filter((s) => s.kind === "journey")) {
        const step = steps.find((x) => x.name === s.name) ?? steps[steps.push({ name: s.name, ms: 0 }) - 1];
        step.ms += s.ms;
      }
      const journey = segments.filter((s) => s.kind === "journey");
      const timing = {
        journey_ms: total("journey"),
        journey_span_ms: journey.length ? journey.at(-1).at + journey.at(-1).ms - journey[0].at : 0,
        steps,
        kinds: Object.fromEntries(["setup", "journey", "negative", "gate", "record"].map((k) => [k, total(k)])),
        script_ms: performance.now() - started,
        segments,
      };
      for (const s of steps) console.log(`time: journey ${s.name.padEnd(10)} ${s.ms.toFixed(0).padStart(6)} ms`);
      console.log(`time: journey (sum of steps) ${timing.journey_ms.toFixed(0)} ms; ${Object.entries(timing.kinds).map(([k, v]) => `${k} ${v.toFixed(0)} ms`).join(", ")}`);
      console.log(`timing: ${JSON.stringify(timing)}`);
      return timing;
    },
  };
}
