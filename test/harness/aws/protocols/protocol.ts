import type { AwsError } from '../errors.js';
import type { AuthFailure } from '../sigv4.js';
import type { HttpRequest, HttpResponse } from './http.js';

/** How one AWS wire protocol names operations, carries input and output, and shapes errors. */
export interface WireProtocol {
  /** The operation name and its decoded input; throws AwsError for a malformed request. */
  decode(req: HttpRequest): { operation: string; input: unknown };
  success(output: unknown, operation: string, requestId: string): HttpResponse;
  error(err: AwsError, requestId: string): HttpResponse;
  /** The protocol's error for a failed signature check. */
  authError(failure: AuthFailure): AwsError;
  unknownOperation(operation: string): AwsError;
}
