/** Event payloads use the shared strict JSON: what is read back equals what was appended. */
export { isJsonObject, parseJsonObject, serializeJsonObject } from '@app/storage-kit';
