/**
 * The playground page: sheet tabs and a grid of computed values with a formula bar and range
 * selection, the dashboards' charts (chart.js, from the specs the add-on recorded) and
 * sparklines, the clock and refresh controls, files, language. Talks to playground.ts's /api.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Title,
  Tooltip,
} from 'chart.js';
import type { CellOut, ChartOut, PlaygroundState, SheetView, SparklineOut } from './types';

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Title,
  Tooltip,
);

type Lang = 'fr' | 'en';
const STRINGS = {
  sandbox: { fr: 'bac à sable', en: 'playground' },
  clock: { fr: 'Horloge', en: 'Clock' },
  plusDay: { fr: '+1 jour', en: '+1 day' },
  plusWeek: { fr: '+1 semaine', en: '+1 week' },
  plusMonth: { fr: '+1 mois', en: '+1 month' },
  refresh: { fr: "Lancer l'actualisation planifiée", en: 'Run the scheduled refresh now' },
  generate: { fr: 'Générer les tableaux de bord', en: 'Generate the dashboards' },
  open: { fr: 'Ouvrir .xlsx / .csv', en: 'Open .xlsx / .csv' },
  export: { fr: 'Enregistrer en .xlsx', en: 'Save as .xlsx' },
  reset: { fr: 'Réinitialiser la démo', en: 'Reset the demo' },
  sample: { fr: 'exemple', en: 'sample' },
  history: { fr: "Lignes d'historique", en: 'History rows' },
  lastRun: { fr: 'Dernière actualisation', en: 'Last refresh' },
  never: { fr: 'jamais', en: 'never' },
  schedule: { fr: 'Planification', en: 'Schedule' },
  selection: { fr: 'Sélection', en: 'Selection' },
  rowsWritten: { fr: 'ligne(s) ajoutée(s)', en: 'row(s) added' },
  confirmReset: {
    fr: "Revenir au classeur d'exemple ? Les changements faits ici seront perdus.",
    en: 'Go back to the sample workbook? Changes made here will be lost.',
  },
  resetTitle: { fr: 'Réinitialiser la démo ?', en: 'Reset the demo?' },
  resetGo: { fr: 'Réinitialiser', en: 'Reset' },
  cancel: { fr: 'Annuler', en: 'Cancel' },
  openTitle: { fr: 'Remplacer le classeur ouvert ?', en: 'Replace the open workbook?' },
  openGo: { fr: 'Remplacer sans enregistrer', en: 'Replace without saving' },
  openSaveFirst: { fr: "Enregistrer d'abord en .xlsx, puis ouvrir", en: 'Save as .xlsx first, then open' },
  ran: { fr: 'Actualisation faite', en: 'Refresh done' },
  generated: { fr: 'Tableaux de bord générés', en: 'Dashboards generated' },
  moved: { fr: 'Horloge avancée au', en: 'Clock moved to' },
  failed: { fr: 'Échec', en: 'Failed' },
  close: { fr: 'Fermer', en: 'Dismiss' },
  scheduleOff: { fr: 'désactivée (réglable dans le panneau)', en: 'off (set it in the panel)' },
  errors: { fr: 'erreur(s)', en: 'error(s)' },
} as const;

let lang: Lang = 'fr';
const t = (k: keyof typeof STRINGS) => STRINGS[k][lang];
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

let state: PlaygroundState | null = null;
let view: SheetView | null = null;
let active = '';
let charts: Chart[] = [];
/** Selection in 1-based sheet coordinates. */
let sel: { r1: number; c1: number; r2: number; c2: number; ar: number; ac: number } | null = null;
let dragging = false;

async function api<T = { ok: boolean; error?: { message: string } }>(path: string, body?: unknown): Promise<T> {
  const res = await fetch(
    path,
    body === undefined
      ? {}
      : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
  );
  return (await res.json()) as T;
}

function esc(s: string): string {
  return s.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

function letters(c: number): string {
  let s = '';
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const quoteSheet = (name: string) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`);

/** Counts the notices shown (data-seq): a test waits for a new one, not for a text an earlier one left. */
let noticeSeq = 0;
function notice(level: 'info' | 'warning' | 'error', text: string): void {
  const n = $('notice');
  n.dataset.seq = String(++noticeSeq);
  n.className = level;
  n.textContent = text;
  const b = document.createElement('button');
  b.textContent = t('close');
  b.onclick = () => (n.className = '');
  n.appendChild(b);
}

/** An in-page question (a native confirm() would not show in screenshots): the id of the button chosen, or 'cancel'. */
function ask(
  title: string,
  text: string,
  buttons: { id: string; label: string; primary?: boolean }[],
): Promise<string> {
  const box = $('dialog');
  $('dialog-title').textContent = title;
  $('dialog-text').textContent = text;
  const actions = $('dialog-actions');
  actions.replaceChildren();
  return new Promise((done) => {
    const close = (id: string) => {
      box.hidden = true;
      document.removeEventListener('keydown', onKey);
      done(id);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') close('cancel');
    };
    for (const b of [...buttons, { id: 'cancel', label: t('cancel') }]) {
      const el = document.createElement('button');
      el.className = `btn${'primary' in b && b.primary ? ' primary' : ''}`;
      el.textContent = b.label;
      el.dataset.answer = b.id;
      el.onclick = () => close(b.id);
      actions.appendChild(el);
    }
    document.addEventListener('keydown', onKey);
    box.hidden = false;
    actions.querySelector<HTMLButtonElement>('button')?.focus();
  });
}

function applyStrings(): void {
  document.documentElement.lang = lang;
  document.querySelectorAll<HTMLElement>('[data-t]').forEach((el) => {
    el.textContent = t(el.dataset.t as keyof typeof STRINGS);
  });
  document.querySelectorAll<HTMLButtonElement>('[data-lang]').forEach((b) => {
    b.setAttribute('aria-pressed', String(b.dataset.lang === lang));
  });
}

// --- state, tabs, status --------------------------------------------------------------------

/** The newest selection the server confirmed to this page (see syncServer). */
let confirmed: { selectionVersion: number; active: string; selection: string | null } | null = null;
/** The server's last notice shown here. */
let serverNoticeShown = -1;

async function loadState(): Promise<PlaygroundState> {
  const s = await api<PlaygroundState>('/api/state');
  // A slow answer from before a change must not undo it (the poll runs alongside the actions).
  if (state && s.version < state.version) return state;
  // Nor may one computed before the server had this page's latest selection bring an older one back.
  if (confirmed && s.selectionVersion < confirmed.selectionVersion) {
    s.active = confirmed.active;
    s.selection = confirmed.selection;
    s.selectionVersion = confirmed.selectionVersion;
  }
  const langChanged = s.lang !== lang;
  lang = s.lang;
  if (langChanged || !state) applyStrings();
  if (s.notice && s.noticeId !== serverNoticeShown) notice(s.notice.level, s.notice.text);
  serverNoticeShown = s.noticeId;
  state = s;
  $('doc').innerHTML =
    `${esc(s.spreadsheetName)} <small>· ${esc(s.source.kind === 'sample' ? t('sample') : s.source.name)}</small>`;
  $('now').textContent = s.nowText;
  if (!s.sheets.some((x) => x.name === active)) active = s.active;
  renderTabs();
  renderStatus();
  return s;
}

function renderTabs(): void {
  const tabs = $('tabs');
  tabs.textContent = '';
  for (const s of state!.sheets) {
    const b = document.createElement('button');
    b.setAttribute('role', 'tab');
    b.setAttribute('aria-selected', String(s.name === active));
    b.dataset.sheet = s.name;
    b.dataset.kind = s.kind;
    if (s.kind !== 'data') {
      const dot = document.createElement('span');
      dot.className = `dot ${s.kind}`;
      b.appendChild(dot);
    }
    b.appendChild(document.createTextNode(s.name));
    b.onclick = () => {
      active = s.name;
      void openSheet(s.name);
    };
    tabs.appendChild(b);
  }
}

function renderStatus(): void {
  const s = state!;
  const sched = JSON.parse(s.schedule) as { kind: string; hour?: number; day?: string };
  const schedText =
    sched.kind === 'off'
      ? t('scheduleOff')
      : `${sched.kind}${sched.day ? ` ${sched.day.toLowerCase()}` : ''}${sched.hour !== undefined ? ` ${sched.hour} h` : ''}`;
  const last = s.lastRun
    ? `${new Date(s.lastRun.start).toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' })} · ${s.lastRun.rowsWritten} ${t('rowsWritten')}${s.lastRun.errors.length ? ` · ${s.lastRun.errors.length} ${t('errors')}` : ''}`
    : t('never');
  $('status').innerHTML =
    `<span>${t('history')} : <b data-testid="history-rows">${s.historyRows}</b></span>` +
    `<span>${t('lastRun')} : <b data-testid="last-run">${esc(last)}</b></span>` +
    `<span>${t('schedule')} : <b>${esc(schedText)}</b></span>` +
    `<span>${t('selection')} : <b data-testid="selection">${esc(s.selection ?? '—')}</b></span>`;
}

// --- the grid ---------------------------------------------------------------------------------

function cellStyle(c: CellOut | null, height: number): string {
  const s = c?.s;
  let css = `height:${height}px;`;
  if (!s) return css;
  if (s.background) css += `background-color:${s.background};`;
  if (s.color) css += `color:${s.color};`;
  if (s.bold) css += 'font-weight:bold;';
  if (s.italic) css += 'font-style:italic;';
  if (s.size) css += `font-size:${Math.round(s.size * 1.33)}px;`;
  if (s.align) css += `text-align:${s.align === 'center' ? 'center' : s.align === 'right' ? 'right' : 'left'};`;
  return css;
}

function visibleCols(v: SheetView): number[] {
  const hidden = new Set(v.hiddenColumns);
  return Array.from({ length: v.cols }, (_, i) => i + 1).filter((c) => !hidden.has(c));
}

function renderGrid(v: SheetView): void {
  charts.forEach((c) => {
    c.destroy();
  });
  charts = [];
  const layer = $('layer');
  const cols = visibleCols(v);
  const hiddenRows = new Set(v.hiddenRows);
  const totalRows = v.rows + v.padRows + (v.kind === 'data' ? 20 : 2);
  const extraCols = v.kind === 'data' ? 3 : 0;
  const allCols = [...cols, ...Array.from({ length: extraCols }, (_, i) => v.cols + 1 + i)];
  const tableWidth = 46 + allCols.reduce((a, c) => a + (v.widths[c - 1] ?? 100), 0);
  const html: string[] = [
    `<table class="grid" id="grid" data-testid="grid" style="width:${tableWidth}px"><colgroup><col style="width:46px">`,
  ];
  for (const c of allCols) html.push(`<col style="width:${v.widths[c - 1] ?? 100}px">`);
  html.push('</colgroup><thead><tr><th class="rh"></th>');
  for (const c of allCols) html.push(`<th data-h="${c}">${letters(c)}</th>`);
  html.push('</tr></thead><tbody>');
  const frozenTop: number[] = [];
  let top = 22;
  for (let r = 1; r <= totalRows; r++) {
    if (hiddenRows.has(r)) continue;
    const h = v.heights[r - 1] ?? 21;
    const frozen = r <= v.frozenRows;
    if (frozen) frozenTop.push(top);
    html.push(
      `<tr${frozen ? ' class="frozen"' : ''} data-r="${r}"><th class="rh" data-rh="${r}"${frozen ? ` style="top:${top}px"` : ''}>${r}</th>`,
    );
    for (const c of allCols) {
      const cell = v.cells[r - 1]?.[c - 1] ?? null;
      // Text spills into empty cells on its right, as in Sheets.
      const spills = cell && !cell.n && !cell.s?.wrap && cell.v !== '' && !v.cells[r - 1]?.[c]?.v;
      const cls = [cell?.n ? 'num' : '', cell?.e ? 'err' : '', cell?.s?.wrap ? 'wrap' : '', spills ? 'ovf' : '']
        .filter(Boolean)
        .join(' ');
      const style = cellStyle(cell, h - 1) + (frozen ? `top:${top}px;` : '');
      const title = cell?.e ? ` title="${esc(cell.e)}"` : '';
      html.push(
        `<td data-c="${c}"${cls ? ` class="${cls}"` : ''} style="${style}"${title}>${cell ? esc(cell.v) : ''}</td>`,
      );
    }
    html.push('</tr>');
    top += h;
  }
  html.push('</tbody></table>');
  layer.innerHTML = html.join('');
  for (const sp of v.sparklines) drawSparkline(v, sp);
  drawCharts(v, cols);
  paintSelection();
}

function cellTd(r: number, c: number): HTMLTableCellElement | null {
  return document.querySelector(`#grid tr[data-r="${r}"] td[data-c="${c}"]`);
}

function drawSparkline(v: SheetView, sp: SparklineOut): void {
  const td = cellTd(sp.row, sp.column);
  if (!td) return;
  const w = (v.widths[sp.column - 1] ?? 100) - 10;
  const h = (v.heights[sp.row - 1] ?? 21) - 5;
  const nums = sp.values.filter((x): x is number => x !== null);
  td.textContent = '';
  td.dataset.sparkline = String(nums.length);
  if (nums.length < 1) return;
  const min = Math.min(...nums);
  const max = Math.max(...nums);
  const span = max - min || 1;
  const color = sp.color ?? '#1a73e8';
  let inner = '';
  if (sp.type === 'line') {
    const pts = nums
      .map(
        (y, i) =>
          `${nums.length === 1 ? w / 2 : (i / (nums.length - 1)) * (w - 2) + 1},${h - 1 - ((y - min) / span) * (h - 2)}`,
      )
      .join(' ');
    inner = `<polyline fill="none" stroke="${color}" stroke-width="1.5" points="${pts}"/>`;
    const last = pts.split(' ').pop()!.split(',');
    inner += `<circle cx="${last[0]}" cy="${last[1]}" r="2" fill="${color}"/>`;
  } else {
    const bw = w / nums.length;
    inner = nums
      .map(
        (y, i) =>
          `<rect x="${i * bw + 1}" y="${h - Math.max(1, ((y - Math.min(0, min)) / (max - Math.min(0, min) || 1)) * h)}" width="${Math.max(1, bw - 2)}" height="${Math.max(1, ((y - Math.min(0, min)) / (max - Math.min(0, min) || 1)) * h)}" fill="${color}"/>`,
      )
      .join('');
  }
  td.innerHTML = `<svg width="${w}" height="${h}" role="img" aria-label="sparkline">${inner}</svg>`;
}

function tickFormat(format: unknown): ((v: number | string) => string) | undefined {
  if (typeof format !== 'string') return undefined;
  const nf = (o: Intl.NumberFormatOptions) => new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-US', o);
  if (format.includes('%')) {
    const f = nf({ style: 'percent', maximumFractionDigits: 1 });
    return (v) => f.format(Number(v));
  }
  if (format.includes('€')) {
    const f = nf({ style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
    return (v) => f.format(Number(v));
  }
  const f = nf({ maximumFractionDigits: 2 });
  return (v) => f.format(Number(v));
}

function drawCharts(v: SheetView, cols: number[]): void {
  const layer = $('layer');
  void v;
  // Positions from the drawn grid (wrapped headers make rows taller than their nominal height).
  const origin = layer.getBoundingClientRect();
  const colLeft = (c: number) => {
    const visible = cols.filter((k) => k >= c)[0];
    const th = document.querySelector(`#grid th[data-h="${visible ?? cols[cols.length - 1]}"]`);
    return th ? th.getBoundingClientRect().left - origin.left : 46;
  };
  const rowTop = (r: number) => {
    const tr = document.querySelector(`#grid tr[data-r="${r}"]`) ?? document.querySelector('#grid tbody tr:last-child');
    return tr ? tr.getBoundingClientRect().top - origin.top : 22;
  };
  v.charts.forEach((spec: ChartOut, i) => {
    const box = document.createElement('div');
    box.className = 'chart';
    box.dataset.testid = 'chart';
    box.dataset.type = spec.type;
    box.dataset.title = spec.title;
    box.dataset.points = String(spec.series.reduce((a, s) => a + s.data.filter((d) => d !== null).length, 0));
    const lastIndex = spec.labels.reduce((at, _, k) => (spec.series.some((x) => x.data[k] !== null) ? k : at), -1);
    box.dataset.last = lastIndex >= 0 ? spec.labels[lastIndex] : '';
    box.style.left = `${colLeft(spec.anchorColumn) + spec.offsetX}px`;
    box.style.top = `${rowTop(spec.anchorRow) + spec.offsetY}px`;
    box.style.width = `${spec.width}px`;
    box.style.height = `${spec.height}px`;
    if (spec.scorecard) {
      // As Sheets draws a scorecard: the title, the big key value, the change in its colour.
      box.classList.add('scorecard');
      const title = document.createElement('div');
      title.className = 'sc-title';
      title.textContent = spec.title;
      const value = document.createElement('div');
      value.className = 'sc-value';
      value.dataset.testid = 'scorecard-value';
      value.textContent = spec.scorecard.value;
      const change = document.createElement('div');
      change.className = 'sc-change';
      change.dataset.testid = 'scorecard-change';
      change.textContent = spec.scorecard.change;
      change.style.color = spec.scorecard.color;
      box.append(title, value, change);
      layer.appendChild(box);
      return;
    }
    const canvas = document.createElement('canvas');
    box.appendChild(canvas);
    layer.appendChild(box);
    const o = spec.options as {
      colors?: string[];
      series?: Record<string, { lineWidth?: number; pointSize?: number }>;
      legend?: { position?: string };
      vAxis?: { format?: string; viewWindow?: { min?: number } };
      hAxis?: { format?: string };
    };
    const horizontal = spec.type === 'BAR';
    const kind = spec.type === 'LINE' || spec.type === 'AREA' ? 'line' : 'bar';
    const fmt = tickFormat(o.vAxis?.format ?? o.hAxis?.format);
    const legend = o.legend?.position;
    const chart = new Chart(canvas, {
      type: kind,
      data: {
        labels: spec.labels,
        datasets: spec.series.map((s, k) => {
          const color = o.colors?.[k] ?? ['#1a73e8', '#9aa0a6', '#34a853', '#fbbc04'][k % 4];
          return {
            label: s.name,
            data: s.data,
            borderColor: color,
            backgroundColor: color,
            borderWidth: kind === 'line' ? (o.series?.[String(k)]?.lineWidth ?? 2) : 0,
            pointRadius: kind === 'line' ? (o.series?.[String(k)]?.pointSize ?? 5) / 2 : 0,
            spanGaps: true,
            fill: spec.type === 'AREA',
          };
        }),
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        indexAxis: horizontal ? 'y' : 'x',
        plugins: {
          title: {
            display: Boolean(spec.title),
            text: spec.title,
            align: 'start',
            font: { size: 14, weight: 'normal' },
            color: '#202124',
          },
          legend: {
            display: legend !== 'none' && spec.series.length > 0,
            position: legend === 'right' || legend === 'top' || legend === 'left' ? legend : 'bottom',
            labels: { boxWidth: 12 },
          },
          tooltip: {
            callbacks: fmt
              ? { label: (ctx) => `${ctx.dataset.label}: ${fmt(ctx.parsed[horizontal ? 'x' : 'y'] as number)}` }
              : {},
          },
        },
        scales: {
          [horizontal ? 'x' : 'y']: {
            min: o.vAxis?.viewWindow?.min,
            ticks: fmt ? { callback: (val: number | string) => fmt(val) } : {},
            grid: { color: '#eee' },
          },
          [horizontal ? 'y' : 'x']: { grid: { display: false }, ticks: { autoSkip: true, maxRotation: 0 } },
        },
      },
    });
    charts.push(chart);
    void i;
  });
}

// --- selection and formula bar ------------------------------------------------------------------

/** What the formula bar showed for the selected cell: Enter on a spilled cell's unchanged formula does nothing. */
let shownInBar = '';

function paintSelection(): void {
  document.querySelectorAll('#grid td.sel, #grid td.anchor').forEach((td) => {
    td.classList.remove('sel', 'anchor');
  });
  document.querySelectorAll('#grid th.selh').forEach((th) => {
    th.classList.remove('selh');
  });
  if (!sel || !view) {
    $('cellname').textContent = '';
    const input = $<HTMLInputElement>('formula');
    if (document.activeElement !== input) input.value = '';
    input.title = '';
    return;
  }
  for (let r = sel.r1; r <= sel.r2; r++) {
    for (let c = sel.c1; c <= sel.c2; c++) cellTd(r, c)?.classList.add('sel');
    document.querySelector(`#grid th[data-rh="${r}"]`)?.classList.add('selh');
  }
  for (let c = sel.c1; c <= sel.c2; c++) document.querySelector(`#grid th[data-h="${c}"]`)?.classList.add('selh');
  cellTd(sel.ar, sel.ac)?.classList.add('anchor');
  const a1 = `${letters(sel.ac)}${sel.ar}`;
  const range = sel.r1 === sel.r2 && sel.c1 === sel.c2 ? a1 : `${letters(sel.c1)}${sel.r1}:${letters(sel.c2)}${sel.r2}`;
  $('cellname').textContent = range;
  const cell = view.cells[sel.ar - 1]?.[sel.ac - 1];
  const input = $<HTMLInputElement>('formula');
  if (document.activeElement !== input) {
    input.value = cell?.f ?? cell?.of ?? cell?.i ?? cell?.v ?? '';
    shownInBar = input.value;
    input.classList.toggle('spilled', Boolean(cell?.of));
  }
  input.title = cell?.e ?? '';
}

function rangeText(): string | null {
  if (!sel || !view) return null;
  const a = `${letters(sel.c1)}${sel.r1}`;
  const b = `${letters(sel.c2)}${sel.r2}`;
  return `${quoteSheet(view.name)}!${a === b ? a : `${a}:${b}`}`;
}

/**
 * The page is where the user selects: the server's selection (what the sidebar's "use the
 * selection" reads) follows it. Requests go one after the other, and each sends what the page
 * shows when it leaves, not when it was asked for: two requests in flight at once could otherwise
 * be handled in one order and answered in the other, and a request queued before a newer selection
 * (a sheet activation that a background reload asked for, say) would undo it.
 */
let serverOrder: Promise<unknown> = Promise.resolve();
let syncAsked = 0;
function syncServer(): Promise<void> {
  const ask = ++syncAsked;
  const next = serverOrder
    .then(async () => {
      if (ask !== syncAsked || !view) return; // a later request, queued behind this one, sends the newer view
      const a1 = rangeText();
      const out = await api<{ ok: boolean; sheet: string; a1: string | null; selectionVersion: number }>(
        a1 ? '/api/select' : '/api/activate',
        a1 ? { a1 } : { sheet: view.name },
      );
      if (!out.ok) return;
      if (!confirmed || out.selectionVersion >= confirmed.selectionVersion)
        confirmed = { selectionVersion: out.selectionVersion, active: out.sheet, selection: out.a1 };
      if (state && state.selectionVersion <= out.selectionVersion) {
        Object.assign(state, confirmed);
        renderStatus();
      }
    })
    .catch(() => undefined);
  serverOrder = next;
  return next;
}

function commitSelection(): Promise<void> {
  return rangeText() ? syncServer() : Promise.resolve();
}

function cellAt(target: EventTarget | null): { r: number; c: number } | null {
  const td = (target as HTMLElement | null)?.closest?.('td[data-c]') as HTMLElement | null;
  if (!td) return null;
  const tr = td.parentElement as HTMLElement;
  return { r: Number(tr.dataset.r), c: Number(td.dataset.c) };
}

function installGridEvents(): void {
  const wrap = $('gridwrap');
  wrap.addEventListener('mousedown', (e) => {
    const at = cellAt(e.target);
    if (!at) return;
    e.preventDefault();
    if (e.shiftKey && sel)
      sel = {
        ...sel,
        r1: Math.min(sel.ar, at.r),
        r2: Math.max(sel.ar, at.r),
        c1: Math.min(sel.ac, at.c),
        c2: Math.max(sel.ac, at.c),
      };
    else sel = { r1: at.r, r2: at.r, c1: at.c, c2: at.c, ar: at.r, ac: at.c };
    dragging = true;
    paintSelection();
  });
  wrap.addEventListener('mouseover', (e) => {
    if (!dragging || !sel) return;
    const at = cellAt(e.target);
    if (!at) return;
    sel = {
      ...sel,
      r1: Math.min(sel.ar, at.r),
      r2: Math.max(sel.ar, at.r),
      c1: Math.min(sel.ac, at.c),
      c2: Math.max(sel.ac, at.c),
    };
    paintSelection();
  });
  window.addEventListener('mouseup', () => {
    if (!dragging) return;
    dragging = false;
    void commitSelection();
  });
  wrap.addEventListener('dblclick', (e) => {
    if (!cellAt(e.target)) return;
    const input = $<HTMLInputElement>('formula');
    input.focus();
    input.setSelectionRange(input.value.length, input.value.length);
  });
  const input = $<HTMLInputElement>('formula');
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      input.blur();
      paintSelection();
    }
    if (e.key !== 'Enter' || !sel || !view) return;
    e.preventDefault();
    // What is typed goes where it was typed, whatever the grid shows by the time the server answers.
    const sheet = view.name;
    const at = { r: sel.ar, c: sel.ac };
    const typed = input.value;
    if (input.classList.contains('spilled') && typed === shownInBar) {
      input.blur();
      return;
    }
    void busy(async () => {
      const out = await api('/api/edit', { sheet, a1: `${letters(at.c)}${at.r}`, input: typed });
      if (!out.ok) notice('error', out.error?.message ?? t('failed'));
      input.blur();
      // Down one row, as in Sheets, unless the user has moved on meanwhile.
      if (view?.name === sheet && sel && sel.ar === at.r && sel.ac === at.c)
        sel = { r1: at.r + 1, r2: at.r + 1, c1: at.c, c2: at.c, ar: at.r + 1, ac: at.c };
      await refreshAll();
      await commitSelection();
    });
  });
}

// --- loading sheets, actions ------------------------------------------------------------------

let opening = 0;
/** Sheets drawn so far (data-opened): a test waits for the next one, even when it shows the same sheet. */
let opened = 0;
async function openSheet(name: string): Promise<void> {
  const ticket = ++opening;
  const v = await api<SheetView>(`/api/sheet?name=${encodeURIComponent(name)}`);
  if (ticket !== opening) return; // a later request wins (a tab click during a background refresh)
  if (!v || !('cells' in v)) {
    if (state && !state.sheets.some((s) => s.name === active)) active = state.active;
    return;
  }
  // Another sheet than the one drawn (or a workbook just replaced: view is null): the selection goes.
  const previous = view;
  const changed = previous?.name !== name;
  if (changed) sel = null;
  active = name;
  view = v;
  renderGrid(v);
  document.querySelectorAll<HTMLElement>('#tabs button').forEach((b) => {
    b.setAttribute('aria-selected', String(b.dataset.sheet === name));
  });
  document.body.dataset.sheet = name;
  document.body.dataset.kind = v.kind;
  // The server shows what the page shows: told when the user changes the sheet here, or when the
  // server's is another one (a server action moved it). A background reload of the same sheet
  // sends nothing, and a sync never activates a sheet over a selection (which would move the
  // server's selection to A1).
  if ((previous && changed) || (state && state.active !== name)) await syncServer();
  if (ticket === opening) document.body.dataset.opened = String(++opened);
}

let lastVersion = -1;
/** Reloads the state and the sheet (`sheet`, or the one shown), after a change made here or elsewhere. */
async function refreshAll(sheet?: string): Promise<void> {
  const s = await loadState();
  lastVersion = Math.max(lastVersion, s.version);
  if (sheet && state?.sheets.some((x) => x.name === sheet)) active = sheet;
  await openSheet(active);
  document.body.dataset.version = String(s.version);
}

/**
 * The page's actions: the poll waits while one runs, and body.busy stays until the last of them
 * ends (two may overlap). data-done counts the finished ones, so a test can wait for its own.
 */
let running = 0;
let done = 0;
async function busy<T>(fn: () => Promise<T>): Promise<T> {
  running++;
  document.body.classList.add('busy');
  try {
    return await fn();
  } finally {
    if (--running === 0) document.body.classList.remove('busy');
    document.body.dataset.done = String(++done);
  }
}

function reloadSidebar(): void {
  const frame = $<HTMLIFrameElement>('sidebar');
  frame.src = '/sidebar';
}

function installControls(): void {
  document.querySelectorAll<HTMLButtonElement>('[data-advance]').forEach((b) => {
    b.addEventListener(
      'click',
      () =>
        void busy(async () => {
          const out = await api<{ ok: boolean; value?: string; error?: { message: string } }>('/api/advance', {
            by: b.dataset.advance,
          });
          if (!out.ok) notice('error', out.error?.message ?? t('failed'));
          await refreshAll();
          reloadSidebar();
        }),
    );
  });
  $('refresh').addEventListener(
    'click',
    () =>
      void busy(async () => {
        const out = await api<{
          ok: boolean;
          value?: { rowsWritten: number; errors: string[] };
          error?: { message: string };
        }>('/api/refresh', {});
        if (!out.ok) notice('error', out.error?.message ?? t('failed'));
        else if (out.value?.errors.length) notice('error', out.value.errors.join(' · '));
        else notice('info', `${t('ran')} : ${out.value?.rowsWritten ?? 0} ${t('rowsWritten')}.`);
        await refreshAll();
        reloadSidebar();
      }),
  );
  $('generate').addEventListener(
    'click',
    () =>
      void busy(async () => {
        const out = await api<{
          ok: boolean;
          value?: { dashboards: { sheetName: string }[] };
          error?: { message: string };
        }>('/api/generate', { layout: 'by_level' });
        if (!out.ok) return notice('error', out.error?.message ?? t('failed'));
        notice('info', `${t('generated')} : ${(out.value?.dashboards ?? []).map((d) => d.sheetName).join(', ')}.`);
        // The first dashboard, drawn afresh (it may have been replaced under the same name).
        view = null;
        await refreshAll(out.value?.dashboards[0]?.sheetName);
        // The sidebar lists the dashboards: it shows the new ones without a manual reload.
        reloadSidebar();
      }),
  );
  $('reset').addEventListener('click', async () => {
    if ((await ask(t('resetTitle'), t('confirmReset'), [{ id: 'go', label: t('resetGo'), primary: true }])) !== 'go')
      return;
    void busy(async () => {
      await api('/api/reset', {});
      active = '';
      view = null;
      await refreshAll();
      reloadSidebar();
    });
  });
  document.querySelectorAll<HTMLButtonElement>('[data-lang]').forEach((b) => {
    b.addEventListener(
      'click',
      () =>
        void busy(async () => {
          if (b.dataset.lang === lang) return;
          const out = await api('/api/lang', { lang: b.dataset.lang });
          if (!out.ok) notice('error', out.error?.message ?? t('failed'));
          await refreshAll();
          reloadSidebar();
        }),
    );
  });
  const file = $<HTMLInputElement>('open');
  file.addEventListener('change', async () => {
    const f = file.files?.[0];
    file.value = '';
    if (!f) return;
    // A workbook with changes is not replaced without asking (its objectives and KPIs would go with it).
    const now = await api<{ changed: boolean; spreadsheetName: string }>('/api/changed');
    if (now.changed) {
      const text =
        lang === 'fr'
          ? `« ${f.name} » remplacera « ${now.spreadsheetName} » et les changements qui y ont été faits, objectifs, KPI, historique et planification compris. Enregistrez-le d'abord en .xlsx pour le garder : il se rouvre ici tel quel.`
          : `"${f.name}" will replace "${now.spreadsheetName}" and the changes made to it, objectives, KPIs, history and schedule included. Save it as .xlsx first to keep it: it reopens here as it is.`;
      const answer = await ask(t('openTitle'), text, [
        { id: 'save', label: t('openSaveFirst'), primary: true },
        { id: 'go', label: t('openGo') },
      ]);
      if (answer === 'cancel') return;
      if (answer === 'save') await saveExport();
    }
    void busy(async () => {
      const bytes = await f.arrayBuffer();
      const res = await fetch(`/api/open?name=${encodeURIComponent(f.name)}`, { method: 'POST', body: bytes });
      const out = (await res.json()) as { ok: boolean; active?: string; error?: { message: string } };
      if (!out.ok) return notice('error', out.error?.message ?? t('failed'));
      active = out.active ?? '';
      view = null;
      await refreshAll();
      reloadSidebar();
    });
  });
}

/** Downloads the workbook as .xlsx and waits until it is in hand (before anything replaces it). */
async function saveExport(): Promise<void> {
  const res = await fetch('/api/export');
  const disposition = res.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1];
  const name = encoded ? decodeURIComponent(encoded) : 'classeur.xlsx';
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The sidebar's calls change the workbook too: follow them (never while an action of the page runs). */
function poll(): void {
  let checking = false;
  const quiet = () => running === 0 && !dragging && !checking;
  setInterval(() => {
    if (!quiet()) return;
    checking = true;
    void api<PlaygroundState>('/api/state')
      .then((s) => (s.version > lastVersion && running === 0 && !dragging ? refreshAll() : undefined))
      .catch(() => undefined)
      .finally(() => (checking = false));
  }, 1200);
}

async function start(): Promise<void> {
  installGridEvents();
  installControls();
  const s = await loadState();
  lastVersion = s.version;
  active = s.active;
  await openSheet(active);
  document.body.dataset.version = String(s.version);
  document.body.dataset.ready = 'true';
  poll();
}

void start();
