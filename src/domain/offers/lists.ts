// The offers' fixed lists, in a module without zod or data files: the web imports them (through
// src/api/constants.ts). The schemas that check them are in offer.ts, which re-exports these.

/** The life of an offer (compensation.md, issue "offer lifecycle"). */
export const OFFER_STATUSES = ['draft', 'pending-approval', 'approved', 'extended', 'accepted', 'declined', 'expired', 'withdrawn'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

export const OFFER_ACTIONS = ['revise', 'submit', 'approve', 'reject', 'extend', 'accept', 'decline', 'expire', 'withdraw'] as const;
export type OfferAction = (typeof OFFER_ACTIONS)[number];

export const GRANT_KINDS = ['ISO', 'NSO', 'RSU', 'RSA'] as const;
export type GrantKind = (typeof GRANT_KINDS)[number];
