/** The last run: when, how, rows written, and every error (add-on triggers send no failure e-mail). */
import { h, Fragment } from './view';
import type { Lang } from '../../core/i18n/lang';
import type { RunLogEntry } from '../../shared/api';
import { textIn } from '../i18n';
import { runWhen, secondsText } from './schedule-words';

export function LastRun(props: { run: RunLogEntry | null; lang: Lang }) {
  const { run, lang } = props;
  const t = textIn(lang);
  if (!run)
    return (
      <div class="last-run" data-testid="last-run" data-state="never">
        <h3>{t.lastRunTitle}</h3>
        <p class="hint">{t.neverRun}</p>
      </div>
    );
  const errors = run.errors ?? [];
  return (
    <div
      class={`last-run${errors.length ? ' has-errors' : ''}`}
      data-testid="last-run"
      data-state={errors.length ? 'errors' : 'ok'}
    >
      <h3>{t.lastRunTitle}</h3>
      <p data-testid="last-run-when">{runWhen(run.start, lang)}</p>
      <p class="hint">
        <span data-testid="last-run-rows" data-rows={String(run.rowsWritten)}>
          {t.rowsWritten(run.rowsWritten)}
        </span>
        {` · ${t.runTrigger[run.trigger] ?? run.trigger} · ${t.runDuration(secondsText(run.durationMs, lang))}`}
      </p>
      {errors.length ? (
        <>
          <p class="error run-errors-title">{t.runErrors(errors.length)}</p>
          <ul class="run-errors" data-testid="last-run-errors">
            {errors.map((e, i) => (
              <li key={i} dir="auto">
                {e}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p class="no-errors" data-testid="last-run-ok">
          {t.noErrors}
        </p>
      )}
    </div>
  );
}
