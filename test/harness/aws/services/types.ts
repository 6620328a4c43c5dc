/** What a service module provides to the server: its wire identity, its model and its operation handlers. */
import type { ServiceModel } from '../models/types.js';
import type { VerifiedIdentity } from '../sigv4.js';

/** Services the emulator speaks (codepipeline, codedeploy come later: add a module and a name). */
export type ServiceName =
  'codebuild' | 'codecommit' | 'codedeploy' | 'codepipeline' | 'ecr' | 'logs' | 's3' | 'ssm' | 'secretsmanager' | 'sts';

export interface OperationContext {
  requestId: string;
  identity: VerifiedIdentity;
  /** Epoch ms, from the emulator's clock. */
  now(): number;
  /** Aborted when the client goes away or the emulator closes. */
  signal: AbortSignal;
}

/** Writes frames of an event stream response (awsJson event streams, e.g. StartLiveTail). */
export interface EventStreamWriter {
  event(eventType: string, body: unknown): void;
  exception(exceptionType: string, body: unknown): void;
  end(): void;
  /** Aborted when the client disconnects or the emulator closes. */
  readonly signal: AbortSignal;
}

/** Returned by a handler whose output is an event stream: the server sends 200 and then runs `run`. */
export class EventStreamOutput {
  constructor(readonly run: (writer: EventStreamWriter) => void | Promise<void>) {}
}

export type OperationHandler = (input: unknown, ctx: OperationContext) => unknown;

/** Wraps a typed handler; the input has been validated against the model before it is called. */
export function op<I>(fn: (input: I, ctx: OperationContext) => unknown): OperationHandler {
  return (input, ctx) => fn(input as I, ctx);
}

interface ServiceBase {
  name: ServiceName;
  /** The SigV4 credential scope service, e.g. 'logs'. */
  signingName: string;
  model: ServiceModel;
  /** Error code of a model constraint violation (InvalidParameterException for Logs, ValidationException for SSM...). */
  validationErrorCode: string;
  /** The service's own throttling error (HTTP 400 unless `status` says otherwise, e.g. S3's 503 SlowDown). */
  throttling: { code: string; message: string; status?: number };
  operations: Record<string, OperationHandler>;
  /**
   * Checks the service runs before model validation, for services whose own errors take precedence over the generic
   * validation error (CodeCommit answers RepositoryNameRequiredException, not a "must not be null" violation).
   */
  checkInput?(operation: string, input: unknown): void;
}

export interface JsonService extends ServiceBase {
  protocol: 'awsJson1_1';
  /** X-Amz-Target prefix, e.g. 'Logs_20140328'. */
  targetPrefix: string;
}

export interface QueryService extends ServiceBase {
  protocol: 'awsQuery';
  apiVersion: string;
  xmlNamespace: string;
}

/** restXml (S3): operations are told apart by method, path and query (the model's `http` routes). */
export interface RestXmlService extends ServiceBase {
  protocol: 'restXml';
  xmlNamespace: string;
}

export type ServiceDefinition = JsonService | QueryService | RestXmlService;
