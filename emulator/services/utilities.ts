/** Utilities: formatDate (SimpleDateFormat), getUuid, sleep on the emulator clock, digests, base64. */
import { createHash, randomUUID } from 'node:crypto';
import type { EmulatorCore } from '../core';
import { formatSimpleDate } from '../dates';
import { EmuObject } from '../instrument';

const names = <K extends string>(...keys: K[]) =>
  Object.freeze(Object.fromEntries(keys.map((k) => [k, k])) as { [P in K]: P });

export const UTILITIES_ENUMS = {
  DigestAlgorithm: names('MD2', 'MD5', 'SHA_1', 'SHA_256', 'SHA_384', 'SHA_512'),
  Charset: names('US_ASCII', 'UTF_8'),
  MacAlgorithm: names('HMAC_MD5', 'HMAC_SHA_1', 'HMAC_SHA_256', 'HMAC_SHA_384', 'HMAC_SHA_512'),
};

/** Apps Script byte arrays are signed (Java bytes). */
const signed = (buf: Buffer): number[] => [...buf].map((b) => (b > 127 ? b - 256 : b));
const toBuffer = (v: string | number[]): Buffer =>
  typeof v === 'string' ? Buffer.from(v, 'utf8') : Buffer.from(v.map((b) => b & 255));

export class EmuUtilities
  extends EmuObject
  implements
    Pick<
      GoogleAppsScript.Utilities.Utilities,
      | 'formatDate'
      | 'formatString'
      | 'getUuid'
      | 'sleep'
      | 'computeDigest'
      | 'base64Encode'
      | 'base64Decode'
      | 'base64EncodeWebSafe'
      | 'base64DecodeWebSafe'
    >
{
  readonly emuType = 'Utilities';

  constructor(private readonly core: EmulatorCore) {
    super();
    Object.assign(this, UTILITIES_ENUMS);
  }

  formatDate(date: Date, timeZone: string, format: string): string {
    if (!(date instanceof Date) || Number.isNaN(date.getTime())) throw new Error('Invalid argument: date');
    return formatSimpleDate(date, timeZone, format);
  }

  /** sprintf-like: %s, %d, %i, %f, %.2f, %%. */
  formatString(template: string, ...args: unknown[]): string {
    let i = 0;
    return template.replace(
      /%(-?\d*)(?:\.(\d+))?([sdif%])/g,
      (_m, width: string, precision: string | undefined, type: string) => {
        if (type === '%') return '%';
        const v = args[i++];
        let text: string;
        if (type === 's') text = String(v);
        else if (type === 'd' || type === 'i') text = String(Math.trunc(Number(v)));
        else text = precision !== undefined ? Number(v).toFixed(Number(precision)) : String(Number(v));
        const w = Number(width || 0);
        return w < 0 ? text.padEnd(-w) : text.padStart(w);
      },
    );
  }

  getUuid(): string {
    return randomUUID();
  }

  /** Advances the emulator's clock; no real wait. */
  sleep(milliseconds: number): void {
    if (milliseconds > 300_000) throw new Error('Invalid argument: milliseconds (maximum is 300000).');
    this.core.clock.advance(Math.max(0, milliseconds));
  }

  computeDigest(
    algorithm: GoogleAppsScript.Utilities.DigestAlgorithm,
    value: string | number[],
    _charset?: GoogleAppsScript.Utilities.Charset,
  ): number[] {
    const alg = { MD2: 'md2', MD5: 'md5', SHA_1: 'sha1', SHA_256: 'sha256', SHA_384: 'sha384', SHA_512: 'sha512' }[
      String(algorithm)
    ];
    if (!alg) throw new Error('Invalid argument: algorithm');
    return signed(createHash(alg).update(toBuffer(value)).digest());
  }

  base64Encode(data: string | number[], _charset?: GoogleAppsScript.Utilities.Charset): string {
    return toBuffer(data).toString('base64');
  }

  base64EncodeWebSafe(data: string | number[], _charset?: GoogleAppsScript.Utilities.Charset): string {
    return toBuffer(data).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
  }

  base64Decode(encoded: string, _charset?: GoogleAppsScript.Utilities.Charset): number[] {
    return signed(Buffer.from(encoded, 'base64'));
  }

  base64DecodeWebSafe(encoded: string, _charset?: GoogleAppsScript.Utilities.Charset): number[] {
    return signed(Buffer.from(encoded.replace(/-/g, '+').replace(/_/g, '/'), 'base64'));
  }
}
