/**
 * The test registry stands in for ECR only if it checks the password: bcrypt (computed by the harness, checked
 * against a published vector) and docker-registry's basic auth with it.
 */
import { bcrypt, bcryptHash } from '../harness/bcrypt.js';
import { registryAvailable, startRegistry } from '../harness/registry.js';

test('bcrypt matches the published vectors ($2a$ and $2b$ agree for ASCII)', () => {
  // From OpenBSD's and Openwall's crypt_blowfish test vectors.
  expect(bcrypt('U*U', '$2a$05$CCCCCCCCCCCCCCCCCCCCC.')).toBe(
    '$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW',
  );
  expect(bcrypt('', '$2a$06$DCq7YPn5Rq63x1Lad4cll.')).toBe(
    '$2a$06$DCq7YPn5Rq63x1Lad4cll.TV4S6ytwfsfvkgY8jIucDrjc8deX1s.',
  );
  const hash = bcryptHash('secret', 4);
  expect(hash).toMatch(/^\$2b\$04\$[./A-Za-z0-9]{53}$/);
  expect(bcrypt('secret', hash)).toBe(hash);
  expect(bcrypt('Secret', hash)).not.toBe(hash);
});

if (!registryAvailable()) {
  test.skip('docker-registry basic auth (skipped: apt-get install --no-install-recommends docker-registry)', () =>
    undefined);
} else {
  test('docker-registry accepts AWS with the password and nothing else', async () => {
    const registry = await startRegistry({ username: 'AWS', password: 'pa:ss' });
    try {
      expect(await registry.status('/v2/')).toBe(401);
      expect(await registry.status('/v2/', { username: 'AWS', password: 'pa:ss' })).toBe(200);
      expect(await registry.status('/v2/', { username: 'AWS', password: 'pa:sS' })).toBe(401);
      expect(await registry.status('/v2/', { username: 'aws', password: 'pa:ss' })).toBe(401);
    } finally {
      await registry.close();
    }
  });
}
