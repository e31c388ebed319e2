// ISO calendar dates ("YYYY-MM-DD") are the currency of the app; Prisma @db.Date values are UTC midnights.
export type IsoDate = string;

export function toDbDate(d: IsoDate): Date {
  return new Date(`${d}T00:00:00Z`);
}

export function fromDbDate(d: Date): IsoDate {
  return d.toISOString().slice(0, 10);
}
