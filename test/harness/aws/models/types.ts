/** The part of a Smithy/botocore service model the emulator needs to validate requests like AWS's front end. */
export interface ModelShape {
  type:
    | 'structure'
    | 'list'
    | 'map'
    | 'string'
    | 'integer'
    | 'long'
    | 'boolean'
    | 'timestamp'
    | 'blob'
    | 'double'
    | 'float';
  /** structure: member name → shape name */
  members?: Record<string, string>;
  required?: string[];
  /** list: member shape name */
  member?: string;
  /** map: key and value shape names */
  key?: string;
  value?: string;
  min?: number;
  max?: number;
  pattern?: string;
  enum?: string[];
  sensitive?: boolean;
}

/** A restXml operation's HTTP binding (botocore `http` plus the required members bound to the query and headers). */
export interface HttpRoute {
  method: string;
  /** URI template, e.g. `/{Bucket}/{Key+}` or `/{Bucket}?list-type=2`. */
  uri: string;
  /** Names of required query parameters (case-sensitive, as on the wire). */
  query?: string[];
  /** Lower-case names of required headers. */
  headers?: string[];
}

export interface ServiceModel {
  /** Every operation the real service has. */
  operations: string[];
  /** Emulated operation → its input shape name. */
  inputs: Record<string, string>;
  shapes: Record<string, ModelShape>;
  /** restXml services: every operation's HTTP binding. */
  http?: Record<string, HttpRoute>;
}
