import type { WalkInKind } from '@/graphql/generated/graphql';
import type { FloorReception } from '@/stores/floor';

/** The optional details the desk may type before pressing a kind (kept until recorded). */
export interface WalkInDetails {
  customerName: string;
  phone: string;
  partySize: number;
  unitsAsked: number | undefined;
}
export const emptyDetails = (): WalkInDetails => ({
  customerName: '',
  phone: '',
  partySize: 1,
  unitsAsked: undefined,
});

/** The desk's buttons: `owner` kinds ask who the customer belongs to first (R7, R8). */
export interface KindButton {
  kind: WalkInKind;
  big?: boolean;
  owner?: boolean;
  small?: boolean;
}
export const KINDS: KindButton[] = [
  { kind: 'NEW', big: true },
  { kind: 'RETURNING', owner: true },
  { kind: 'BROUGHT_ALONG', owner: true },
  { kind: 'NON_BUYER' },
  { kind: 'ASKING_WAY', small: true },
  { kind: 'LOOKING_FOR_SOMEONE', small: true },
];

/** The walk-in just recorded, with the log entry an undo names. */
export interface Recorded {
  reception: FloorReception;
  seq: number | null;
  at: number;
  undone: boolean;
}
