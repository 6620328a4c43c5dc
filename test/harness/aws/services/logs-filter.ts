/**
 * CloudWatch Logs filter patterns for unstructured log events ("Filter pattern syntax"):
 *   ''                 every event
 *   ERROR              events containing the term (case-sensitive)
 *   ERROR Exception    events containing all the terms
 *   "Out of memory"    an exact phrase; terms with characters other than alphanumerics and '_' must be quoted
 *   ?ERROR ?WARN       events containing any of the ?-terms
 *   ERROR -Retry       events containing ERROR and not Retry
 * JSON (`{ $.x = 1 }`), space-delimited (`[ip, user, ...]`) and regex (`%...%`) patterns are not emulated: they fail
 * loudly rather than match wrongly.
 */
import { AwsError, notEmulated } from '../errors.js';

export type EventMatcher = (message: string) => boolean;

interface Term {
  text: string;
  mode: 'all' | 'any' | 'none';
}

function tokenize(pattern: string): Term[] {
  const terms: Term[] = [];
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i] ?? '';
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    let mode: Term['mode'] = 'all';
    if (c === '?' || c === '-') {
      mode = c === '?' ? 'any' : 'none';
      i++;
    }
    if (pattern[i] === '"') {
      let text = '';
      i++;
      while (i < pattern.length && pattern[i] !== '"') {
        if (pattern[i] === '\\' && i + 1 < pattern.length) i++;
        text += pattern[i];
        i++;
      }
      if (pattern[i] !== '"')
        throw new AwsError('InvalidParameterException', 'Invalid filter pattern: unterminated quote');
      i++;
      terms.push({ text, mode });
      continue;
    }
    let text = '';
    while (i < pattern.length && !/\s/.test(pattern[i] ?? '')) text += pattern[i++];
    if (!/^[A-Za-z0-9_]+$/.test(text)) {
      throw new AwsError('InvalidParameterException', `Invalid character(s) in term '${text}'`);
    }
    terms.push({ text, mode });
  }
  return terms;
}

export function compileFilterPattern(pattern: string | undefined): EventMatcher {
  const p = (pattern ?? '').trim();
  if (p === '') return () => true;
  if (p.startsWith('{')) throw notEmulated('JSON filter patterns');
  if (p.startsWith('[')) throw notEmulated('space-delimited filter patterns');
  if (p.startsWith('%')) throw notEmulated('regular-expression filter patterns');
  const terms = tokenize(p);
  const all = terms.filter((t) => t.mode === 'all').map((t) => t.text);
  const any = terms.filter((t) => t.mode === 'any').map((t) => t.text);
  const none = terms.filter((t) => t.mode === 'none').map((t) => t.text);
  return (message) =>
    all.every((t) => message.includes(t)) &&
    (any.length === 0 || any.some((t) => message.includes(t))) &&
    !none.some((t) => message.includes(t));
}
