import { z } from "../zod";
import { type KeyTable, selectorOperator, stringList, stringMap } from "./primitives";
import { section } from "./section";

const weight = z
  .number({ error: "must be an integer from 1 to 100" })
  .int({ error: "must be an integer from 1 to 100" })
  .min(1, { error: "must be an integer from 1 to 100" })
  .max(100, { error: "must be an integer from 1 to 100" });

export const selectorRequirementSchema = z
  .strictObject({
    key: z.string().min(1, { error: "a selector requirement needs a key" }),
    operator: selectorOperator,
    values: stringList.optional(),
  })
  .refine(hasValuesTheOperatorNeeds, {
    error: "In/NotIn need values, Exists/DoesNotExist take none, Gt/Lt take exactly one",
    path: ["values"],
  });
export type SelectorRequirement = z.infer<typeof selectorRequirementSchema>;
const SELECTOR_REQUIREMENT_KEYS: KeyTable<SelectorRequirement> = {
  key: "key",
  operator: "operator",
  values: "values",
};

function hasValuesTheOperatorNeeds(requirement: {
  operator: z.output<typeof selectorOperator>;
  values?: string[] | undefined;
}): boolean {
  const count = requirement.values?.length ?? 0;
  switch (requirement.operator) {
    case "In":
    case "NotIn":
      return count > 0;
    case "Gt":
    case "Lt":
      return count === 1;
    case "Exists":
    case "DoesNotExist":
      return count === 0;
    default: {
      const unhandled: never = requirement.operator;
      return unhandled;
    }
  }
}

export const nodeSelectorTermSchema = z.strictObject({
  matchExpressions: z.array(selectorRequirementSchema).optional(),
  matchFields: z.array(selectorRequirementSchema).optional(),
});
export type NodeSelectorTerm = z.infer<typeof nodeSelectorTermSchema>;
const NODE_SELECTOR_TERM_KEYS: KeyTable<NodeSelectorTerm> = {
  matchExpressions: "match_expressions",
  matchFields: "match_fields",
};

export const nodeSelectorSchema = z.strictObject({
  nodeSelectorTerms: z.array(nodeSelectorTermSchema),
});
export type NodeSelector = z.infer<typeof nodeSelectorSchema>;
const NODE_SELECTOR_KEYS: KeyTable<NodeSelector> = { nodeSelectorTerms: "node_selector_terms" };

export const preferredSchedulingTermSchema = z.strictObject({
  weight,
  preference: nodeSelectorTermSchema,
});
export type PreferredSchedulingTerm = z.infer<typeof preferredSchedulingTermSchema>;
const PREFERRED_SCHEDULING_TERM_KEYS: KeyTable<PreferredSchedulingTerm> = {
  weight: "weight",
  preference: "preference",
};

export const labelSelectorSchema = z.strictObject({
  matchLabels: stringMap.optional(),
  matchExpressions: z.array(selectorRequirementSchema).optional(),
});
export type LabelSelector = z.infer<typeof labelSelectorSchema>;
const LABEL_SELECTOR_KEYS: KeyTable<LabelSelector> = {
  matchLabels: "match_labels",
  matchExpressions: "match_expressions",
};

export const podAffinityTermSchema = z.strictObject({
  labelSelector: labelSelectorSchema.optional(),
  namespaces: stringList.optional(),
  topologyKey: z.string().min(1, { error: "a pod affinity term needs a topology key" }),
  namespaceSelector: labelSelectorSchema.optional(),
  matchLabelKeys: stringList.optional(),
  mismatchLabelKeys: stringList.optional(),
});
export type PodAffinityTerm = z.infer<typeof podAffinityTermSchema>;
const POD_AFFINITY_TERM_KEYS: KeyTable<PodAffinityTerm> = {
  labelSelector: "label_selector",
  namespaces: "namespaces",
  topologyKey: "topology_key",
  namespaceSelector: "namespace_selector",
  matchLabelKeys: "match_label_keys",
  mismatchLabelKeys: "mismatch_label_keys",
};

export const weightedPodAffinityTermSchema = z.strictObject({
  weight,
  podAffinityTerm: podAffinityTermSchema,
});
export type WeightedPodAffinityTerm = z.infer<typeof weightedPodAffinityTermSchema>;
const WEIGHTED_POD_AFFINITY_TERM_KEYS: KeyTable<WeightedPodAffinityTerm> = {
  weight: "weight",
  podAffinityTerm: "pod_affinity_term",
};

/** In config.toml the node affinity's required part is a table, unlike the pod (anti-)affinity arrays. */
export const nodeAffinitySchema = z.strictObject({
  requiredDuringSchedulingIgnoredDuringExecution: nodeSelectorSchema.optional(),
  preferredDuringSchedulingIgnoredDuringExecution: z.array(preferredSchedulingTermSchema).optional(),
});
export type NodeAffinity = z.infer<typeof nodeAffinitySchema>;

export const podAffinitySchema = z.strictObject({
  requiredDuringSchedulingIgnoredDuringExecution: z.array(podAffinityTermSchema).optional(),
  preferredDuringSchedulingIgnoredDuringExecution: z.array(weightedPodAffinityTermSchema).optional(),
});
export type PodAffinity = z.infer<typeof podAffinitySchema>;

const SCHEDULING_KEYS: KeyTable<NodeAffinity> & KeyTable<PodAffinity> = {
  requiredDuringSchedulingIgnoredDuringExecution: "required_during_scheduling_ignored_during_execution",
  preferredDuringSchedulingIgnoredDuringExecution: "preferred_during_scheduling_ignored_during_execution",
};

export const affinitySchema = z.strictObject({
  nodeAffinity: nodeAffinitySchema.optional(),
  podAffinity: podAffinitySchema.optional(),
  podAntiAffinity: podAffinitySchema.optional(),
});
export type Affinity = z.infer<typeof affinitySchema>;
const AFFINITY_KEYS: KeyTable<Affinity> = {
  nodeAffinity: "node_affinity",
  podAffinity: "pod_affinity",
  podAntiAffinity: "pod_anti_affinity",
};

const REQUIREMENT_SECTION = section<SelectorRequirement>(SELECTOR_REQUIREMENT_KEYS);
const NODE_SELECTOR_TERM_SECTION = section<NodeSelectorTerm>(NODE_SELECTOR_TERM_KEYS, {
  matchExpressions: REQUIREMENT_SECTION,
  matchFields: REQUIREMENT_SECTION,
});
const LABEL_SELECTOR_SECTION = section<LabelSelector>(LABEL_SELECTOR_KEYS, {
  matchExpressions: REQUIREMENT_SECTION,
});
const POD_AFFINITY_TERM_SECTION = section<PodAffinityTerm>(POD_AFFINITY_TERM_KEYS, {
  labelSelector: LABEL_SELECTOR_SECTION,
  namespaceSelector: LABEL_SELECTOR_SECTION,
});
const POD_AFFINITY_SECTION = section<PodAffinity>(SCHEDULING_KEYS, {
  requiredDuringSchedulingIgnoredDuringExecution: POD_AFFINITY_TERM_SECTION,
  preferredDuringSchedulingIgnoredDuringExecution: section<WeightedPodAffinityTerm>(
    WEIGHTED_POD_AFFINITY_TERM_KEYS,
    { podAffinityTerm: POD_AFFINITY_TERM_SECTION },
  ),
});

export const AFFINITY_SECTION = section<Affinity>(AFFINITY_KEYS, {
  nodeAffinity: section<NodeAffinity>(SCHEDULING_KEYS, {
    requiredDuringSchedulingIgnoredDuringExecution: section<NodeSelector>(NODE_SELECTOR_KEYS, {
      nodeSelectorTerms: NODE_SELECTOR_TERM_SECTION,
    }),
    preferredDuringSchedulingIgnoredDuringExecution: section<PreferredSchedulingTerm>(
      PREFERRED_SCHEDULING_TERM_KEYS,
      { preference: NODE_SELECTOR_TERM_SECTION },
    ),
  }),
  podAffinity: POD_AFFINITY_SECTION,
  podAntiAffinity: POD_AFFINITY_SECTION,
});
