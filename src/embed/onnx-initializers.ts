/**
 * Reads named initializers (constant tensors) out of an ONNX file: a minimal walk over the protobuf encoding of
 * ModelProto -> graph (field 7) -> initializer (field 5, TensorProto), nothing else decoded. Enough to take the
 * piece table of an additive model straight from the file transformers.js would run, so the file stays the one
 * source of the weights.
 */

/** TensorProto.DataType values this reader returns data for. */
export const ONNX_FLOAT = 1;
export const ONNX_INT8 = 3;

export interface OnnxTensor {
  readonly name: string;
  readonly dataType: number;
  readonly dims: readonly number[];
  /** The tensor's bytes (raw_data, or float_data re-encoded), little-endian as ONNX stores them. */
  readonly bytes: Uint8Array;
}

export class OnnxFormatError extends Error {}

const VARINT = 0;
const FIXED64 = 1;
const LENGTH = 2;
const FIXED32 = 5;

/** One protobuf message as a sequence of fields. */
class Reader {
  at: number;

  constructor(
    readonly bytes: Uint8Array,
    from = 0,
    readonly end = bytes.length,
  ) {
    this.at = from;
  }

  varint(): number {
    let value = 0;
    let scale = 1;
    for (let shift = 0; shift < 64; shift += 7) {
      if (this.at >= this.end) throw new OnnxFormatError('truncated varint');
      const byte = this.bytes[this.at++]!;
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 128;
    }
    throw new OnnxFormatError('varint too long');
  }

  /** Next field as [number, wire type], or null at the end. */
  key(): [number, number] | null {
    if (this.at >= this.end) return null;
    const key = this.varint();
    return [Math.floor(key / 8), key % 8];
  }

  /** Bounds of a length-delimited value. */
  span(): [number, number] {
    const length = this.varint();
    const from = this.at;
    if (from + length > this.end) throw new OnnxFormatError('field runs past its message');
    this.at = from + length;
    return [from, from + length];
  }

  skip(wire: number): void {
    if (wire === VARINT) this.varint();
    else if (wire === FIXED64) this.at += 8;
    else if (wire === LENGTH) this.span();
    else if (wire === FIXED32) this.at += 4;
    else throw new OnnxFormatError(`unsupported wire type ${wire}`);
  }
}

const utf8 = new TextDecoder();

function readTensor(bytes: Uint8Array, from: number, to: number): OnnxTensor {
  const r = new Reader(bytes, from, to);
  const dims: number[] = [];
  let name = '';
  let dataType = 0;
  let raw: Uint8Array | null = null;
  const floats: number[] = [];
  for (let key = r.key(); key; key = r.key()) {
    const [field, wire] = key;
    if (field === 1 && wire === VARINT) dims.push(r.varint());
    else if (field === 1 && wire === LENGTH) {
      const [a, b] = r.span();
      const packed = new Reader(bytes, a, b);
      while (packed.at < b) dims.push(packed.varint());
    } else if (field === 2 && wire === VARINT) dataType = r.varint();
    else if (field === 8 && wire === LENGTH) {
      const [a, b] = r.span();
      name = utf8.decode(bytes.subarray(a, b));
    } else if (field === 9 && wire === LENGTH) {
      const [a, b] = r.span();
      raw = bytes.subarray(a, b);
    } else if (field === 4 && wire === LENGTH) {
      const [a, b] = r.span();
      const view = new DataView(bytes.buffer, bytes.byteOffset + a, b - a);
      for (let k = 0; k + 4 <= b - a; k += 4) floats.push(view.getFloat32(k, true));
    } else r.skip(wire);
  }
  const data = raw ?? new Uint8Array(Float32Array.from(floats).buffer);
  return { name, dataType, dims, bytes: data };
}

/** Calls `visit(from, to)` with the bounds of each length-delimited field `field` of the message; skips the rest. */
function eachMessage(bytes: Uint8Array, from: number, to: number, field: number, visit: (from: number, to: number) => void): void {
  const r = new Reader(bytes, from, to);
  for (let key = r.key(); key; key = r.key()) {
    const [number, wire] = key;
    if (number === field && wire === LENGTH) visit(...r.span());
    else r.skip(wire);
  }
}

/** ModelProto.graph, GraphProto.initializer. */
const GRAPH_FIELD = 7;
const INITIALIZER_FIELD = 5;

/** The initializers named in `names` that the file holds; tensors stored outside the file are not read. */
export function readInitializers(bytes: Uint8Array, names: ReadonlySet<string>): Map<string, OnnxTensor> {
  const found = new Map<string, OnnxTensor>();
  eachMessage(bytes, 0, bytes.length, GRAPH_FIELD, (graphFrom, graphTo) =>
    eachMessage(bytes, graphFrom, graphTo, INITIALIZER_FIELD, (from, to) => {
      const tensor = readTensor(bytes, from, to);
      if (names.has(tensor.name)) found.set(tensor.name, tensor);
    }),
  );
  return found;
}
