/* The sidebar's entry point: bundled by scripts/sidebar-build.ts into dist/Sidebar.html. */
import { App } from './app';
import { Session } from './session';
import type { State } from './store';
import { verdictSummary } from './ui/smart';
import { h, mount } from './ui/view';
import { reportOf } from './wizard/actions';

function boot(): void {
  const root = document.getElementById('app');
  if (!root) return;
  const session = new Session();
  const draw = mount(root, () => <App s={session.store.get()} session={session} />);
  let focused = 0;
  let heard: { wizard: number; verdicts: string } | null = null;
  /** After a render: the language, the focus an action asked for, the SMART verdicts read out when typing changed them. */
  const afterRender = (s: State) => {
    document.documentElement.lang = s.lang;
    if (s.focus && s.focus.seq !== focused) {
      focused = s.focus.seq;
      document.getElementById(s.focus.id)?.focus();
    }
    if (s.phase === 'ready' && s.screen.name === 'wizard') {
      const w = s.screen.wizard;
      const report = reportOf(w, s);
      const verdicts = JSON.stringify(report.criteria);
      const changed = heard !== null && heard.wizard === w.id && heard.verdicts !== verdicts;
      heard = { wizard: w.id, verdicts };
      if (changed) session.announce(verdictSummary(report, s.lang));
    }
  };
  let queued = false;
  const render = () => {
    queued = false;
    draw();
    afterRender(session.store.get());
  };
  // Several changes in one task are drawn once.
  session.store.subscribe(() => {
    if (queued) return;
    queued = true;
    queueMicrotask(render);
  });
  render();
  void session.start();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot);
else boot();
