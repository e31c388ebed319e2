// The columns of the position CSV (README "Position CSV format"), shared by the parser and the import page.
export const CSV_COLUMNS = ["symbol", "quantity", "entry_price", "entry_date", "type", "class", "subtype", "underlying", "strike", "expiry", "exit_price", "exit_date"] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
export const REQUIRED_COLUMNS: readonly CsvColumn[] = ["symbol", "quantity", "entry_price", "entry_date", "type", "class"];
