/**
 * Checks a raw awsJson answer against botocore's service model (Debian's python3-botocore, an independent copy of
 * AWS's models): every member is one the shape declares, of its type, enums hold, required members are present.
 * Also a request handler that keeps the raw body of each answer the SDK receives.
 */
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { HttpHandlerOptions, HttpResponse } from '@smithy/types';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';

const DATA = '/usr/lib/python3/dist-packages/botocore/data';

interface Shape {
  type: string;
  members?: Record<string, { shape: string }>;
  required?: string[];
  member?: { shape: string };
  key?: { shape: string };
  value?: { shape: string };
  enum?: string[];
}
export interface BotoModel {
  shapes: Record<string, Shape>;
  operations: Record<string, { output?: { shape: string } }>;
}

/** The newest model of `service`, or undefined when python3-botocore is not installed. */
export function botocoreModel(service: string): BotoModel | undefined {
  const dir = path.join(DATA, service);
  if (!existsSync(dir)) return undefined;
  const version = readdirSync(dir).sort().at(-1) ?? '';
  return JSON.parse(readFileSync(path.join(dir, version, 'service-2.json'), 'utf8')) as BotoModel;
}

/** What is wrong with `value` as `shapeName` (empty when it conforms). */
export function shapeProblems(model: BotoModel, shapeName: string, value: unknown, at = '$'): string[] {
  const shape = model.shapes[shapeName];
  if (!shape) return [`${at}: no shape ${shapeName} in the model`];
  const problems: string[] = [];
  const wrong = (expected: string) =>
    problems.push(`${at}: expected ${expected} (${shapeName}), got ${JSON.stringify(value)}`);
  switch (shape.type) {
    case 'structure': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        wrong('an object');
        break;
      }
      const record = value as Record<string, unknown>;
      for (const [name, member] of Object.entries(record)) {
        const def = shape.members?.[name];
        if (!def) problems.push(`${at}.${name}: not a member of ${shapeName}`);
        else problems.push(...shapeProblems(model, def.shape, member, `${at}.${name}`));
      }
      for (const name of shape.required ?? []) {
        if (!(name in record)) problems.push(`${at}.${name}: required by ${shapeName}, missing`);
      }
      break;
    }
    case 'list':
      if (!Array.isArray(value)) wrong('an array');
      else value.forEach((v, i) => problems.push(...shapeProblems(model, shape.member?.shape ?? '', v, `${at}[${i}]`)));
      break;
    case 'map':
      if (typeof value !== 'object' || value === null || Array.isArray(value)) wrong('an object');
      else {
        for (const [k, v] of Object.entries(value)) {
          problems.push(...shapeProblems(model, shape.value?.shape ?? '', v, `${at}.${k}`));
        }
      }
      break;
    case 'string':
      if (typeof value !== 'string') wrong('a string');
      else if (shape.enum && !shape.enum.includes(value)) wrong(`one of ${shape.enum.join('|')}`);
      break;
    case 'integer':
    case 'long':
      if (!Number.isInteger(value)) wrong('an integer');
      break;
    case 'double':
    case 'float':
      if (typeof value !== 'number') wrong('a number');
      break;
    case 'boolean':
      if (typeof value !== 'boolean') wrong('a boolean');
      break;
    case 'timestamp':
      // awsJson: epoch seconds.
      if (typeof value !== 'number') wrong('epoch seconds');
      break;
    default:
      break;
  }
  return problems;
}

/** A NodeHttpHandler that keeps each answer's body (`bodies`, newest last) and hands the SDK a copy. */
export class RecordingHandler extends NodeHttpHandler {
  readonly bodies: string[] = [];

  override async handle(
    request: Parameters<NodeHttpHandler['handle']>[0],
    options?: HttpHandlerOptions,
  ): Promise<{ response: HttpResponse }> {
    const { response } = await super.handle(request, options);
    const chunks: Buffer[] = [];
    for await (const chunk of response.body as Readable) chunks.push(Buffer.from(chunk as Uint8Array));
    const body = Buffer.concat(chunks);
    this.bodies.push(body.toString('utf8'));
    response.body = Readable.from([body]);
    return { response };
  }
}
