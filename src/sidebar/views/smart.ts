/* The SMART panel: a compact live summary under the wizard's fields, and the full review. */
import type { Lang } from '../../core/i18n/lang';
import { CRITERIA, type Criterion, type Finding, type FindingLevel, type SmartReport } from '../../core/kpi/smart';
import { h, replaceChildren, setText } from '../dom';
import { textIn } from '../i18n';

const ICON: Record<FindingLevel, string> = { pass: '✓', warning: '!', failure: '✕' };
const RANK: Record<FindingLevel, number> = { failure: 0, warning: 1, pass: 2 };

/** The finding to show first: the worst among `criteria` (the current step's), else the worst overall. */
export function headlineFinding(report: SmartReport, criteria: readonly Criterion[]): Finding | null {
  const open = (fs: Finding[]) => fs.filter((f) => f.level !== 'pass').sort((a, b) => RANK[a.level] - RANK[b.level]);
  return open(report.findings.filter((f) => criteria.includes(f.criterion)))[0] ?? open(report.findings)[0] ?? null;
}

/** One line per criterion for screen readers: "Measurable: failed." */
export function verdictSummary(report: SmartReport, lang: Lang): string {
  const t = textIn(lang);
  return t.announce(
    report.score,
    CRITERIA.map((c) => `${t.labelled(t.criteria[c], t.levels[report.criteria[c]])}.`).join(' '),
  );
}

export interface LivePanel {
  el: HTMLElement;
  update(report: SmartReport): void;
}

/** Fixed-size: updating it never moves anything on the page. */
export function livePanel(lang: Lang, criteria: readonly Criterion[]): LivePanel {
  const t = textIn(lang);
  const score = h('span', { class: 'smart-score' });
  const bar = h('span', { class: 'smart-bar-fill' });
  const chips = new Map<Criterion, HTMLElement>();
  const chipRow = h(
    'ul',
    { class: 'smart-chips' },
    CRITERIA.map((c) => {
      const icon = h('span', { class: 'chip-icon', 'aria-hidden': 'true' });
      const sr = h('span', { class: 'sr-only' });
      const chip = h(
        'li',
        { class: 'chip', 'data-criterion': c },
        h('span', { class: 'chip-letter', 'aria-hidden': 'true' }, t.criteria[c][0]),
        icon,
        sr,
      );
      chips.set(c, chip);
      return chip;
    }),
  );
  const message = h('p', { class: 'smart-message', dir: 'auto' });
  const fix = h('p', { class: 'smart-fix', dir: 'auto' });
  const el = h(
    'section',
    { class: 'smart-live', 'aria-label': t.smartLive, 'data-testid': 'smart-live' },
    h('div', { class: 'smart-head' }, h('span', { class: 'smart-title' }, t.smartLive), score),
    h('div', { class: 'smart-bar', 'aria-hidden': 'true' }, bar),
    chipRow,
    h('div', { class: 'smart-detail' }, message, fix),
  );
  return {
    el,
    update(report) {
      setText(score, `${report.score}/100`);
      bar.style.width = `${report.score}%`;
      bar.setAttribute('data-score', String(report.score));
      for (const c of CRITERIA) {
        const chip = chips.get(c)!;
        const level = report.criteria[c];
        chip.setAttribute('data-level', level);
        const label = t.labelled(t.criteria[c], t.levels[level]);
        chip.title = label;
        setText(chip.querySelector('.chip-icon')!, ICON[level]);
        setText(chip.querySelector('.sr-only')!, label);
      }
      const f = headlineFinding(report, criteria);
      message.setAttribute('data-level', f ? f.level : 'pass');
      message.setAttribute('data-code', f ? f.code : '');
      setText(message, f ? `${t.criteria[f.criterion]} — ${f.message}` : t.allPass);
      setText(fix, f && f.fix ? t.howToFix + f.fix : '');
    },
  };
}

/** The review step: every finding, grouped by criterion, with its explanation and its fix. */
export function reviewList(report: SmartReport, lang: Lang, goFix: (f: Finding) => void): HTMLElement {
  const t = textIn(lang);
  const list = h('div', { class: 'review', 'data-testid': 'smart-review' });
  replaceChildren(
    list,
    h(
      'div',
      { class: 'review-score' },
      h('span', { class: 'review-score-num' }, t.score(report.score)),
      h(
        'span',
        { class: 'smart-bar', 'aria-hidden': 'true' },
        h('span', { class: 'smart-bar-fill', style: `width:${report.score}%` }),
      ),
    ),
    CRITERIA.map((c) =>
      h(
        'section',
        { class: 'criterion', 'data-criterion': c, 'data-level': report.criteria[c] },
        h(
          'h3',
          null,
          h('span', { class: 'chip-icon', 'aria-hidden': 'true' }, ICON[report.criteria[c]]),
          ` ${t.criteria[c]} `,
          h('span', { class: 'verdict' }, `(${t.levels[report.criteria[c]]})`),
        ),
        h(
          'ul',
          { class: 'findings' },
          report.findings
            .filter((f) => f.criterion === c)
            .map((f) =>
              h(
                'li',
                { class: 'finding', 'data-level': f.level, 'data-code': f.code },
                h('p', { class: 'finding-message', dir: 'auto' }, f.message),
                f.fix ? h('p', { class: 'finding-fix', dir: 'auto' }, h('strong', null, t.howToFix), f.fix) : null,
                f.level !== 'pass'
                  ? h('button', { type: 'button', class: 'link', on: { click: () => goFix(f) } }, t.goFix)
                  : null,
              ),
            ),
        ),
      ),
    ),
  );
  return list;
}
