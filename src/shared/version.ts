// This release of odahu-actions, as package.json says (a test keeps the two in step): what the
// deployments' provenance and the pull-request report name, beside the ref a workflow used.
export const ACTIONS_VERSION = '1.0.0';
