/* The SMART panel: a compact live summary under the wizard's fields, and the full review. */
import { h } from './view';
import type { Lang } from '../../core/i18n/lang';
import { CRITERIA, type Criterion, type Finding, type FindingLevel, type SmartReport } from '../../core/kpi/smart';
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

/** Fixed-size: updating it never moves anything on the page. */
export function LivePanel(props: { report: SmartReport; lang: Lang; criteria: readonly Criterion[] }) {
  const { report } = props;
  const t = textIn(props.lang);
  const f = headlineFinding(report, props.criteria);
  return (
    <section class="smart-live" aria-label={t.smartLive} data-testid="smart-live">
      <div class="smart-head">
        <span class="smart-title">{t.smartLive}</span>
        <span class="smart-score">{`${report.score}/100`}</span>
      </div>
      <div class="smart-bar" aria-hidden="true">
        <span class="smart-bar-fill" style={`width:${report.score}%`} data-score={String(report.score)} />
      </div>
      <ul class="smart-chips">
        {CRITERIA.map((c) => {
          const level = report.criteria[c];
          const label = t.labelled(t.criteria[c], t.levels[level]);
          return (
            <li key={c} class="chip" data-criterion={c} data-level={level} title={label}>
              <span class="chip-letter" aria-hidden="true">
                {t.criteria[c].charAt(0)}
              </span>
              <span class="chip-icon" aria-hidden="true">
                {ICON[level]}
              </span>
              <span class="sr-only">{label}</span>
            </li>
          );
        })}
      </ul>
      <div class="smart-detail">
        <p class="smart-message" dir="auto" data-level={f ? f.level : 'pass'} data-code={f ? f.code : ''}>
          {f ? `${t.criteria[f.criterion]} — ${f.message}` : t.allPass}
        </p>
        <p class="smart-fix" dir="auto">
          {f?.fix ? t.howToFix + f.fix : ''}
        </p>
      </div>
    </section>
  );
}

/** The review step: every finding, grouped by criterion, with its explanation and its fix. */
export function ReviewList(props: { report: SmartReport; lang: Lang; goFix: (f: Finding) => void }) {
  const { report } = props;
  const t = textIn(props.lang);
  return (
    <div class="review" data-testid="smart-review">
      <div class="review-score">
        <span class="review-score-num">{t.score(report.score)}</span>
        <span class="smart-bar" aria-hidden="true">
          <span class="smart-bar-fill" style={`width:${report.score}%`} />
        </span>
      </div>
      {CRITERIA.map((c) => (
        <section key={c} class="criterion" data-criterion={c} data-level={report.criteria[c]}>
          <h3>
            <span class="chip-icon" aria-hidden="true">
              {ICON[report.criteria[c]]}
            </span>
            {` ${t.criteria[c]} `}
            <span class="verdict">{`(${t.levels[report.criteria[c]]})`}</span>
          </h3>
          <ul class="findings">
            {report.findings
              .filter((f) => f.criterion === c)
              .map((f, i) => (
                <li key={`${f.code}-${i}`} class="finding" data-level={f.level} data-code={f.code}>
                  <p class="finding-message" dir="auto">
                    {f.message}
                  </p>
                  {f.fix ? (
                    <p class="finding-fix" dir="auto">
                      <strong>{t.howToFix}</strong>
                      {f.fix}
                    </p>
                  ) : null}
                  {f.level !== 'pass' ? (
                    <button type="button" class="link" onClick={() => props.goFix(f)}>
                      {t.goFix}
                    </button>
                  ) : null}
                </li>
              ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
