// The rows of the settings' tier and rate editors, to and from the lines the server reads
// ("500.00 = 15", "collection: Gifts = 20"): one parser (settings-input) checks them however typed.
export type TierRow = { from: string; percent: string };
export type RateRow = { kind: "type" | "collection"; name: string; percent: string };

export const tierRows = (text: string): TierRow[] =>
  text.split("\n").flatMap((line) => {
    const m = /^\s*([^=]*?)\s*=\s*([^%]*?)\s*%?\s*$/.exec(line);
    return m ? [{ from: m[1], percent: m[2] }] : [];
  });
// Every row is kept, an empty one too (" = "): the server reads an empty row as no row.
export const tierText = (rows: TierRow[]) => rows.map((r) => `${r.from} = ${r.percent}`).join("\n");

export const rateRows = (text: string): RateRow[] =>
  text.split("\n").flatMap((line) => {
    const m = /^\s*(?:(collection|type)\s*:\s*)?(.*?)\s*=\s*([^%]*?)\s*%?\s*$/i.exec(line);
    return m
      ? [
          {
            kind: m[1]?.toLowerCase() === "collection" ? ("collection" as const) : ("type" as const),
            name: m[2],
            percent: m[3],
          },
        ]
      : [];
  });
export const rateText = (rows: RateRow[]) =>
  rows.map((r) => `${r.kind === "collection" ? "collection: " : ""}${r.name} = ${r.percent}`).join("\n");
