/**
 * Renders the committed files of public/ (favicon set, Open Graph image) with headless Chromium, from the same
 * mark as the site header. Run by hand after changing the design: `node scripts/make-public-assets.mjs`.
 * Not a build step: the outputs are committed.
 */
import { chromium } from '@playwright/test';
import { existsSync, writeFileSync } from 'node:fs';

const MARK = (size) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32" width="${size}" height="${size}"><rect width="32" height="32" rx="7" fill="#1d4ed8"/><path d="M7 22 L13 14 L18 18 L25 9" stroke="#fff" stroke-width="3" fill="none" stroke-linecap="round" stroke-linejoin="round"/></svg>`;

/** Full-bleed square (no rounded corners, the platform masks it) for the apple-touch and manifest icons. */
const SQUARE_MARK = (size) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32" width="${size}" height="${size}"><rect width="32" height="32" fill="#1d4ed8"/><path d="M8 21.5 L13.2 14.6 L17.8 18.1 L24 10" stroke="#fff" stroke-width="2.6" fill="none" stroke-linecap="round" stroke-linejoin="round"/></svg>`;

const FONT = `ui-sans-serif, system-ui, "DejaVu Sans", Arial, sans-serif`;

/** Six months of a stacked cost chart (tokens, engineering, downtime), like the simulator's monthly TCO chart. */
const BARS = [
  [150, 60, 24],
  [170, 40, 30],
  [196, 40, 18],
  [224, 40, 26],
  [254, 40, 20],
  [286, 40, 28],
]
  .map(
    ([tokens, engineering, downtime]) =>
      `<div class="bar"><i style="height:${downtime}px;background:#f59e0b"></i><i style="height:${engineering}px;background:#8b5cf6"></i><i style="height:${tokens}px;background:#3b82f6"></i></div>`,
  )
  .join('');

const OG_HTML = `<!doctype html><html><head><style>
  * { box-sizing: border-box; margin: 0; }
  body { width: 1200px; height: 630px; font-family: ${FONT}; background: #0b0f17; color: #f1f5f9; overflow: hidden; }
  .frame { position: absolute; inset: 0; padding: 60px 64px; display: flex; gap: 48px;
           background: radial-gradient(900px 520px at 100% 0%, rgba(29,78,216,.32), transparent 62%); }
  .text { flex: 1; display: flex; flex-direction: column; }
  .brand { display: flex; align-items: center; gap: 16px; font-size: 32px; font-weight: 700; letter-spacing: -0.5px; }
  h1 { margin-top: 44px; font-size: 46px; line-height: 1.12; font-weight: 700; letter-spacing: -1.2px; }
  p { margin-top: 22px; font-size: 23px; line-height: 1.45; color: #94a3b8; }
  .chips { margin-top: auto; display: flex; gap: 10px; }
  .chip { border: 1px solid #1e293b; background: rgba(15,23,42,.9); border-radius: 999px; padding: 8px 15px; font-size: 18px; white-space: nowrap; color: #cbd5e1; }
  .card { width: 390px; align-self: center; border: 1px solid #1e293b; background: rgba(15,23,42,.92); border-radius: 20px; padding: 26px 28px 22px; }
  .card-title { font-size: 20px; color: #94a3b8; }
  .chart { margin-top: 18px; height: 372px; display: flex; align-items: flex-end; gap: 16px; border-bottom: 2px solid #334155; }
  .bar { flex: 1; display: flex; flex-direction: column; }
  .bar i { display: block; width: 100%; }
  .bar i:first-child { border-radius: 6px 6px 0 0; }
  .months { display: flex; gap: 16px; margin-top: 10px; font-size: 17px; color: #64748b; }
  .months span { flex: 1; text-align: center; }
  .legend span { display: flex; align-items: center; white-space: nowrap; }
  .legend { display: flex; gap: 18px; margin-top: 16px; font-size: 17px; color: #94a3b8; }
  .legend b { display: inline-block; width: 12px; height: 12px; border-radius: 3px; margin-right: 7px; }
</style></head><body><div class="frame">
  <div class="text">
    <div class="brand">${MARK(52)}RouteCost</div>
    <h1>What your LLM product will really cost, and how reliable and fast it will be</h1>
    <p>Simulate your traffic on your providers and fallback chain. Everything runs in your browser.</p>
    <div class="chips"><span class="chip">6-month TCO</span><span class="chip">Availability</span><span class="chip">Rate limits</span><span class="chip">p95 latency</span></div>
  </div>
  <div class="card">
    <div class="card-title">Monthly total cost of ownership</div>
    <div class="chart">${BARS}</div>
    <div class="months"><span>M1</span><span>M2</span><span>M3</span><span>M4</span><span>M5</span><span>M6</span></div>
    <div class="legend"><span><b style="background:#3b82f6"></b>Tokens</span><span><b style="background:#8b5cf6"></b>Engineering</span><span><b style="background:#f59e0b"></b>Downtime</span></div>
  </div>
</div></body></html>`;

/** An .ico file holding PNG images (Vista+ format): 6-byte header, 16-byte entries, then the PNG data. */
function icoOf(pngs) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(pngs.length, 4);
  let offset = 6 + 16 * pngs.length;
  const entries = pngs.map(({ size, data }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0);
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(data.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += data.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...pngs.map((p) => p.data)]);
}

const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  const render = async (html, width, height, omitBackground = false) => {
    await page.setViewportSize({ width, height });
    await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${html}</body></html>`);
    return page.screenshot({ type: 'png', omitBackground, clip: { x: 0, y: 0, width, height } });
  };
  const favicons = [];
  for (const size of [16, 32, 48]) favicons.push({ size, data: await render(MARK(size), size, size, true) });
  writeFileSync('public/favicon.ico', icoOf(favicons));
  writeFileSync('public/icon.svg', `${MARK(32).replace(' width="32" height="32"', '')}\n`);
  writeFileSync('public/icon-192.png', await render(SQUARE_MARK(192), 192, 192));
  writeFileSync('public/icon-512.png', await render(SQUARE_MARK(512), 512, 512));
  writeFileSync('public/apple-touch-icon.png', await render(SQUARE_MARK(180), 180, 180));
  await page.setViewportSize({ width: 1200, height: 630 });
  await page.setContent(OG_HTML);
  writeFileSync('public/og-image.png', await page.screenshot({ type: 'png' }));
} finally {
  await browser.close();
}
