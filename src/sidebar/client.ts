/**
 * A typed promise client over `google.script.run`. The method list comes from the shared
 * `ServerApi` type, so a renamed server function or a changed payload breaks the build.
 */
import { SERVER_METHODS, type ServerApi, type ServerMethod } from '../shared/api';

/** The part of the `google.script.run` runner the sidebar uses (Apps Script's client-side API). */
export interface ScriptRunner {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: unknown) => void): ScriptRunner;
  [method: string]: unknown;
}

/** The `google` global Apps Script injects into a sidebar's sandboxed iframe. */
export interface GoogleClientGlobal {
  script: { run: ScriptRunner; host?: { close(): void } };
}

export type Client = {
  [K in keyof ServerApi]: (...args: Parameters<ServerApi[K]>) => Promise<ReturnType<ServerApi[K]>>;
};

/** An error from the server (or the transport), with a message meant for a person. */
export class ServerError extends Error {
  constructor(
    readonly method: ServerMethod,
    message: string,
  ) {
    super(message);
    this.name = 'ServerError';
  }
}

/** Apps Script hands the failure handler an Error (or, from some paths, a string or a plain object). */
export function errorMessage(error: unknown): string {
  if (typeof error === 'string') return error;
  if (error && typeof error === 'object' && typeof (error as { message?: unknown }).message === 'string') {
    return (error as { message: string }).message;
  }
  return '';
}

function runner(): ScriptRunner | null {
  const g = (globalThis as { google?: Partial<GoogleClientGlobal> }).google;
  return g?.script?.run ? g.script.run : null;
}

/** Builds the client; `getRunner` is swappable for tests. */
export function createClient(getRunner: () => ScriptRunner | null = runner): Client {
  const client = {} as Record<ServerMethod, (...args: unknown[]) => Promise<unknown>>;
  for (const method of SERVER_METHODS) {
    client[method] = (...args: unknown[]) =>
      new Promise((resolve, reject) => {
        const run = getRunner();
        if (!run) return reject(new ServerError(method, ''));
        const handled = run
          .withSuccessHandler(resolve)
          .withFailureHandler((e: unknown) => reject(new ServerError(method, errorMessage(e))));
        const call = handled[method];
        if (typeof call !== 'function') return reject(new ServerError(method, ''));
        try {
          (call as (...a: unknown[]) => void).apply(handled, args);
        } catch (e) {
          reject(new ServerError(method, errorMessage(e)));
        }
      });
  }
  return client as unknown as Client;
}

export const server: Client = createClient();
