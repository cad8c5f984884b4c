/**
 * The names syncstage's results carry on GitHub: what users put in branch protection's required checks. A leaf that
 * the reports and the GitHub edge share; the core judges prerequisites and knows no check. Never change them.
 */
export const GATE_CHECK_NAME = 'syncstage/failover-prerequisites';
export const REVIEW_CHECK_NAME = 'syncstage/review';
