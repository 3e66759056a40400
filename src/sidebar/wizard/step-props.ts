import type { SmartReport } from '../../core/kpi/smart';
import type { Session } from '../session';
import type { Ready, Wizard } from '../store';

/** What every step view is given: the loaded state, its wizard, the actions, the field errors to show, the SMART report. */
export interface StepProps {
  s: Ready;
  w: Wizard;
  session: Session;
  errors: ReadonlyMap<string, string>;
  report: SmartReport;
}
