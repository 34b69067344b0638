/** The records room of the objects module: what the other rooms use of it (they reach nothing else). */
export { RecordsLookupRepository } from './records.lookup.repository.js';
export { RecordsRepository, type RecordRow } from './records.repository.js';
export { changeRecord, createRecord, createdEvent, listRecords, recordLimit, updateRecord } from './records.service.js';
export { checkWrite, existingTargets, recordView, resourceOf, valueRefusal, visibleFields, type CheckedWrite } from './records.values.js';
