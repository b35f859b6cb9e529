// Resource requirements as the server checks them: first turned into Kubernetes resource lists (each
// bad quantity becomes `validation of <cpu|memory|gpu> <request|limit> is failed: ...` and a zero in
// the list), then Kubernetes' own rules on those lists (non-negative, GPU whole, request <= limit).
// Go ranges over the lists as maps, in random order; here it is always cpu, memory, GPU.

import {
  ZERO_QUANTITY,
  compareQuantities,
  parseQuantity,
  quantityGoSyntax,
  quantityMilliValue,
  quantityString,
} from './quantity.js';
import type { Quantity } from './quantity.js';
import type { ResourceList, ResourceRequirements } from '../../shared/odahu/types.js';

/** config.NvidiaResourceName: the name a GPU gets in Kubernetes resource lists. */
const GPU_RESOURCE = 'nvidia.com/gpu';

type KubernetesList = Map<string, Quantity>;

interface KubernetesResources {
  requests?: KubernetesList;
  limits?: KubernetesList;
  errors: string[];
}

/** ConvertOdahuflowResourcesToK8s: the lists, plus one message per quantity that does not parse. */
function toKubernetes(resources: ResourceRequirements | undefined): KubernetesResources {
  const converted: KubernetesResources = { errors: [] };
  if (resources === undefined) return converted;
  const add = (list: KubernetesList, name: string, value: string | undefined, what: string, kind: string) => {
    if (!value) return;
    try {
      list.set(name, parseQuantity(value));
    } catch (error) {
      list.set(name, ZERO_QUANTITY);
      converted.errors.push(`validation of ${what} ${kind} is failed: ${(error as Error).message}`);
    }
  };
  const convertList = (list: ResourceList | undefined, kind: string): KubernetesList | undefined => {
    if (list === undefined) return undefined;
    const k8s: KubernetesList = new Map();
    add(k8s, 'cpu', list.cpu, 'cpu', kind);
    add(k8s, 'memory', list.memory, 'memory', kind);
    return k8s;
  };
  converted.requests = convertList(resources.requests, 'request');
  converted.limits = convertList(resources.limits, 'limit');
  // A GPU goes only into the limits: the limit wins, a GPU given as a request alone becomes the limit.
  if (resources.limits?.gpu) {
    add(converted.limits!, GPU_RESOURCE, resources.limits.gpu, 'gpu', 'limit');
  } else if (resources.requests?.gpu) {
    converted.limits ??= new Map();
    add(converted.limits, GPU_RESOURCE, resources.requests.gpu, 'gpu', 'request');
  }
  return converted;
}

/** The messages for quantities that do not parse (the early check of training, packaging, deployment). */
export function resourceParseErrors(resources: ResourceRequirements | undefined): string[] {
  return toKubernetes(resources).errors;
}

/** validation.ValidateResources: parse errors again, then Kubernetes' resource requirement rules. */
export function resourceErrors(resources: ResourceRequirements | undefined): string[] {
  const { requests, limits, errors } = toKubernetes(resources);
  for (const [name, quantity] of limits ?? []) {
    errors.push(...quantityValueErrors(`resources.limits[${name}]`, name, quantity));
  }
  for (const [name, quantity] of requests ?? []) {
    errors.push(...quantityValueErrors(`resources.requests[${name}]`, name, quantity));
    const limit = limits?.get(name);
    if (limit !== undefined && compareQuantities(quantity, limit) > 0) {
      errors.push(
        `resources.requests: Invalid value: "${quantityString(quantity)}": must be less than or equal to ${name} limit`,
      );
    }
  }
  return errors;
}

function quantityValueErrors(path: string, name: string, quantity: Quantity): string[] {
  const errors: string[] = [];
  if (quantity.unscaled < 0n) {
    errors.push(`${path}: Invalid value: "${quantityString(quantity)}": must be greater than or equal to 0`);
  }
  // Extended resources such as GPUs come in whole units; Kubernetes prints the raw Go struct here.
  if (name === GPU_RESOURCE && quantityMilliValue(quantity) % 1000n !== 0n) {
    errors.push(`${path}: Invalid value: ${quantityGoSyntax(quantity)}: must be an integer`);
  }
  return errors;
}

/** True when a GPU is asked for (training then picks a GPU node pool). */
export function requestsGpu(resources: ResourceRequirements | undefined): boolean {
  return Boolean(resources?.limits?.gpu || resources?.requests?.gpu);
}

/** A deep copy of configured default resources, so that stored objects never share them. */
export function copyResources(resources: ResourceRequirements): ResourceRequirements {
  return structuredClone(resources);
}
