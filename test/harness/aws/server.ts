/**
 * "Our AWS": a local endpoint that speaks AWS's wire protocols to the real SDK v3 clients and the real AWS CLI.
 *
 * One TCP port serves HTTP/1.1 and cleartext HTTP/2 (prior knowledge): the first bytes of each connection are sniffed
 * for the HTTP/2 preface `PRI * HTTP/2.0` and the socket is handed to a node:http2 or a node:http server.
 *
 * Every request goes: route (X-Amz-Target prefix / credential-scope service / Action) → fault injection (latency,
 * reset before) → SigV4 verification → operation lookup → throttling → model validation → handler → response
 * (or reset after). See README-style notes in each module.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import http2 from 'node:http2';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import type { BuildExecutor } from './codebuild/executor.js';
import { ScriptedExecutor } from './codebuild/executor.js';
import type { DeploymentAgent } from './codedeploy/agent.js';
import { LocalAgent } from './codedeploy/local-agent.js';
import { AwsError, notEmulated } from './errors.js';
import { jsonEvent, jsonException } from './eventstream.js';
import { FaultController } from './faults.js';
import type { FaultOptions } from './faults.js';
import type { HttpRequest, HttpResponse } from './protocols/http.js';
import { headerValue } from './protocols/http.js';
import { jsonError, jsonProtocol, targetOf } from './protocols/json.js';
import type { WireProtocol } from './protocols/protocol.js';
import { queryProtocol } from './protocols/query.js';
import { restXmlProtocol } from './protocols/restxml.js';
import { CodeBuildStore, createCodeBuildService } from './services/codebuild.js';
import { createCodeCommitService } from './services/codecommit.js';
import { CodeCommitStore } from './services/codecommit-store.js';
import { CodeDeployStore, createCodeDeployService } from './services/codedeploy.js';
import { createCodePipelineService } from './services/codepipeline.js';
import { CodePipelineStore } from './services/codepipeline-store.js';
import { createEcrService } from './services/ecr.js';
import { EcrStore } from './services/ecr-store.js';
import { createLogsService } from './services/logs.js';
import { createS3Service, S3Store } from './services/s3.js';
import { LogsStore } from './services/logs-store.js';
import { createSecretsManagerService, SecretsStore } from './services/secretsmanager.js';
import { createSsmService, SsmStore } from './services/ssm.js';
import { createStsService } from './services/sts.js';
import type { CallerIdentity } from './services/sts.js';
import { EventStreamOutput } from './services/types.js';
import type { OperationContext, ServiceDefinition, ServiceName } from './services/types.js';
import { AuthFailure, verifySigV4 } from './sigv4.js';
import { sleep } from './util.js';
import { validateInput } from './validate.js';

export interface EmulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** The one region this endpoint serves; requests signed for another are rejected like AWS does. Default us-east-1. */
  region?: string;
  /** Default 000000000000. */
  accountId?: string;
  /** accessKeyId → secretAccessKey. Default { test: 'test' }. Any session token is accepted. */
  credentials?: Record<string, string>;
  /** GetCallerIdentity answers per access key; others are the account root. */
  identities?: Record<string, CallerIdentity>;
  faults?: FaultOptions;
  /** Runs CodeBuild builds. Default: a ScriptedExecutor whose builds succeed. */
  buildExecutor?: BuildExecutor;
  /** Active CodeBuild builds allowed in the account (AccountLimitExceededException beyond). Default 60. */
  accountConcurrentBuildLimit?: number;
  /** Runs CodeDeploy lifecycle events on instances. Default: a LocalAgent (really runs the appspec's scripts). */
  deployAgent?: DeploymentAgent;
  /** Live Tail cadence and lifetime (AWS: 1 s, 3 h). */
  liveTail?: { updateIntervalMs?: number; sessionTimeoutMs?: number };
  /** The emulator's clock (epoch ms). Default Date.now. Signature skew is checked against it. */
  now?: () => number;
  /** Called for every answered request (for debugging tests). */
  onRequest?: (entry: RequestLogEntry) => void;
}

export interface RequestLogEntry {
  service?: ServiceName;
  operation?: string;
  status: number | 'reset';
  errorCode?: string;
  httpVersion: '1.1' | '2';
}

/** Service data, for tests to seed and inspect. */
export interface EmulatorState {
  readonly region: string;
  readonly accountId: string;
  readonly logs: LogsStore;
  readonly ssm: SsmStore;
  readonly secrets: SecretsStore;
  readonly codebuild: CodeBuildStore;
  readonly codecommit: CodeCommitStore;
  readonly ecr: EcrStore;
  readonly codepipeline: CodePipelineStore;
  readonly s3: S3Store;
  readonly codedeploy: CodeDeployStore;
}

export interface Emulator {
  /** e.g. http://127.0.0.1:4566 */
  readonly url: string;
  readonly port: number;
  readonly region: string;
  readonly accountId: string;
  readonly state: EmulatorState;
  /** Fault injection, changeable while running. */
  readonly faults: FaultController;
  /** accessKeyId → secret; add keys at run time. */
  readonly credentials: Map<string, string>;
  /** Stops builds and Live Tail sessions, destroys every connection, closes the port. */
  close(): Promise<void>;
}

const MAX_BODY = 32 * 1024 * 1024;
const H2_PREFACE = 'PRI * HTTP/2.0';

/** The response channel of one request, whatever the HTTP version. */
interface Exchange {
  httpVersion: '1.1' | '2';
  send(res: HttpResponse): void;
  /** Starts a streamed 200 response; returns a writer. */
  stream(headers: Record<string, string>): { write(chunk: Buffer): void; end(): void };
  /** Drops the connection without answering (connection reset). */
  reset(): void;
  /** Aborted when the client goes away. */
  signal: AbortSignal;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const region = options.region ?? 'us-east-1';
  const accountId = options.accountId ?? '000000000000';
  const now = options.now ?? Date.now;
  const credentials = new Map(Object.entries(options.credentials ?? { test: 'test' }));
  const faults = new FaultController(options.faults);
  const closing = new AbortController();

  const logs = new LogsStore(region, accountId, now, () => faults.effective('logs').ingestionDelayMs);
  const ssm = new SsmStore(region, accountId, now);
  const secrets = new SecretsStore(region, accountId, now);
  const codebuild = new CodeBuildStore({ region, accountId, now });
  const codecommit = new CodeCommitStore(region, accountId, now);
  const ecr = new EcrStore(region, accountId, now);
  const s3 = new S3Store(region, accountId, now);
  const codedeploy = new CodeDeployStore({
    region,
    accountId,
    now,
    s3,
    agent: options.deployAgent ?? new LocalAgent(),
  });
  const codepipeline = new CodePipelineStore({ region, accountId, now, codecommit, codebuild, codedeploy });
  const state: EmulatorState = {
    region,
    accountId,
    logs,
    ssm,
    secrets,
    codebuild,
    codecommit,
    ecr,
    s3,
    codedeploy,
    codepipeline,
  };

  const services: ServiceDefinition[] = [
    createCodeBuildService(
      codebuild,
      {
        executor: options.buildExecutor ?? new ScriptedExecutor(),
        logs,
        ssm,
        secrets,
        now,
        region,
        accountId,
        codecommit,
        s3,
      },
      { region, accountId, accountConcurrentBuildLimit: options.accountConcurrentBuildLimit },
    ),
    createCodeCommitService(codecommit),
    createEcrService(ecr),
    createLogsService(logs, {
      liveTailUpdateIntervalMs: options.liveTail?.updateIntervalMs,
      liveTailSessionTimeoutMs: options.liveTail?.sessionTimeoutMs,
    }),
    createSsmService(ssm),
    createSecretsManagerService(secrets),
    createStsService({ accountId, identities: options.identities }),
    createS3Service(s3),
    createCodeDeployService(codedeploy),
    createCodePipelineService(codepipeline, {
      callerArn: (key) => options.identities?.[key]?.arn ?? `arn:aws:iam::${accountId}:root`,
    }),
  ];
  const protocols = new Map<ServiceDefinition, WireProtocol>(
    services.map((s) => [
      s,
      s.protocol === 'awsJson1_1' ? jsonProtocol(s) : s.protocol === 'awsQuery' ? queryProtocol(s) : restXmlProtocol(s),
    ]),
  );

  const route = (req: HttpRequest): ServiceDefinition | undefined => {
    const target = targetOf(req);
    if (target) return services.find((s) => s.protocol === 'awsJson1_1' && s.targetPrefix === target.prefix);
    const auth = headerValue(req, 'authorization') ?? '';
    const scope =
      /Credential=[^/]+\/\d{8}\/[^/]+\/([^/]+)\//.exec(auth)?.[1] ??
      /(?:^|&)X-Amz-Credential=[^&%]+(?:%2F|\/)\d{8}(?:%2F|\/)[^&%/]+(?:%2F|\/)([^&%/]+)(?:%2F|\/)/i.exec(
        req.query,
      )?.[1];
    if (scope) return services.find((s) => s.signingName === scope && s.protocol !== 'awsJson1_1');
    const form = req.body.toString('utf8');
    const action = /(?:^|&)Action=([^&]+)/.exec(form)?.[1] ?? /(?:^|&)Action=([^&]+)/.exec(req.query)?.[1];
    if (action) return services.find((s) => s.protocol === 'awsQuery' && s.model.operations.includes(action));
    // Anything else is an S3 REST request (anonymous ones are refused by S3 itself: AccessDenied).
    return services.find((s) => s.protocol === 'restXml');
  };

  const handle = async (req: HttpRequest, ex: Exchange): Promise<void> => {
    const requestId = randomUUID();
    const service = route(req);
    const log = (status: number | 'reset', operation?: string, errorCode?: string) =>
      options.onRequest?.({ service: service?.name, operation, status, errorCode, httpVersion: ex.httpVersion });
    if (!service) {
      const err = new AwsError('UnknownOperationException', undefined);
      log(400, undefined, err.code);
      return ex.send(jsonError(err, requestId));
    }
    const protocol = protocols.get(service) as WireProtocol;
    const decision = faults.decide(service.name);
    if (decision.latencyMs > 0) await sleep(decision.latencyMs, closing.signal);
    if (decision.reset === 'before') {
      log('reset');
      return ex.reset();
    }
    let operation: string | undefined;
    let response: HttpResponse | undefined;
    try {
      let identity;
      try {
        identity = verifySigV4(req, {
          credentials,
          service: service.signingName,
          region,
          now: now(),
          s3: service.protocol === 'restXml',
        });
      } catch (e) {
        if (e instanceof AuthFailure) throw protocol.authError(e);
        throw e;
      }
      const decoded = protocol.decode(req, identity);
      operation = decoded.operation;
      if (!service.model.operations.includes(operation)) throw protocol.unknownOperation(operation);
      const handler = service.operations[operation];
      if (!handler) throw notEmulated(`${service.name} ${operation}`);
      if (decision.throttle) {
        throw new AwsError(service.throttling.code, service.throttling.message, service.throttling.status ?? 400);
      }
      service.checkInput?.(operation, decoded.input);
      validateInput(service.model, operation, decoded.input, service.validationErrorCode);
      const ctx: OperationContext = { requestId, identity, now, signal: AbortSignal.any([ex.signal, closing.signal]) };
      const output = await handler(decoded.input, ctx);
      if (decision.reset === 'after') {
        log('reset', operation);
        return ex.reset();
      }
      if (output instanceof EventStreamOutput) {
        log(200, operation);
        return await streamEvents(output, ex, requestId, ctx.signal);
      }
      response = protocol.success(output, operation, requestId);
    } catch (e) {
      const err =
        e instanceof AwsError
          ? e
          : new AwsError('InternalFailure', `emulator error: ${(e as Error).stack ?? String(e)}`, 500);
      response = protocol.error(err, requestId);
      log(err.status, operation, err.code);
      return ex.send(protocol.finish?.(req, response) ?? response);
    }
    log(response.status, operation);
    ex.send(protocol.finish?.(req, response) ?? response);
  };

  const streamEvents = async (
    output: EventStreamOutput,
    ex: Exchange,
    requestId: string,
    signal: AbortSignal,
  ): Promise<void> => {
    const out = ex.stream({ 'content-type': 'application/vnd.amazon.eventstream', 'x-amzn-requestid': requestId });
    let ended = false;
    const end = () => {
      if (!ended) {
        ended = true;
        out.end();
      }
    };
    try {
      await output.run({
        event: (type, body) => !ended && !signal.aborted && out.write(jsonEvent(type, body)),
        exception: (type, body) => !ended && !signal.aborted && out.write(jsonException(type, body)),
        end,
        signal,
      });
    } finally {
      end();
    }
  };

  // ---- transports -------------------------------------------------------------------------------------------------
  const sockets = new Set<net.Socket>();
  const sessions = new Set<http2.ServerHttp2Session>();

  const toRequest = (
    method: string,
    url: string,
    headers: IncomingHttpHeaders | http2.IncomingHttpHeaders,
    body: Buffer,
  ): HttpRequest => {
    const q = url.indexOf('?');
    return {
      method,
      path: q < 0 ? url : url.slice(0, q),
      query: q < 0 ? '' : url.slice(q + 1),
      headers: headers as HttpRequest['headers'],
      body,
    };
  };

  const readBody = (stream: NodeJS.ReadableStream): Promise<Buffer> =>
    new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (c: Buffer) => {
        size += c.length;
        if (size > MAX_BODY) reject(new Error('request body too large'));
        else chunks.push(c);
      });
      stream.on('end', () => resolve(Buffer.concat(chunks)));
      stream.on('error', reject);
    });

  const h1 = http.createServer({ keepAliveTimeout: 5000 }, (req, res) => {
    const aborted = new AbortController();
    res.on('close', () => aborted.abort());
    const ex: Exchange = {
      httpVersion: '1.1',
      signal: aborted.signal,
      send: (r) => {
        // An explicit content-length stands (HEAD answers give the object's size with no body).
        res.writeHead(r.status, { 'content-length': String(r.body.length), ...r.headers });
        res.end(r.body);
      },
      stream: (headers) => {
        res.writeHead(200, headers);
        res.flushHeaders();
        return { write: (c) => res.write(c), end: () => res.end() };
      },
      reset: () => req.socket.destroy(),
    };
    readBody(req)
      .then((body) => handle(toRequest(req.method ?? 'GET', req.url ?? '/', req.headers, body), ex))
      .catch(() => req.socket.destroy());
  });

  const h2 = http2.createServer();
  h2.on('session', (session) => {
    sessions.add(session);
    session.on('close', () => sessions.delete(session));
    session.on('error', () => undefined);
  });
  h2.on('stream', (stream, headers) => {
    const aborted = new AbortController();
    stream.on('close', () => aborted.abort());
    stream.on('error', () => undefined);
    const ex: Exchange = {
      httpVersion: '2',
      signal: aborted.signal,
      send: (r) => {
        if (stream.destroyed || stream.closed) return;
        stream.respond({
          ':status': r.status,
          'content-length': String(r.body.length),
          ...r.headers,
          date: new Date().toUTCString(),
        });
        stream.end(r.body);
      },
      stream: (h) => {
        stream.respond({ ':status': 200, ...h, date: new Date().toUTCString() });
        return {
          write: (c) => {
            if (!stream.destroyed) stream.write(c);
          },
          end: () => {
            if (!stream.destroyed) stream.end();
          },
        };
      },
      reset: () => stream.session?.destroy(),
    };
    readBody(stream)
      .then((body) =>
        handle(toRequest(String(headers[':method'] ?? 'GET'), String(headers[':path'] ?? '/'), headers, body), ex),
      )
      .catch(() => stream.close(http2.constants.NGHTTP2_INTERNAL_ERROR));
  });

  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    socket.once('data', (chunk: Buffer) => {
      socket.pause();
      socket.unshift(chunk);
      const isH2 = chunk.toString('latin1', 0, H2_PREFACE.length) === H2_PREFACE;
      if (isH2) {
        // http2 picks up the bytes already buffered on the socket (the unshifted preface) itself.
        h2.emit('connection', socket);
      } else {
        h1.emit('connection', socket);
        socket.resume();
      }
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host ?? '127.0.0.1';

  return {
    url: `http://${host}:${port}`,
    port,
    region,
    accountId,
    state,
    faults,
    credentials,
    async close() {
      closing.abort();
      await codepipeline.close();
      await codebuild.stopAll();
      await codedeploy.close();
      codecommit.close();
      for (const s of sessions) s.destroy();
      for (const s of sockets) s.destroy();
      h1.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
