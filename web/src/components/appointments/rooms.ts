// P2: the rooms a request may pick for its time: free and big enough, or disabled with the why.

export interface RoomAvailabilityRow {
  free: boolean;
  appointmentIds: readonly string[];
  room: { id: string; name: string; capacity: number; location: string };
}

export interface RoomOption {
  id: string;
  name: string;
  capacity: number;
  location: string;
  /** Booked by another appointment for (part of) the time. */
  taken: boolean;
  /** Seats fewer than guests + hosts. */
  tooSmall: boolean;
  /** The appointments holding it. */
  takenBy: string[];
  disabled: boolean;
}

/** Every room of the site, free and big enough ones first, then by name (the server's order). */
export function roomOptions(rows: readonly RoomAvailabilityRow[], people: number): RoomOption[] {
  return rows
    .map((r) => {
      const tooSmall = people > 0 && r.room.capacity < people;
      return {
        id: r.room.id,
        name: r.room.name,
        capacity: r.room.capacity,
        location: r.room.location,
        taken: !r.free,
        tooSmall,
        takenBy: [...r.appointmentIds],
        disabled: !r.free || tooSmall,
      };
    })
    .sort((a, b) => Number(a.disabled) - Number(b.disabled));
}
