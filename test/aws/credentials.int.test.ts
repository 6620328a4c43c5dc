/**
 * Where credentials come from (the SDK's default chain, worked out from an environment and the shared files), and
 * what a failure says about each source: AWS refusing the credentials never reads as a missing permission, never
 * shows the service's message (a signature mismatch carries the canonical request and string to sign) nor a secret.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GetParametersCommand } from '@aws-sdk/client-ssm';
import { CredentialsProviderError } from '@smithy/core/config';
import nock from 'nock';
import { codeBuildError } from '../../src/aws/codebuild.js';
import { codeDeployError } from '../../src/aws/codedeploy.js';
import { codePipelineError } from '../../src/aws/codepipeline.js';
import { credentialSource } from '../../src/aws/credentials.js';
import { ecrError } from '../../src/aws/ecr.js';
import {
  credentialRejection,
  describeAwsError,
  isAccessDenied,
  NO_CREDENTIALS,
  noteCredentialSource,
  toUserError,
} from '../../src/aws/errors.js';
import { s3Error } from '../../src/aws/s3.js';
import { createSsmClient } from '../../src/aws/ssm.js';
import { createLogsClient, logsApi } from '../../src/aws/logs.js';
import { describeError, UserError } from '../../src/core/errors.js';
import { FAKE_ENDPOINT, JSON_11, serviceError, useNock } from './fake-aws.js';

useNock();

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY';
const TOKEN = 'IQoJb3JpZ2luX2VjEXAMPLETOKEN';
/** What AWS says for a wrong secret: the canonical request and the string to sign, many lines of them. */
const MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key ' +
  "and signing method.\n\nThe Canonical String for this request should have been\n'POST\n/\n\nhost:x\n'\n\n" +
  "The String-to-Sign should have been\n'AWS4-HMAC-SHA256\n20260101T000000Z\n20260101/us-east-1/ssm/aws4_request\nabc'\n";

const home = mkdtempSync(path.join(tmpdir(), 'aws-cicd-credentials-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

/** A HOME with these shared files (~/.aws/credentials, ~/.aws/config). */
function homeWith(files: { credentials?: string; config?: string }): string {
  const dir = mkdtempSync(path.join(home, 'home-'));
  mkdirSync(path.join(dir, '.aws'));
  if (files.credentials !== undefined) writeFileSync(path.join(dir, '.aws', 'credentials'), files.credentials);
  if (files.config !== undefined) writeFileSync(path.join(dir, '.aws', 'config'), files.config);
  return dir;
}

describe('credentialSource: the SDK default chain, from the environment and the shared files', () => {
  const keys = { AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE', AWS_SECRET_ACCESS_KEY: SECRET };
  const empty = homeWith({});

  test.each<[string, () => NodeJS.ProcessEnv, string, RegExp]>([
    [
      'environment keys',
      () => ({ HOME: empty, ...keys }),
      'environment',
      /^the environment \(AWS_ACCESS_KEY_ID\/AWS_SECRET_ACCESS_KEY\)$/,
    ],
    [
      'environment keys with a session token',
      () => ({ HOME: empty, ...keys, AWS_SESSION_TOKEN: TOKEN }),
      'environment',
      /AWS_SECRET_ACCESS_KEY\/AWS_SESSION_TOKEN\)$/,
    ],
    [
      'AWS_PROFILE wins over environment keys (as the SDK does)',
      () => ({
        HOME: homeWith({
          credentials: `[default]\naws_access_key_id = A\n\n[dev]\naws_access_key_id = B\naws_secret_access_key = ${SECRET}\n`,
        }),
        ...keys,
        AWS_PROFILE: 'dev',
      }),
      'profile',
      /^profile "dev" \(AWS_PROFILE\) in ~\/\.aws\/credentials$/,
    ],
    [
      'an SSO profile of the config file',
      () => ({
        HOME: homeWith({ config: '[profile sso-dev]\nsso_session = corp\nsso_account_id = 111122223333\n' }),
        AWS_PROFILE: 'sso-dev',
      }),
      'profile',
      /^profile "sso-dev" \(AWS_PROFILE\) in ~\/\.aws\/config$/,
    ],
    [
      'AWS_PROFILE naming a profile no file has',
      () => ({ HOME: empty, AWS_PROFILE: 'ghost' }),
      'profile',
      /^profile "ghost" \(AWS_PROFILE\) \(not found in the shared config and credentials files\)$/,
    ],
    [
      'the default profile of the files when nothing else is set',
      () => ({ HOME: homeWith({ credentials: `[default]\naws_access_key_id=A\naws_secret_access_key=${SECRET}\n` }) }),
      'profile',
      /^profile "default" in ~\/\.aws\/credentials$/,
    ],
    [
      'AWS_SHARED_CREDENTIALS_FILE elsewhere',
      () => {
        const file = path.join(homeWith({}), 'creds.ini');
        writeFileSync(file, `[default]\naws_access_key_id=A\naws_secret_access_key=${SECRET}\n`);
        return { HOME: empty, AWS_SHARED_CREDENTIALS_FILE: file };
      },
      'profile',
      /^profile "default" in \/.*creds\.ini$/,
    ],
    [
      'a config [default] with only a region is not a source',
      () => ({
        HOME: homeWith({ config: '[default]\nregion = eu-west-1\n' }),
        AWS_WEB_IDENTITY_TOKEN_FILE: '/var/run/token',
        AWS_ROLE_ARN: 'arn:aws:iam::111122223333:role/ci',
      }),
      'web-identity',
      /^OIDC web identity \(AWS_ROLE_ARN arn:aws:iam::111122223333:role\/ci, AWS_WEB_IDENTITY_TOKEN_FILE\)$/,
    ],
    [
      'container metadata',
      () => ({ HOME: empty, AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: '/v2/credentials/x' }),
      'container',
      /^container metadata/,
    ],
    ['instance metadata', () => ({ HOME: empty }), 'instance', /^instance metadata/],
    [
      'nothing (instance metadata disabled)',
      () => ({ HOME: empty, AWS_EC2_METADATA_DISABLED: 'true' }),
      'none',
      /^no configured source$/,
    ],
  ])('%s', (_, env, kind, description) => {
    const source = credentialSource(env());
    expect(source.kind).toBe(kind);
    expect(source.description).toMatch(description);
    expect(JSON.stringify(source)).not.toContain(SECRET);
  });

  test('keys given to the client: the environment when they are its keys, else "given"', () => {
    const env = { HOME: empty, ...keys };
    expect(credentialSource(env, { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: SECRET }).kind).toBe('environment');
    expect(credentialSource(env, { accessKeyId: 'AKIAOTHER', secretAccessKey: 'x' }).kind).toBe('given');
    expect(credentialSource({ HOME: empty }, async () => ({ accessKeyId: 'a', secretAccessKey: 'b' })).kind).toBe(
      'given',
    );
  });

  test("what to do depends on the profile's kind", () => {
    const sso = credentialSource({
      HOME: homeWith({ config: '[profile p]\nsso_start_url = https://x\n' }),
      AWS_PROFILE: 'p',
    });
    expect(sso.fix.signature).toBe('sign in again: aws sso login --profile p');
    const role = credentialSource({
      HOME: homeWith({ config: '[profile r]\nrole_arn = arn:aws:iam::1:role/x\nsource_profile = default\n' }),
      AWS_PROFILE: 'r',
    });
    expect(role.fix.unknown).toMatch(/role_arn/);
    const keysProfile = credentialSource({
      HOME: homeWith({ credentials: '[k]\naws_access_key_id = A\n' }),
      AWS_PROFILE: 'k',
    });
    expect(keysProfile.fix.signature).toBe("set the profile's keys again (aws configure --profile k)");
  });
});

/** The codes of AWS's common errors (and botocore's / the SDK's clock-skew and expired-token lists). */
const REJECTIONS: Array<[string, number, string, string]> = [
  ['InvalidSignatureException', 403, MISMATCH, 'the secret access key does not match the access key ID'],
  ['SignatureDoesNotMatch', 403, MISMATCH, 'the secret access key does not match the access key ID'],
  ['IncompleteSignature', 400, 'Authorization header requires Signature', 'signature is incomplete'],
  ['IncompleteSignatureException', 400, 'Authorization header requires Signature', 'signature is incomplete'],
  ['UnrecognizedClientException', 403, 'The security token included in the request is invalid.', 'AWS does not know'],
  ['InvalidClientTokenId', 403, 'The security token included in the request is invalid.', 'AWS does not know'],
  ['InvalidAccessKeyId', 403, 'The AWS Access Key Id you provided does not exist in our records.', 'AWS does not know'],
  ['AuthFailure', 401, 'AWS was not able to validate the provided access credentials', 'AWS does not know'],
  ['MissingAuthenticationToken', 403, 'Request is missing Authentication Token', 'AWS does not know'],
  ['ExpiredToken', 400, 'The security token included in the request is expired', 'the session token has expired'],
  ['ExpiredTokenException', 400, 'The security token included in the request is expired', 'has expired'],
  ['TokenRefreshRequired', 400, 'The provided token must be refreshed.', 'the session token has expired'],
  ['RequestExpired', 400, 'Request has expired.', "away from AWS's clock"],
  ['RequestTimeTooSkewed', 403, 'The difference between the request time and the current time is too large.', 'clock'],
  ['RequestInTheFuture', 400, 'Request is in the future', "away from AWS's clock"],
  ['InvalidSignatureException', 403, 'Signature expired: 20260101T000000Z is now earlier than …', "AWS's clock"],
  ['InvalidSignatureException', 403, 'Credential should be scoped to a valid region. ', 'signed for another region'],
];

describe('AWS refusing the credentials', () => {
  const env = {
    HOME: homeWith({}),
    AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE',
    AWS_SECRET_ACCESS_KEY: SECRET,
  };

  test.each(REJECTIONS)(
    '%s (HTTP %d): one line, the source, what to do; not a missing permission',
    (name, status, message, problem) => {
      const error = serviceError(name, message, status);
      noteCredentialSource(error, credentialSource(env));
      expect(credentialRejection(error)).toBeDefined();
      expect(isAccessDenied(error)).toBe(false);
      const text = describeAwsError(error);
      expect(text).toMatch(
        /^AWS rejected the credentials from the environment \(AWS_ACCESS_KEY_ID\/AWS_SECRET_ACCESS_KEY\): /,
      );
      expect(text).toContain(problem);
      expect(text).toContain(`(${name})`);
      expect(text).not.toMatch(/\n|Canonical|String-to-Sign|AWS4-HMAC|missing IAM permission/);
      expect(text).not.toContain(SECRET);
      // Every service's own mapping says the same (each used to call a 403 a missing permission).
      for (const mapped of [
        codeBuildError(error, 'StartBuild', 'app'),
        ecrError(error, 'GetAuthorizationToken', 'the registry'),
        codeDeployError(error, 'GetDeployment', 'd-1'),
        codePipelineError(error, 'GetPipeline', 'p'),
        s3Error(error, 'b', 'k'),
        toUserError(error, 'cannot read parameter "/a"'),
      ]) {
        expect(describeError(mapped)).toContain(text);
        expect(describeError(mapped)).not.toMatch(/missing IAM permission|Canonical/);
      }
    },
  );

  test('without a recorded source: still a rejection, with general advice', () => {
    expect(describeAwsError(serviceError('InvalidSignatureException', MISMATCH, 403))).toBe(
      'AWS rejected the credentials: the secret access key does not match the access key ID ' +
        '(InvalidSignatureException); check the access key ID, secret access key and session token',
    );
  });

  test('a configured source that cannot hand out credentials says so (not "no credentials found")', () => {
    const source = credentialSource({
      HOME: homeWith({ config: '[profile p]\nsso_session = corp\n' }),
      AWS_PROFILE: 'p',
    });
    const error = new CredentialsProviderError(
      'The SSO session associated with this profile has expired. To refresh this SSO session run aws sso login ' +
        'with the corresponding profile.\nmore detail',
      { tryNextLink: false },
    );
    noteCredentialSource(error, source);
    expect(describeAwsError(error)).toBe(
      'cannot get AWS credentials from profile "p" (AWS_PROFILE) in ~/.aws/config: The SSO session associated with ' +
        'this profile has expired. To refresh this SSO session run aws sso login with the corresponding profile; ' +
        'sign in again: aws sso login --profile p',
    );
    const none = new CredentialsProviderError('Could not load credentials from any providers', { tryNextLink: false });
    noteCredentialSource(none, source);
    expect(describeAwsError(none)).toBe(NO_CREDENTIALS);
  });

  test('access denied stays a missing permission', () => {
    const denied = serviceError(
      'AccessDeniedException',
      'User: x is not authorized to perform: codebuild:StartBuild',
      400,
    );
    expect(credentialRejection(denied)).toBeUndefined();
    expect(describeAwsError(denied)).toBe('missing IAM permission codebuild:StartBuild');
  });

  test('CloudWatch Logs: an expired session token is a UserError at once (not retried as a log read failure)', async () => {
    const scope = nock(FAKE_ENDPOINT)
      .post('/')
      .reply(
        400,
        { __type: 'ExpiredTokenException', message: 'The security token included in the request is expired' },
        JSON_11,
      );
    const client = createLogsClient({
      region: 'us-east-1',
      env: {
        HOME: homeWith({}),
        AWS_ENDPOINT_URL: FAKE_ENDPOINT,
        AWS_ACCESS_KEY_ID: 'ASIAEXAMPLE',
        AWS_SECRET_ACCESS_KEY: SECRET,
        AWS_SESSION_TOKEN: TOKEN,
      },
      maxAttempts: 1,
    });
    const error = await logsApi(client)
      .getLogEvents({ group: '/aws/codebuild/app', stream: 's' }, {})
      .catch((e: unknown) => e);
    client.destroy();
    expect(scope.isDone()).toBe(true);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toBe(
      'GetLogEvents /aws/codebuild/app s: AWS rejected the credentials from the environment ' +
        '(AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY/AWS_SESSION_TOKEN): the session token has expired ' +
        '(ExpiredTokenException); get fresh temporary credentials (in a workflow: aws-actions/configure-aws-credentials)',
    );
  });

  test('a real client records its source: a profile named by AWS_PROFILE, refused by the service', async () => {
    const profileHome = homeWith({
      credentials: `[ci]\naws_access_key_id = AKIAPROFILE\naws_secret_access_key = ${SECRET}\n`,
    });
    const scope = nock(FAKE_ENDPOINT)
      .post('/')
      .reply(
        400,
        { __type: 'UnrecognizedClientException', message: 'The security token included in the request is invalid.' },
        JSON_11,
      );
    // The SDK's chain reads process.env and the files under its HOME: point them at the profile for this call.
    const saved = { ...process.env };
    for (const k of Object.keys(process.env)) if (k.startsWith('AWS_')) delete process.env[k];
    Object.assign(process.env, { HOME: profileHome, AWS_PROFILE: 'ci', AWS_EC2_METADATA_DISABLED: 'true' });
    let error: unknown;
    try {
      const client = createSsmClient({
        region: 'us-east-1',
        env: { ...process.env, AWS_ENDPOINT_URL: FAKE_ENDPOINT },
        maxAttempts: 1,
      });
      error = await client.send(new GetParametersCommand({ Names: ['/a'] })).catch((e: unknown) => e);
      client.destroy();
    } finally {
      for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
      Object.assign(process.env, saved);
    }
    expect(scope.isDone()).toBe(true);
    expect(describeAwsError(error)).toBe(
      'AWS rejected the credentials from profile "ci" (AWS_PROFILE) in ~/.aws/credentials: AWS does not know the ' +
        "access key ID or session token (UnrecognizedClientException); set the profile's keys again (aws configure --profile ci)",
    );
  });
});
