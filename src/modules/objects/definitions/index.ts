/** The definitions room of the objects module: what the other rooms use of it (they reach nothing else). */
export { DefinitionsRepository, type DefinitionRow } from './definitions.repository.js';
export { RECOMPUTE_REQUESTED, getDefinition, listDefinitions, loadObject, type LoadedObject } from './definitions.service.js';
export { derived, forgetModel, isCurrent, loadModel, modelOf, modelToWrite } from './model.cache.js';
