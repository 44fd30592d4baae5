/** The report's inline CSS (no fonts or images fetched). */
export const REPORT_STYLE = `
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d2a24; margin: 0; background: #f6faf8; }
main { max-width: 1100px; margin: 0 auto; padding: 24px; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 16px; margin: 28px 0 8px; }
h2 small, .note { font-weight: normal; color: #5d6f66; }
.summary { color: #5d6f66; margin: 0 0 16px; }
table { border-collapse: collapse; width: 100%; background: #fff; }
th, td { border: 1px solid #d5e3dc; padding: 6px 8px; text-align: left; vertical-align: top; }
th { background: #e8f3ee; } td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.best { font-weight: bold; background: #dff3e8; }
.ci, .mark { display: block; font-weight: normal; font-size: 12px; color: #5d6f66; }
code, pre { font-family: ui-monospace, "SFMono-Regular", Menlo, monospace; font-size: 13px; }
pre { margin: 0; white-space: pre-wrap; word-break: break-word; }
svg.chart { background: #fff; border: 1px solid #d5e3dc; }
svg .bar { fill: #7fbfa0; } svg .bar.best { fill: #2e8b57; }
svg text { font-size: 12px; fill: #1d2a24; } svg .axis { stroke: #9fb5aa; stroke-width: 1; }
ul.problems li { margin: 2px 0; } .met, .better, .improved { color: #2e7d32; }
.not-met, .worse, .regressed, .exceeded { color: #c62828; font-weight: bold; } .inconclusive, .unchanged { color: #5d6f66; }
table.records td { max-width: 320px; } table.records td.failed { background: #fdecea; }
.error { color: #c62828; } ul.scores { list-style: none; margin: 4px 0 0; padding: 0; font-size: 12px; color: #5d6f66; }
details summary { cursor: pointer; }
`;
