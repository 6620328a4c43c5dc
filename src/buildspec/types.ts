/**
 * The parsed, validated model of a buildspec file. Produced once by parseBuildspec (parse.ts) and consumed as
 * is by the runner, the build action and the emulator: nothing parses a buildspec a second time.
 *
 * Every scalar is kept as its YAML source text (CodeBuild's Go agent reads scalars as text:
 * `python: 3.10` is "3.10", `FLAG: yes` is "yes"); booleans of yes/no settings are decoded to boolean.
 */

import type { Finding, Position } from '../core/findings.js';

export type { Finding, Position, Severity } from '../core/findings.js';

export const PHASE_NAMES = ['install', 'pre_build', 'build', 'post_build'] as const;
export type PhaseName = (typeof PHASE_NAMES)[number];

/** One command of a phase: a list item, or a whole block scalar (runs as one script). */
export interface Command {
  readonly text: string;
  readonly pos: Position;
}

/**
 * on-failure of a phase. RETRY: retry up to `count` more times (default 3), only when the error message matches
 * `pattern` if one is given. `pattern` is Go regexp (RE2) syntax as written; compileRe2 (re2.ts) turns it into a
 * JavaScript RegExp with the same meaning.
 */
export type OnFailure =
  | { readonly kind: 'ABORT' }
  | { readonly kind: 'CONTINUE' }
  | { readonly kind: 'RETRY'; readonly count: number; readonly pattern?: string };

export interface Phase {
  readonly name: PhaseName;
  readonly runAs?: string;
  readonly onFailure?: OnFailure;
  /** install only; runtime name → version text (e.g. nodejs → "20", python → "3.10"). */
  readonly runtimeVersions?: ReadonlyArray<NamedValue>;
  readonly commands: readonly Command[];
  readonly finally: readonly Command[];
  readonly pos: Position;
}

export interface NamedValue {
  readonly name: string;
  readonly value: string;
  readonly pos: Position;
}

/** A parsed Secrets Manager reference `secret-id[:json-key[:version-stage[:version-id]]]`. */
export interface SecretReference {
  /** Name or full ARN. */
  readonly secretId: string;
  readonly jsonKey?: string;
  readonly versionStage?: string;
  readonly versionId?: string;
}

export interface SecretVariable extends NamedValue {
  readonly reference: SecretReference;
}

export interface EnvSpec {
  /** `env.shell` text as written (bash, /bin/sh, powershell.exe, cmd.exe, or a path); absent → sh. */
  readonly shell?: string;
  /** Plain-text variables in file order; values literal, null written as "". */
  readonly variables: readonly NamedValue[];
  /** name → SSM parameter name. */
  readonly parameterStore: readonly NamedValue[];
  /** name → Secrets Manager reference (value is the reference text). */
  readonly secretsManager: readonly SecretVariable[];
  readonly exportedVariables: readonly string[];
  readonly gitCredentialHelper: boolean;
}

export interface ArtifactSpec {
  /** Path globs as written (variables are expanded at build time). */
  readonly files: readonly string[];
  readonly name?: string;
  readonly discardPaths: boolean;
  readonly baseDirectory?: string;
  readonly excludePaths: readonly string[];
  readonly enableSymlinks: boolean;
  readonly s3Prefix?: string;
}

export interface SecondaryArtifact extends ArtifactSpec {
  readonly identifier: string;
}

export interface ArtifactsSpec extends ArtifactSpec {
  readonly secondary: readonly SecondaryArtifact[];
}

export const TEST_REPORT_FORMATS = [
  'CUCUMBERJSON',
  'JUNITXML',
  'NUNITXML',
  'NUNIT3XML',
  'TESTNGXML',
  'VISUALSTUDIOTRX',
] as const;
export const COVERAGE_REPORT_FORMATS = ['CLOVERXML', 'COBERTURAXML', 'JACOCOXML', 'SIMPLECOV'] as const;
export type TestReportFormat = (typeof TEST_REPORT_FORMATS)[number];
export type CoverageReportFormat = (typeof COVERAGE_REPORT_FORMATS)[number];
export type ReportFormat = TestReportFormat | CoverageReportFormat;

export interface ReportGroupSpec {
  /** The key: a report group name or ARN. */
  readonly name: string;
  readonly files: readonly string[];
  readonly baseDirectory?: string;
  readonly discardPaths: boolean;
  /** Upper-cased; default JUNITXML. */
  readonly fileFormat: ReportFormat;
}

export interface CacheSpec {
  readonly paths: readonly string[];
  readonly key?: string;
  readonly fallbackKeys: readonly string[];
  /** Absent: restore and save. */
  readonly action?: 'restore' | 'save';
}

export interface ProxySpec {
  readonly uploadArtifacts: boolean;
  readonly logs: boolean;
}

export interface BatchTaskEnv {
  readonly computeType?: string;
  readonly image?: string;
  readonly privilegedMode?: boolean;
  readonly type?: string;
  readonly variables: readonly NamedValue[];
}

export interface BatchTask {
  readonly identifier: string;
  /** Path of the task's buildspec, relative to the source root; absent → this file. */
  readonly buildspec?: string;
  readonly debugSession: boolean;
  readonly env: BatchTaskEnv;
  readonly ignoreFailure: boolean;
  /** build-graph only. */
  readonly dependOn: readonly string[];
  readonly pos: Position;
}

export interface BuildMatrix {
  readonly static: {
    readonly ignoreFailure: boolean;
    readonly env: {
      readonly privilegedMode?: boolean;
      readonly type?: string;
      readonly computeType?: string;
      readonly image?: string;
    };
  };
  readonly dynamic: {
    readonly buildspec: readonly string[];
    readonly computeType: readonly string[];
    readonly image: readonly string[];
    /** name → list of values. */
    readonly variables: ReadonlyArray<{ readonly name: string; readonly values: readonly string[] }>;
  };
}

export type BatchSpec =
  | { readonly kind: 'build-list'; readonly fastFail: boolean; readonly tasks: readonly BatchTask[] }
  | { readonly kind: 'build-graph'; readonly fastFail: boolean; readonly tasks: readonly BatchTask[] }
  | { readonly kind: 'build-matrix'; readonly fastFail: boolean; readonly matrix: BuildMatrix }
  | {
      readonly kind: 'build-fanout';
      readonly fastFail: boolean;
      readonly parallelism: number;
      readonly ignoreFailure: boolean;
    };

export interface Buildspec {
  /** File name used in findings (as given by the caller). */
  readonly file: string;
  readonly version: '0.1' | '0.2';
  readonly runAs?: string;
  readonly env: EnvSpec;
  readonly proxy: ProxySpec;
  /** Present phases in execution order (install, pre_build, build, post_build), whatever the file order. */
  readonly phases: readonly Phase[];
  readonly artifacts?: ArtifactsSpec;
  readonly reports: readonly ReportGroupSpec[];
  readonly cache?: CacheSpec;
  readonly batch?: BatchSpec;
}

export interface BuildspecResult {
  /** The model; present when the file has no errors (warnings allowed). */
  readonly buildspec?: Buildspec;
  /** Errors and warnings sorted by line, then column. */
  readonly findings: readonly Finding[];
}
