import type { RpcBindingInfo, RpcFunctionMetadata } from './core-types';

/** The trigger binding of a function and the name the library gave it. */
export interface TriggerBinding {
  readonly name: string;
  readonly binding: RpcBindingInfo;
  /** Lower-cased binding type, e.g. `httptrigger`. */
  readonly type: string;
}

/**
 * Finds the function's trigger: the one binding whose type ends in "Trigger", as the library does.
 */
export function triggerBinding(metadata: RpcFunctionMetadata): TriggerBinding {
  for (const [name, binding] of Object.entries(metadata.bindings)) {
    const type = binding.type?.toLowerCase() ?? '';
    if (type.endsWith('trigger')) return { name, binding, type };
  }
  throw new Error(`Function "${metadata.name}" has no trigger binding.`);
}
