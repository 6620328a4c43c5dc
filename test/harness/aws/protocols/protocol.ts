import type { AwsError } from '../errors.js';
import type { AuthFailure, VerifiedIdentity } from '../sigv4.js';
import type { HttpRequest, HttpResponse } from './http.js';

/** How one AWS wire protocol names operations, carries input and output, and shapes errors. */
export interface WireProtocol {
  /**
   * The operation name and its decoded input; throws AwsError for a malformed request. `identity` is who signed it
   * (S3 verifies the payload against the signature: x-amz-content-sha256, aws-chunked chunk signatures).
   */
  decode(req: HttpRequest, identity: VerifiedIdentity): { operation: string; input: unknown };
  success(output: unknown, operation: string, requestId: string): HttpResponse;
  error(err: AwsError, requestId: string): HttpResponse;
  /** The protocol's error for a failed signature check. */
  authError(failure: AuthFailure): AwsError;
  unknownOperation(operation: string): AwsError;
  /** A last touch on every answer (S3: a HEAD answer carries no body). */
  finish?(req: HttpRequest, res: HttpResponse): HttpResponse;
}
