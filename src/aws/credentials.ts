/**
 * Where a client's AWS credentials come from, worked out the way the SDK's default chain picks them (credentials given
 * to the client first; then AWS_PROFILE, else the environment's keys; then the shared files' default profile, an OIDC
 * web identity token, container metadata, instance metadata), so a failure can name the source and say what to fix.
 * Nothing here reads a secret: only variable names, profile names, file names and the role ARN are ever reported.
 */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';

export type CredentialSourceKind =
  'environment' | 'profile' | 'web-identity' | 'container' | 'instance' | 'given' | 'none';

export interface CredentialSource {
  readonly kind: CredentialSourceKind;
  /** "the environment variables AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY", "profile "dev" (AWS_PROFILE) in …". */
  readonly description: string;
  /** What to do when AWS does not know the key, finds the secret wrong, or finds the session token expired. */
  readonly fix: Readonly<Record<'unknown' | 'signature' | 'expired', string>>;
}

const IN_A_WORKFLOW = 'in a workflow: the secrets given to aws-actions/configure-aws-credentials';

/**
 * The source of the credentials a client configured from `env` (and optionally given `credentials`) signs with.
 * Keys given explicitly that are the environment's own (config.ts passes them on for an injected environment) are
 * the environment's.
 */
export function credentialSource(
  env: NodeJS.ProcessEnv,
  credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider,
): CredentialSource {
  const envKey = env.AWS_ACCESS_KEY_ID?.trim();
  const envSecret = env.AWS_SECRET_ACCESS_KEY?.trim();
  if (credentials !== undefined) {
    if (typeof credentials === 'object' && envKey && credentials.accessKeyId === envKey) return environment(env);
    return {
      kind: 'given',
      description: 'the credentials given to the client',
      fix: same(
        'check the access key ID, secret access key and session token given',
        'get fresh temporary credentials',
      ),
    };
  }
  const profile = env.AWS_PROFILE?.trim();
  if (profile) return profileSource(profile, env, 'AWS_PROFILE');
  if (envKey && envSecret) return environment(env);
  const fallback = findProfile('default', env);
  if (fallback !== undefined) return profileSource('default', env, undefined, fallback);
  const tokenFile = env.AWS_WEB_IDENTITY_TOKEN_FILE?.trim();
  const role = env.AWS_ROLE_ARN?.trim();
  if (tokenFile && role) {
    return {
      kind: 'web-identity',
      description: `OIDC web identity (AWS_ROLE_ARN ${role}, AWS_WEB_IDENTITY_TOKEN_FILE)`,
      fix: same(
        "check AWS_ROLE_ARN and that the role's trust policy accepts the token",
        'write a fresh token to AWS_WEB_IDENTITY_TOKEN_FILE',
      ),
    };
  }
  if (env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI?.trim() || env.AWS_CONTAINER_CREDENTIALS_FULL_URI?.trim()) {
    return {
      kind: 'container',
      description: 'container metadata (AWS_CONTAINER_CREDENTIALS_RELATIVE_URI/FULL_URI)',
      fix: same('check the role the container runs with (ECS task role, CodeBuild service role)', 'run again'),
    };
  }
  const imdsOff = env.AWS_EC2_METADATA_DISABLED?.trim();
  if (imdsOff && imdsOff.toLowerCase() !== 'false') {
    return {
      kind: 'none',
      description: 'no configured source',
      fix: same('set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or AWS_PROFILE', 'get fresh temporary credentials'),
    };
  }
  return {
    kind: 'instance',
    description: 'instance metadata (the EC2 instance profile)',
    fix: same("check this machine's instance profile role", 'run again'),
  };
}

function same(fix: string, expired: string): CredentialSource['fix'] {
  return { unknown: fix, signature: fix, expired };
}

function environment(env: NodeJS.ProcessEnv): CredentialSource {
  const token = env.AWS_SESSION_TOKEN?.trim() ? '/AWS_SESSION_TOKEN' : '';
  return {
    kind: 'environment',
    description: `the environment (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY${token})`,
    fix: {
      signature: `set AWS_SECRET_ACCESS_KEY to the key's secret (${IN_A_WORKFLOW})`,
      unknown: `set a valid AWS_ACCESS_KEY_ID; temporary keys (ASIA…) also need AWS_SESSION_TOKEN (${IN_A_WORKFLOW})`,
      expired: 'get fresh temporary credentials (in a workflow: aws-actions/configure-aws-credentials)',
    },
  };
}

interface FoundProfile {
  /** The file that defines the profile, as shown (~ for the home directory). */
  readonly file: string;
  readonly keys: ReadonlySet<string>;
}

function profileSource(
  name: string,
  env: NodeJS.ProcessEnv,
  variable?: string,
  found = findProfile(name, env),
): CredentialSource {
  const from = variable ? ` (${variable})` : '';
  const where = found ? ` in ${found.file}` : ' (not found in the shared config and credentials files)';
  const keys = found?.keys ?? new Set<string>();
  const option = name === 'default' ? '' : ` --profile ${name}`;
  let fix: CredentialSource['fix'];
  if (keys.has('sso_session') || keys.has('sso_start_url')) {
    fix = same(`sign in again: aws sso login${option}`, `sign in again: aws sso login${option}`);
  } else if (keys.has('role_arn')) {
    fix = same("check the profile's role_arn and its source profile's keys", "refresh the source profile's keys");
  } else if (keys.has('credential_process')) {
    fix = same("check what the profile's credential_process prints", "check the profile's credential_process");
  } else {
    fix = same(
      `set the profile's keys again (aws configure${option})`,
      'put fresh temporary credentials (and aws_session_token) in the profile',
    );
  }
  return { kind: 'profile', description: `profile "${name}"${from}${where}`, fix };
}

const CREDENTIAL_KEYS = [
  'aws_access_key_id',
  'role_arn',
  'sso_session',
  'sso_start_url',
  'credential_process',
  'web_identity_token_file',
];

/**
 * A profile of the shared credentials file ([name]) or config file ([profile name], [default]) that can supply
 * credentials (only the key names are kept).
 */
function findProfile(name: string, env: NodeJS.ProcessEnv): FoundProfile | undefined {
  const home = env.HOME?.trim() || env.USERPROFILE?.trim() || homedir();
  const credentialsFile = env.AWS_SHARED_CREDENTIALS_FILE?.trim() || path.join(home, '.aws', 'credentials');
  const configFile = env.AWS_CONFIG_FILE?.trim() || path.join(home, '.aws', 'config');
  const shown = (file: string) => (file.startsWith(home + path.sep) ? `~${file.slice(home.length)}` : file);
  const sections: Array<[string, string[]]> = [
    [credentialsFile, [name]],
    [configFile, name === 'default' ? ['default', 'profile default'] : [`profile ${name}`]],
  ];
  let first: FoundProfile | undefined;
  for (const [file, headers] of sections) {
    const keys = sectionKeys(file, headers);
    if (keys === undefined) continue;
    const found = { file: shown(file), keys };
    if (CREDENTIAL_KEYS.some((k) => keys.has(k))) return found;
    first ??= found;
  }
  // A named profile that exists without credential keys is still the source the SDK tries (and fails with).
  return name === 'default' ? undefined : first;
}

/** The key names of the first of `headers` found in an INI file; undefined when the file or section is absent. */
function sectionKeys(file: string, headers: readonly string[]): Set<string> | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  let current: string | undefined;
  let keys: Set<string> | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    const header = /^\[\s*([^\]]*?)\s*\]/.exec(line);
    if (header) {
      if (keys !== undefined) return keys;
      current = (header[1] ?? '').replace(/\s+/g, ' ');
      if (headers.includes(current)) keys = new Set();
      continue;
    }
    const key = /^([A-Za-z0-9_.-]+)\s*=/.exec(line);
    if (keys !== undefined && key?.[1]) keys.add(key[1].toLowerCase());
  }
  return keys;
}
