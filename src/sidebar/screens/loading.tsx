import { h } from '../ui/view';
import { textIn } from '../i18n';
import type { State } from '../store';

/** While the first load runs. */
export function Loading(props: { s: State }) {
  return (
    <div class="loading" data-testid="loading">
      <span class="spinner" aria-hidden="true" />
      {textIn(props.s.lang).loading}
    </div>
  );
}
