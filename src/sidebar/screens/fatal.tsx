import { h } from '../ui/view';
import { textIn } from '../i18n';
import type { Session } from '../session';
import type { State } from '../store';

/** The first load failed: why, and Retry. */
export function Fatal(props: { s: State; message: string; session: Session }) {
  const t = textIn(props.s.lang);
  return (
    <div class="fatal" role="alert">
      <p class="fatal-title">{t.loadFailed}</p>
      <p class="error" dir="auto">
        {props.message}
      </p>
      <button type="button" class="action" onClick={() => void props.session.start()}>
        {t.retry}
      </button>
    </div>
  );
}
