/* Settings: the language, and the scheduled refresh (screens/schedule.tsx). */
import { h } from '../ui/view';
import type { Settings } from '../../shared/api';
import { textIn } from '../i18n';
import type { Session } from '../session';
import { type Ready, type SettingsScreen, TITLE_ID } from '../store';
import { BusyButton, SelectField } from '../ui/fields';
import { ScheduleSection } from './schedule';

// ---------------------------------------------------------------------------------------------
// Actions

export function openSettings(session: Session): void {
  const s = session.ready();
  if (!s) return;
  session.go({ name: 'settings', lang: s.boot.settings.lang, schedule: null, scheduleNotice: null });
}

export function chooseLang(session: Session, lang: Settings['lang']): void {
  session.store.updateReady((s) => (s.screen.name === 'settings' ? { ...s, screen: { ...s.screen, lang } } : s));
}

/** Saves the language; the answer's summary is already in it, and Home shows it. */
export async function saveSettings(session: Session): Promise<void> {
  const s = session.ready();
  if (s?.screen.name !== 'settings') return;
  const lang = s.screen.lang;
  const result = await session.busy('save-settings', () => session.call(session.server.saveSettings({ lang })));
  if (!result) return;
  if (!result.ok) return session.showError(result.message);
  session.adopt(result.summary);
  session.home();
  session.toast(session.t.settingsSaved);
}

// ---------------------------------------------------------------------------------------------
// View

export function SettingsView(props: { s: Ready; screen: SettingsScreen; session: Session }) {
  const { s, screen, session } = props;
  const t = textIn(s.lang);
  return (
    <div class="settings">
      <h1 id={TITLE_ID} tabIndex={-1}>
        {t.settings}
      </h1>
      <form
        class="settings-lang"
        noValidate
        onSubmit={(e: Event) => {
          e.preventDefault();
          void saveSettings(session);
        }}
      >
        <SelectField
          field="lang"
          label={t.language}
          value={screen.lang}
          options={[
            { value: 'auto', label: t.langAuto },
            { value: 'fr', label: 'Français' },
            { value: 'en', label: 'English' },
          ]}
          onChange={(v) => chooseLang(session, v === 'fr' || v === 'en' ? v : 'auto')}
        />
        <div class="actions end">
          <BusyButton
            type="submit"
            class="action"
            id="save-settings"
            busy={s.busy.includes('save-settings')}
            busyText={t.saving}
          >
            {t.save}
          </BusyButton>
        </div>
      </form>
      <ScheduleSection s={s} screen={screen} session={session} />
      <div class="actions nav start">
        <button type="button" id="settings-back" onClick={() => session.home()}>
          {t.back}
        </button>
      </div>
    </div>
  );
}
