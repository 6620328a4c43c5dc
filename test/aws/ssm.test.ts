import { GetParametersCommand, SSMClient } from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import { GET_PARAMETERS_BATCH, getParameters, ParameterError } from '../../src/aws/ssm.js';
import { NO_CREDENTIALS } from '../../src/aws/errors.js';
import { FAKE_CREDENTIALS, noCredentials, serviceError } from './fake-aws.js';

const client = new SSMClient({ region: 'eu-west-1', credentials: FAKE_CREDENTIALS });
const ssm = mockClient(client);

beforeEach(() => ssm.reset());

/** Answers every GetParameters call with `/name` → `value-of-/name`, except names listed as missing. */
function answer(missing: readonly string[] = []) {
  ssm.on(GetParametersCommand).callsFake((input: { Names?: string[] }) => {
    const names = input.Names ?? [];
    return {
      Parameters: names
        .filter((n) => !missing.includes(n))
        .map((n) => ({ Name: n, Value: `value-of-${n}`, Type: 'SecureString' })),
      InvalidParameters: names.filter((n) => missing.includes(n)),
    };
  });
}

test('25 parameters: 3 calls of at most 10, all decrypted', async () => {
  answer();
  const names = Array.from({ length: 25 }, (_, i) => `/app/p${i}`);
  const values = await getParameters(client, names);
  expect(GET_PARAMETERS_BATCH).toBe(10);
  const calls = ssm.commandCalls(GetParametersCommand);
  expect(calls.map((c) => c.args[0].input.Names?.length)).toEqual([10, 10, 5]);
  expect(calls.every((c) => c.args[0].input.WithDecryption === true)).toBe(true);
  expect(calls.flatMap((c) => c.args[0].input.Names)).toEqual(names);
  expect(values.size).toBe(25);
  expect(values.get('/app/p24')).toBe('value-of-/app/p24');
});

test('duplicate names are fetched once; no names, no call', async () => {
  answer();
  await getParameters(client, ['/a', '/b', '/a']);
  expect(ssm.commandCalls(GetParametersCommand)[0]?.args[0].input.Names).toEqual(['/a', '/b']);
  ssm.resetHistory();
  expect((await getParameters(client, [])).size).toBe(0);
  expect(ssm.calls()).toHaveLength(0);
});

test('InvalidParameters: one ParameterError naming every missing parameter, across batches, with the region', async () => {
  const names = Array.from({ length: 12 }, (_, i) => `/p${i}`);
  answer(['/p1', '/p11']);
  const error = await getParameters(client, names).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ParameterError);
  expect(error).toMatchObject({ kind: 'missing', parameters: ['/p1', '/p11'], reason: 'not found in eu-west-1' });
  expect((error as Error).message).toBe('cannot read parameters "/p1", "/p11": not found in eu-west-1');
});

test('parameters asked for by ARN or with a version selector are matched', async () => {
  ssm.on(GetParametersCommand).resolves({
    Parameters: [
      { Name: '/a', Selector: ':3', Value: 'v3', ARN: 'arn:aws:ssm:eu-west-1:111122223333:parameter/a' },
      { Name: '/b', Value: 'b', ARN: 'arn:aws:ssm:eu-west-1:111122223333:parameter/b' },
    ],
  });
  const values = await getParameters(client, ['/a:3', 'arn:aws:ssm:eu-west-1:111122223333:parameter/b']);
  expect([...values]).toEqual([
    ['/a:3', 'v3'],
    ['arn:aws:ssm:eu-west-1:111122223333:parameter/b', 'b'],
  ]);
});

test('access denied on one parameter of a batch names that parameter and the permission', async () => {
  ssm
    .on(GetParametersCommand)
    .rejects(
      serviceError(
        'AccessDeniedException',
        'User: arn:aws:sts::111122223333:assumed-role/ci/s is not authorized to perform: ssm:GetParameters on resource: ' +
          'arn:aws:ssm:eu-west-1:111122223333:parameter/prod/db because no identity-based policy allows it',
      ),
    );
  const error = await getParameters(client, ['/prod/api', '/prod/db']).catch((e: unknown) => e);
  expect(error).toMatchObject({ kind: 'failed', parameters: ['/prod/db'] });
  expect((error as Error).message).toBe(
    'cannot read parameter "/prod/db": missing IAM permission ssm:GetParameters on arn:aws:ssm:eu-west-1:111122223333:parameter/prod/db',
  );
});

test('missing credentials: the whole batch, with the clear message', async () => {
  const bare = new SSMClient({ region: 'eu-west-1', endpoint: 'http://127.0.0.1:4599', credentials: noCredentials });
  const error = await getParameters(bare, ['/a', '/b']).catch((e: unknown) => e);
  expect(error).toMatchObject({ kind: 'failed', parameters: ['/a', '/b'], reason: NO_CREDENTIALS });
});

test('a bug is not dressed up as a user error', async () => {
  const bug = new TypeError('cannot read x of undefined');
  ssm.on(GetParametersCommand).rejects(bug);
  await expect(getParameters(client, ['/a'])).rejects.toBe(bug);
});
