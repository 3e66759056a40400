/*
 * The sidebar around its screens: the header (settings button), the banner for failures, the
 * toast, the screen the state is in, and the screen reader's announcer. A function of the state,
 * drawn again after every change of the store (ui/view.ts patches only what changed).
 */
import { h } from './ui/view';
import { textIn } from './i18n';
import { Fatal } from './screens/fatal';
import { Home } from './screens/home';
import { Loading } from './screens/loading';
import { ObjectiveView } from './screens/objective';
import { openSettings, SettingsView } from './screens/settings';
import type { Session } from './session';
import type { Ready, State } from './store';
import { WizardView } from './wizard/wizard';

function ScreenView(props: { s: Ready; session: Session }) {
  const { s, session } = props;
  const screen = s.screen;
  switch (screen.name) {
    case 'home':
      return <Home s={s} screen={screen} session={session} />;
    case 'objective':
      return <ObjectiveView s={s} screen={screen} session={session} />;
    case 'wizard':
      return <WizardView s={s} screen={screen} session={session} />;
    case 'settings':
      return <SettingsView s={s} screen={screen} session={session} />;
  }
}

export function App(props: { s: State; session: Session }) {
  const { s, session } = props;
  const t = textIn(s.lang);
  const showSettings = s.phase === 'ready' && s.screen.name !== 'settings';
  return (
    <div id="app" aria-live="off">
      <header class="top">
        <span class="brand">
          <span class="brand-mark" aria-hidden="true">
            ◎
          </span>
          {t.appName}
        </span>
        {showSettings ? (
          <button
            type="button"
            class="icon"
            id="open-settings"
            aria-label={t.settings}
            title={t.settings}
            onClick={() => openSettings(session)}
          >
            ⚙
          </button>
        ) : null}
      </header>
      <div class="banner-slot" role="alert">
        {s.banner !== null ? (
          <div class="banner error-banner" data-testid="error-banner">
            <p dir="auto">
              <strong>{t.errorPrefix}</strong>
              {s.banner}
            </p>
            <button type="button" class="link" onClick={() => session.closeBanner()}>
              {t.close}
            </button>
          </div>
        ) : null}
      </div>
      <div class="status-slot" role="status">
        {s.toast ? (
          <p class="toast" dir="auto" data-testid="toast" key={s.toast.seq}>
            {s.toast.text}
          </p>
        ) : null}
      </div>
      <main id="main" aria-busy={s.busy.length ? 'true' : undefined}>
        {s.phase === 'loading' ? (
          <Loading s={s} />
        ) : s.phase === 'fatal' ? (
          <Fatal s={s} message={s.message} session={session} />
        ) : (
          <ScreenView s={s} session={session} />
        )}
      </main>
      <div class="sr-only" aria-live="polite" data-testid="announcer">
        {s.announce.text}
      </div>
    </div>
  );
}
