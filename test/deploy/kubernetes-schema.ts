import type { K8sObject } from './kustomize.js';

interface ValidatingModel {
  validate(): void;
}
type ModelClass = new (data: object) => ValidatingModel;

/**
 * The kubernetes-models class for an object's apiVersion and kind: core objects live
 * under `kubernetes-models/v1/<Kind>`, grouped ones under `<group>/<version>/<Kind>`.
 * Its validate() checks the object against the Kubernetes OpenAPI schema offline.
 */
async function modelFor(object: K8sObject): Promise<ModelClass> {
  const [group, version] = object.apiVersion.includes('/')
    ? object.apiVersion.split('/')
    : ['', object.apiVersion];
  const modulePath = ['kubernetes-models', group, version, object.kind].filter(Boolean).join('/');
  let module: Record<string, unknown>;
  try {
    module = await import(modulePath);
  } catch {
    throw new Error(
      `no Kubernetes schema for ${object.apiVersion} ${object.kind} (looked for ${modulePath})`,
    );
  }
  return module[object.kind] as ModelClass;
}

/** Throws with the schema's own message when the object is not a valid Kubernetes object. */
export async function validateAgainstSchema(object: K8sObject): Promise<void> {
  const Model = await modelFor(object);
  try {
    new Model(object).validate();
  } catch (error) {
    throw new Error(`${object.kind}/${object.metadata?.name}: ${(error as Error).message}`);
  }
}
