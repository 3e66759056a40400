/** The playground page's HTML and CSS; the behaviour is page/main.ts, served as /app.js. */
export const PAGE_HTML = `<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>Boussole — bac à sable</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
  * { box-sizing: border-box; }
  html, body { height: 100%; }
  body { margin: 0; font: 13px Roboto, Arial, sans-serif; color: #202124; background: #f8f9fa; display: flex; flex-direction: column; overflow: hidden; }
  button, select, input, .btn { font: inherit; }
  .top { display: flex; align-items: center; gap: 8px; padding: 6px 10px; background: #fff; border-bottom: 1px solid #dadce0; flex-wrap: wrap; min-height: 52px; }
  .brand { display: flex; align-items: baseline; gap: 8px; font-size: 18px; color: #1a73e8; font-weight: 500; white-space: nowrap; }
  .brand small { font-size: 12px; color: #5f6368; font-weight: 400; }
  .doc { color: #3c4043; font-size: 14px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; max-width: 260px; }
  .top .btn, .top .group { font-size: 12px; }
  .doc small { color: #5f6368; }
  .spacer { flex: 1; }
  .group { display: flex; align-items: center; gap: 4px; padding: 2px 6px; border: 1px solid #e8eaed; border-radius: 8px; background: #f8f9fa; }
  .group .label { color: #5f6368; font-size: 12px; margin-right: 2px; white-space: nowrap; }
  .clock { font-variant-numeric: tabular-nums; font-weight: 500; white-space: nowrap; }
  .btn { padding: 4px 8px; border: 1px solid #dadce0; border-radius: 4px; background: #fff; color: #1a73e8; cursor: pointer; text-decoration: none; white-space: nowrap; line-height: 18px; }
  .btn:hover { background: #f1f6fe; }
  .btn.primary { background: #1a73e8; color: #fff; border-color: #1a73e8; }
  .btn.primary:hover { background: #1765cc; }
  .btn[disabled] { opacity: .5; cursor: default; }
  .btn[aria-pressed=true] { background: #e8f0fe; border-color: #1a73e8; font-weight: 500; }
  .btn input[type=file] { display: none; }
  #notice { display: none; padding: 8px 14px; font-size: 13px; border-bottom: 1px solid #dadce0; }
  #notice.info { display: block; background: #e8f0fe; color: #174ea6; }
  #notice.error { display: block; background: #fce8e6; color: #a50e0e; }
  #notice.warning { display: block; background: #fef7e0; color: #7a4f01; }
  #notice { white-space: pre-line; }
  #dialog { position: fixed; inset: 0; background: rgba(32, 33, 36, 0.45); display: flex; align-items: center; justify-content: center; z-index: 50; }
  #dialog[hidden] { display: none; }
  #dialog .box { background: #fff; border-radius: 8px; box-shadow: 0 4px 24px rgba(0,0,0,.25); max-width: 620px; padding: 20px 24px; }
  #dialog h2 { font-size: 18px; font-weight: 500; margin: 0 0 10px; color: #202124; }
  #dialog p { font-size: 14px; line-height: 1.45; color: #3c4043; margin: 0 0 18px; white-space: pre-line; }
  #dialog .actions { display: flex; gap: 8px; justify-content: flex-end; flex-wrap: wrap; }
  #notice button { margin-left: 10px; border: 0; background: none; color: inherit; text-decoration: underline; cursor: pointer; }
  main { flex: 1; display: flex; min-height: 0; }
  .book { flex: 1; display: flex; flex-direction: column; min-width: 0; background: #fff; }
  .fbar { display: flex; align-items: center; border-bottom: 1px solid #e0e0e0; height: 30px; }
  .fbar .name { width: 120px; padding: 0 8px; border-right: 1px solid #e0e0e0; color: #3c4043; height: 100%; display: flex; align-items: center; font-size: 12px; white-space: nowrap; overflow: hidden; }
  .fbar .fx { color: #5f6368; font-style: italic; padding: 0 8px; font-family: serif; }
  .fbar input { flex: 1; height: 100%; border: 0; outline: none; padding: 0 6px; font: 13px "Roboto Mono", Consolas, monospace; }
  .fbar input:focus { background: #fffde7; }
  .fbar input.spilled { color: #9aa0a6; }
  .gridwrap { flex: 1; overflow: auto; position: relative; background: #fff; }
  .layer { position: relative; }
  table.grid { border-collapse: separate; border-spacing: 0; table-layout: fixed; font-size: 13px; }
  .grid th, .grid td { border-right: 1px solid #e2e3e3; border-bottom: 1px solid #e2e3e3; padding: 0 4px; white-space: nowrap; overflow: hidden; text-overflow: clip; height: 21px; }
  .grid thead th { position: sticky; top: 0; z-index: 4; background: #f8f9fa; color: #5f6368; font-weight: 400; font-size: 11px; text-align: center; }
  .grid th.rh { position: sticky; left: 0; z-index: 2; background: #f8f9fa; color: #5f6368; font-weight: 400; font-size: 11px; text-align: center; width: 46px; min-width: 46px; }
  .grid thead th.rh { z-index: 5; }
  .grid td { cursor: cell; user-select: none; }
  .grid td.num { text-align: right; }
  .grid td.err { color: #c5221f; }
  .grid td.ovf { overflow: visible; }
  .grid td.wrap { white-space: normal; line-height: 15px; }
  /* Frozen rows stay on top of the rows scrolled under them: opaque, and above their row numbers. */
  .grid tr.frozen td { position: sticky; z-index: 2; background-color: #fff; }
  /* Text overflowing into empty neighbours shows over them in frozen rows too, as in Sheets. */
  .grid tr.frozen td.ovf { z-index: 3; }
  .grid tr.frozen th.rh { position: sticky; z-index: 4; }
  .grid td.sel { background-image: linear-gradient(rgba(26,115,232,.14), rgba(26,115,232,.14)); }
  .grid td.anchor { outline: 2px solid #1a73e8; outline-offset: -2px; }
  .grid th.selh { background: #d3e3fd; color: #041e49; }
  .grid td svg { display: block; }
  .chart { position: absolute; background: #fff; border: 1px solid #dadce0; box-shadow: 0 1px 2px rgba(60,64,67,.2); z-index: 1; padding: 6px; }
  .chart canvas { width: 100% !important; height: 100% !important; }
  .chart.scorecard { box-sizing: border-box; padding: 8px 12px; display: flex; flex-direction: column; justify-content: center; gap: 2px; overflow: hidden; }
  .sc-title { font-size: 12px; font-weight: 600; color: #3c4043; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
  .sc-value { font-size: 28px; font-weight: 700; color: #202124; line-height: 1.15; }
  .sc-change { font-size: 13px; font-weight: 600; }
  .tabs { display: flex; gap: 2px; padding: 0 8px; background: #f1f3f4; border-top: 1px solid #dadce0; overflow-x: auto; min-height: 34px; align-items: stretch; }
  .tabs button { border: 0; background: none; padding: 0 14px; font: inherit; color: #3c4043; cursor: pointer; white-space: nowrap; border-bottom: 3px solid transparent; display: flex; align-items: center; gap: 6px; }
  .tabs button:hover { background: #e8eaed; }
  .tabs button[aria-selected=true] { background: #fff; color: #1a73e8; border-bottom-color: #1a73e8; font-weight: 500; }
  .tabs .dot { width: 8px; height: 8px; border-radius: 50%; display: inline-block; }
  .tabs .dot.dashboard { background: #1a73e8; }
  .tabs .dot.history, .tabs .dot.runlog { background: #9aa0a6; }
  .tabs .dot.boussole, .tabs .dot.objectives, .tabs .dot.kpis { background: #c6dafc; }
  .statusbar { display: flex; gap: 16px; padding: 4px 12px; font-size: 12px; color: #5f6368; background: #f8f9fa; border-top: 1px solid #e8eaed; white-space: nowrap; overflow: hidden; }
  .statusbar b { color: #202124; font-weight: 500; }
  .panel { width: 300px; flex: none; display: flex; flex-direction: column; background: #fff; border-left: 1px solid #dadce0; box-shadow: -1px 0 4px rgba(60,64,67,.15); }
  .panel header { height: 44px; display: flex; align-items: center; padding: 0 16px; font-size: 16px; border-bottom: 1px solid #e8eaed; gap: 8px; }
  .panel iframe { flex: 1; width: 300px; border: 0; }
  .busy { cursor: progress; }
  .busy .btn { pointer-events: none; opacity: .6; }
</style></head>
<body>
  <header class="top">
    <div class="brand">Boussole <small data-t="sandbox"></small></div>
    <div class="doc" id="doc"></div>
    <div class="spacer"></div>
    <div class="group" aria-label="clock">
      <span class="label" data-t="clock"></span><span class="clock" id="now" data-testid="clock"></span>
      <button class="btn" data-advance="day" data-t="plusDay"></button>
      <button class="btn" data-advance="week" data-t="plusWeek"></button>
      <button class="btn" data-advance="month" data-t="plusMonth"></button>
    </div>
    <button class="btn primary" id="refresh" data-t="refresh"></button>
    <button class="btn" id="generate" data-t="generate"></button>
    <div class="group">
      <label class="btn" id="open-label"><span data-t="open"></span><input type="file" id="open" accept=".xlsx,.csv,.tsv,.txt"></label>
      <a class="btn" id="export" href="/api/export" data-t="export"></a>
    </div>
    <button class="btn" id="reset" data-t="reset"></button>
    <div class="group"><button class="btn" data-lang="fr">FR</button><button class="btn" data-lang="en">EN</button></div>
  </header>
  <div id="notice" role="status" data-testid="notice"></div>
  <div id="dialog" role="dialog" aria-modal="true" aria-labelledby="dialog-title" data-testid="dialog" hidden><div class="box"><h2 id="dialog-title"></h2><p id="dialog-text"></p><div class="actions" id="dialog-actions"></div></div></div>
  <main>
    <section class="book">
      <div class="fbar"><div class="name" id="cellname" data-testid="cell-name"></div><span class="fx">fx</span><input id="formula" data-testid="formula-bar" spellcheck="false" autocomplete="off"></div>
      <div class="gridwrap" id="gridwrap"><div class="layer" id="layer"></div></div>
      <nav class="tabs" id="tabs" role="tablist"></nav>
      <div class="statusbar" id="status" data-testid="status"></div>
    </section>
    <aside class="panel"><header>Boussole</header><iframe id="sidebar" title="Boussole sidebar" src="/sidebar"></iframe></aside>
  </main>
<script src="/app.js"></script>
</body></html>`;
