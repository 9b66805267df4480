// Generating the 月报 of one bench town through the route, each format three times (median), while
// someone else keeps asking for a cheap page: how long do they wait?
export async function measureExports(base: string, cookie: string, planPath: string) {
  const out: { format: string; medianMs: number; kb: number; otherRequestWorstMs: number }[] = [];
  for (const format of ["xlsx", "csv", "pdf", "docx"]) {
    const times: number[] = [];
    let size = 0;
    let worstOther = 0;
    for (let i = 0; i < 3; i++) {
      let exporting = true;
      const others = (async () => {
        let worst = 0;
        while (exporting) {
          const s0 = performance.now();
          await fetch(`${base}/api/health`);
          worst = Math.max(worst, performance.now() - s0);
          await new Promise((r) => setTimeout(r, 20));
        }
        return worst;
      })();
      const t0 = performance.now();
      const res = await fetch(`${base}/api${planPath}/summaries`, {
        method: "POST",
        headers: { cookie, "content-type": "application/json", accept: "application/json", origin: base },
        body: JSON.stringify({ month: 11, format }),
      });
      if (res.status !== 201) throw new Error(`export ${format}: ${res.status} ${await res.text()}`);
      const { url } = (await res.json()) as { url: string };
      size = (await (await fetch(`${base}${url}`, { headers: { cookie } })).arrayBuffer()).byteLength;
      times.push(performance.now() - t0);
      exporting = false;
      worstOther = Math.max(worstOther, await others);
    }
    times.sort((a, b) => a - b);
    out.push({ format, medianMs: Math.round(times[1] ?? 0), kb: Math.round(size / 1024), otherRequestWorstMs: Math.round(worstOther) });
  }
  return out;
}
