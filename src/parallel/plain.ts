/** Vectors as plain data for postMessage: only their fields (an Int16Rows from int16Rows() also carries its setter). */
import type { VectorRows } from '../align/vectors.js';
import type { AdditiveParts } from '../embed/embedder.js';

export function plainRows(rows: VectorRows): VectorRows {
  const { count, dimension } = rows;
  if (rows.kind === 'dense') return { kind: 'dense', count, dimension, data: rows.data };
  if (rows.kind === 'int16') return { kind: 'int16', count, dimension, data: rows.data, scales: rows.scales };
  return { kind: 'sparse', count, dimension, offsets: rows.offsets, indexes: rows.indexes, values: rows.values };
}

/** The buffers behind rows, to transfer rather than copy when the sender no longer needs them. */
function buffersOf(rows: VectorRows): ArrayBuffer[] {
  const arrays = rows.kind === 'dense' ? [rows.data] : rows.kind === 'int16' ? [rows.data, rows.scales] : [rows.offsets, rows.indexes, rows.values];
  return [...new Set(arrays.map((a) => a.buffer))].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
}

export function plainParts(parts: AdditiveParts): { message: AdditiveParts; transfer: ArrayBuffer[] } {
  const rows = plainRows(parts.parts);
  return { message: { parts: rows, boundary: parts.boundary }, transfer: buffersOf(rows) };
}
