/** Remote URLs shown or passed on (CODEBUILD_SOURCE_REPO_URL, the mirror's messages) never carry credentials. */
import { withoutCredentials } from '../../src/core/url.js';

test('withoutCredentials removes passwords everywhere and the user of http(s) URLs (often a token)', () => {
  expect(withoutCredentials('https://user:pw@host.example/o/r.git')).toBe('https://host.example/o/r.git');
  expect(withoutCredentials('https://ghp_token@github.com/o/r')).toBe('https://github.com/o/r');
  expect(withoutCredentials('http://u:p@h:8080/r?x=@y')).toBe('http://h:8080/r?x=@y');
  expect(withoutCredentials('ssh://git:pw@host/o/r.git')).toBe('ssh://git@host/o/r.git');
  expect(withoutCredentials('ssh://git@host/o/r.git')).toBe('ssh://git@host/o/r.git');
  expect(withoutCredentials('git@github.com:o/r.git')).toBe('git@github.com:o/r.git');
  expect(withoutCredentials('me:pw@host:o/r.git')).toBe('me@host:o/r.git');
  expect(withoutCredentials('/srv/git/r.git')).toBe('/srv/git/r.git');
  expect(withoutCredentials('https://github.com/o/r')).toBe('https://github.com/o/r');
  // A password with an @ in it: the last @ of the authority ends the user part.
  expect(withoutCredentials('https://u:p@ss@host/r')).toBe('https://host/r');
});
