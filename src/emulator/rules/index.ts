// The Odahu API server's rules, as pure functions for the emulator's runtime: decode a body as Go does,
// validate and default each kind with the server's messages, present connections, read list queries.

export { decodeBody } from './decode-body.js';
export type { DecodedBody, PrepareOptions, Prepared } from './prepared.js';
export { prepareModelTraining } from './training.js';
export { prepareToolchainIntegration } from './toolchain-integration.js';
export { prepareModelPackaging } from './packaging.js';
export { preparePackagingIntegration } from './packaging-integration.js';
export { validateArguments, SchemaCompileError } from './argument-schema.js';
export { prepareModelDeployment } from './deployment.js';
export { prepareModelRoute } from './route.js';
export type { PreparedRoute } from './route.js';
export { prepareConnection } from './connection.js';
export { presentConnection, SECRET_MASK } from './connection-presentation.js';
export { prepareInferenceService } from './inference-service.js';
export type { PreparedServiceSpec } from './inference-service.js';
export { prepareInferenceJob } from './inference-job.js';
export { parseListQuery, applyListQuery } from './list-query.js';
export type { ListQuery } from './list-query.js';
export { parseFollow, parseCursor } from './query-params.js';
