// Coordinates in SVG and PDF operators: three decimals is a micrometre in mm units and 1/1000 pt in
// PDF units, far below any printer's dot, and keeps the files small.
export function formatNumber(n: number): string {
  const rounded = Math.round(n * 1000) / 1000;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}
