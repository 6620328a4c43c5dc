import { withResource } from '../../src/core/resource.js';

function resource() {
  return {
    disposed: 0,
    dispose() {
      this.disposed++;
    },
  };
}

test('a resource it opens is disposed once use settles, even when use throws', async () => {
  const opened = resource();
  await expect(
    withResource(
      undefined,
      async () => opened,
      async (r) => r === opened,
    ),
  ).resolves.toBe(true);
  expect(opened.disposed).toBe(1);
  const failing = resource();
  await expect(
    withResource(
      undefined,
      async () => failing,
      async () => {
        throw new Error('boom');
      },
    ),
  ).rejects.toThrow('boom');
  expect(failing.disposed).toBe(1);
});

test('a resource it is given is used and left open; open is not called', async () => {
  const given = resource();
  let opened = 0;
  const open = async () => {
    opened++;
    return resource();
  };
  await withResource(given, open, async (r) => expect(r).toBe(given));
  expect(opened).toBe(0);
  expect(given.disposed).toBe(0);
});
