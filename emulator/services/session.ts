/** Session: the user, their locale, the script's time zone. */
import type { EmulatorCore } from '../core';
import { EmuObject } from '../instrument';

export class EmuSession
  extends EmuObject
  implements
    Pick<
      GoogleAppsScript.Base.Session,
      'getActiveUser' | 'getEffectiveUser' | 'getActiveUserLocale' | 'getScriptTimeZone' | 'getTemporaryActiveUserKey'
    >
{
  readonly emuType = 'Session';

  constructor(private readonly core: EmulatorCore) {
    super();
  }

  private user(email: string): GoogleAppsScript.Base.User {
    return { getEmail: () => email, getUserLoginId: () => email } as unknown as GoogleAppsScript.Base.User;
  }

  /** Empty e-mail in AuthMode.NONE, as for consumer accounts in simple triggers. */
  getActiveUser(): GoogleAppsScript.Base.User {
    return this.user(this.core.context.authMode === 'NONE' ? '' : this.core.options.userEmail);
  }

  getEffectiveUser(): GoogleAppsScript.Base.User {
    return this.user(this.core.context.authMode === 'NONE' ? '' : this.core.options.effectiveUserEmail);
  }

  getActiveUserLocale(): string {
    return this.core.options.userLocale;
  }

  getScriptTimeZone(): string {
    return this.core.options.scriptTimeZone;
  }

  getTemporaryActiveUserKey(): string {
    return `temp-key-${this.core.options.userEmail}`;
  }
}
