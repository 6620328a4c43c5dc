import { closest, editDistance, parseOnFailure, parseSecretReference } from '../../src/buildspec/grammar.js';

const ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf';

describe('secrets-manager reference secret-id:json-key:version-stage:version-id', () => {
  test.each([
    ['name', { secretId: 'name' }],
    ['prod/db', { secretId: 'prod/db' }],
    ['name:key', { secretId: 'name', jsonKey: 'key' }],
    ['name:key:AWSPREVIOUS', { secretId: 'name', jsonKey: 'key', versionStage: 'AWSPREVIOUS' }],
    ['name::AWSPREVIOUS', { secretId: 'name', versionStage: 'AWSPREVIOUS' }],
    ['name:::0123-abcd', { secretId: 'name', versionId: '0123-abcd' }],
    ['name:key::0123-abcd', { secretId: 'name', jsonKey: 'key', versionId: '0123-abcd' }],
    ['ESDK:ESDK Release Token', { secretId: 'ESDK', jsonKey: 'ESDK Release Token' }],
    ['github:actions read', { secretId: 'github', jsonKey: 'actions read' }],
    [ARN, { secretId: ARN }],
    [`${ARN}:password`, { secretId: ARN, jsonKey: 'password' }],
    [`${ARN}:password:AWSCURRENT`, { secretId: ARN, jsonKey: 'password', versionStage: 'AWSCURRENT' }],
    [`${ARN}:::v1`, { secretId: ARN, versionId: 'v1' }],
  ])('%s', (text, expected) => {
    expect(parseSecretReference(text)).toEqual({ ok: true, value: expected });
  });

  test.each([
    ['', /secret id .* is empty/],
    [':key', /secret id .* is empty/],
    ['name:key:AWSCURRENT:0123', /mutually exclusive/],
    [`${ARN}:key:AWSCURRENT:v1`, /mutually exclusive/],
    ['a:b:c:d:e', /too many ":" fields/],
    ['arn:aws:secretsmanager:us-east-1', /ARN .* is incomplete/],
  ])('%j is an error', (text, message) => {
    const parsed = parseSecretReference(text);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.message).toMatch(message);
  });
});

describe('on-failure', () => {
  test.each([
    ['ABORT', { kind: 'ABORT' }],
    ['CONTINUE', { kind: 'CONTINUE' }],
    ['RETRY', { kind: 'RETRY', count: 3 }],
    ['RETRY-0', { kind: 'RETRY', count: 0 }],
    ['RETRY-100', { kind: 'RETRY', count: 100 }],
    ['RETRY-timed out', { kind: 'RETRY', count: 3, pattern: 'timed out' }],
    ['RETRY-5-^Error.*429', { kind: 'RETRY', count: 5, pattern: '^Error.*429' }],
    ['RETRY-2-a-b', { kind: 'RETRY', count: 2, pattern: 'a-b' }],
    // Go (RE2) syntax that JavaScript spells differently is accepted and kept as written.
    ['RETRY-(?i)timeout', { kind: 'RETRY', count: 3, pattern: '(?i)timeout' }],
    ['RETRY-1-\\Aerror', { kind: 'RETRY', count: 1, pattern: '\\Aerror' }],
  ])('%s', (text, expected) => {
    expect(parseOnFailure(text)).toEqual({ ok: true, value: expected });
  });

  test.each([
    ['abort', /capitals \("ABORT"\)/],
    ['STOP', /must be ABORT, CONTINUE, RETRY/],
    ['RETRY-101', /out of range; use 0 to 100/],
    ['RETRY-3-', /no regular expression/],
    ['RETRY-', /no regular expression/],
    ['RETRY-([a-', /not a valid Go \(RE2\) regular expression: missing "\]"/],
    ['RETRY-2-(', /not a valid Go \(RE2\) regular expression: missing "\)"/],
    ['RETRY-2-(?=x)', /not a valid Go \(RE2\) regular expression: RE2 \(Go regexp\) does not support lookahead/],
    ['RETRY-(a)\\1', /RE2 \(Go regexp\) does not support backreferences/],
  ])('%j is an error', (text, message) => {
    const parsed = parseOnFailure(text);
    expect(parsed.ok ? '' : parsed.message).toMatch(message);
  });
});

describe('did you mean', () => {
  test('edit distance', () => {
    expect(editDistance('post-build', 'post_build')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });

  test.each([
    ['post-build', 'post_build'],
    ['prebuild', 'pre_build'],
    ['Build', 'build'],
    ['instal', 'install'],
    ['postbuild', 'post_build'],
    ['artifacts', undefined],
    ['xyz', undefined],
  ])('%s → %s', (word, expected) => {
    expect(closest(word, ['install', 'pre_build', 'build', 'post_build'])).toBe(expected);
  });
});
