export { FileStore } from './file-store.js';
export { decodeListBlob, encodeListBlob, type ListData, listBlobDigest, sha256 } from './list-blob.js';
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
