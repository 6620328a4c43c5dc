/**
 * The secret values a test used, and a scanner for them in everything the test captured. A value counts as leaked in
 * any of the forms it could travel in: as is, URL-encoded, base64 (alone or as `user:secret`), or escaped as
 * workflow-command data.
 */
import { randomBytes } from 'node:crypto';

export interface Leak {
  readonly secret: string;
  readonly where: string;
  readonly form: string;
  readonly context: string;
}

export class SecretLedger {
  private readonly secrets = new Map<string, string>();

  /** Records a secret; values shorter than 8 characters would match by chance and are refused. */
  add(label: string, value: string): string {
    if (value.length < 8) throw new Error(`secret ${label} is too short to scan for`);
    this.secrets.set(label, value);
    return value;
  }

  /** A fresh random secret, recorded. */
  fresh(label: string, prefix = ''): string {
    return this.add(label, prefix + randomBytes(18).toString('base64url'));
  }

  labels(): string[] {
    return [...this.secrets.keys()];
  }

  scan(where: string, text: string): Leak[] {
    const leaks: Leak[] = [];
    for (const [label, value] of this.secrets) {
      for (const [form, needle] of forms(value)) {
        const at = text.indexOf(needle);
        if (at >= 0) {
          const context = text.slice(Math.max(0, at - 40), at + needle.length + 40).replace(/\n/g, '\\n');
          leaks.push({ secret: label, where, form, context });
          break;
        }
      }
    }
    return leaks;
  }

  /** Scans every named text; the result lists each leak with where it was found. */
  scanAll(captured: Record<string, string>): Leak[] {
    return Object.entries(captured).flatMap(([where, text]) => this.scan(where, text));
  }
}

function forms(value: string): [string, string][] {
  const escaped = value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const list: [string, string][] = [
    ['raw', value],
    ['url-encoded', encodeURIComponent(value)],
    ['workflow-escaped', escaped],
  ];
  // Inside a longer base64 text (`AWS:password`, a JSON document) the value starts at any of three alignments; the
  // groups that hold only the value's own bytes are the same whatever surrounds it.
  for (let shift = 0; shift < 3; shift++) {
    const encoded = Buffer.from('\0'.repeat(shift) + value).toString('base64');
    list.push([`base64 (offset ${shift})`, encoded.slice(shift === 0 ? 0 : 4, -4)]);
  }
  return list.filter(([, needle]) => needle.length >= 8);
}
