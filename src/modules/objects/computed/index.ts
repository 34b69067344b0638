/** The computed room of the objects module: what the other rooms use of it (they reach nothing else). */
export { checkComputedFields } from './computed.definitions.js';
export { compiledFields, describeField, readModel, tenantObject, type TenantModel, type TenantObject } from './computed.schema.js';
export { affectedBy, computeWrite, computeWrites, propagate, recomputeAffected, scopeOf } from './formulas.service.js';
