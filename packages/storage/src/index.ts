export { FileStore } from './file-store.js';
export {
  checkKey,
  emptyCounts,
  ObjectNotFoundError,
  type ObjectStore,
  type StoredObject,
  type StoreRequestCounts,
} from './object-store.js';
export { openStore } from './open-store.js';
export { S3Store, type S3StoreOptions } from './s3-store.js';
