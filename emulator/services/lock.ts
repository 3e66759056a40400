/** LockService: document, script and user locks; another execution can be made to hold one. */
import type { EmulatorCore } from '../core';
import { EmuObject } from '../instrument';

export const LOCK_TIMEOUT = 'Lock timeout: another process was holding the lock for too long.';

interface LockState {
  /** 'me' is the current execution. */
  holder: 'me' | 'other' | null;
  /** When the other execution lets go (ms); null = until released by the test. */
  otherUntil: number | null;
}

export class LockTable {
  private locks = new Map<string, LockState>();

  state(key: string): LockState {
    let s = this.locks.get(key);
    if (!s) {
      s = { holder: null, otherUntil: null };
      this.locks.set(key, s);
    }
    return s;
  }

  /** Simulates another execution holding a lock; returns its release. */
  holdByOther(key: string, until: number | null): () => void {
    const s = this.state(key);
    s.holder = 'other';
    s.otherUntil = until;
    return () => {
      if (s.holder === 'other') {
        s.holder = null;
        s.otherUntil = null;
      }
    };
  }

  /** Apps Script releases an execution's locks when it ends. */
  releaseMine(): void {
    for (const s of this.locks.values()) if (s.holder === 'me') s.holder = null;
  }
}

type Lock = GoogleAppsScript.Lock.Lock;

export class EmuLock extends EmuObject implements Pick<Lock, 'tryLock' | 'waitLock' | 'releaseLock' | 'hasLock'> {
  readonly emuType = 'Lock';

  constructor(
    private readonly core: EmulatorCore,
    private readonly table: LockTable,
    private readonly key: string,
  ) {
    super();
  }

  private acquire(timeoutInMillis: number): boolean {
    const s = this.table.state(this.key);
    const clock = this.core.clock;
    if (s.holder === 'other' && s.otherUntil !== null && s.otherUntil <= clock.millis()) s.holder = null;
    if (s.holder === 'me') return true;
    if (s.holder === null) {
      s.holder = 'me';
      return true;
    }
    const deadline = clock.millis() + Math.max(0, timeoutInMillis);
    if (s.otherUntil !== null && s.otherUntil <= deadline) {
      clock.set(Math.max(clock.millis(), s.otherUntil));
      s.holder = 'me';
      s.otherUntil = null;
      return true;
    }
    clock.set(deadline); // waited the whole timeout
    return false;
  }

  tryLock(timeoutInMillis: number): boolean {
    return this.acquire(timeoutInMillis);
  }

  waitLock(timeoutInMillis: number): void {
    if (!this.acquire(timeoutInMillis)) throw new Error(LOCK_TIMEOUT);
  }

  releaseLock(): void {
    const s = this.table.state(this.key);
    if (s.holder === 'me') s.holder = null;
  }

  hasLock(): boolean {
    return this.table.state(this.key).holder === 'me';
  }
}

export class EmuLockService
  extends EmuObject
  implements Pick<GoogleAppsScript.Lock.LockService, 'getDocumentLock' | 'getScriptLock' | 'getUserLock'>
{
  readonly emuType = 'LockService';
  readonly table = new LockTable();

  constructor(private readonly core: EmulatorCore) {
    super();
  }

  /**
   * Null when the code runs for no document (a time-driven trigger, by default: see
   * Emulator.asTrigger): "If this method is called outside of the context of a containing
   * document (such as from a standalone script or webapp), null is returned."
   * (https://developers.google.com/apps-script/reference/lock/lock-service#getDocumentLock())
   */
  getDocumentLock(): Lock {
    const id = this.core.context.documentId;
    return (id ? new EmuLock(this.core, this.table, `document:${id}`) : null) as unknown as Lock;
  }

  getScriptLock(): Lock {
    return new EmuLock(this.core, this.table, 'script') as unknown as Lock;
  }

  /**
   * One per user, in every context: "prevents the current user from concurrently running a
   * section of code … executed by different users at the same time, but no more than one
   * execution for any given user" (same page, getUserLock()).
   */
  getUserLock(): Lock {
    return new EmuLock(this.core, this.table, `user:${this.core.options.userEmail}`) as unknown as Lock;
  }
}
