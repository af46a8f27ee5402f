/** Documents use the shared strict JSON: what is read back equals what was written. */
export { parseJsonObject as parseDocument, serializeJsonObject as serializeDocument } from '@app/storage-kit';
