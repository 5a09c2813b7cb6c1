import { invalidArgument } from '../rpc-error.js';

/** Appends little-endian numbers, varints and UTF-8 to a growing buffer. */
export class ByteWriter {
  private bytes = Buffer.allocUnsafe(256);
  private length = 0;

  u8(value: number): void {
    this.room(1);
    this.bytes[this.length++] = value;
  }

  u16(value: number): void {
    this.room(2);
    this.length = this.bytes.writeUInt16LE(value, this.length);
  }

  u32(value: number): void {
    this.room(4);
    this.length = this.bytes.writeUInt32LE(value, this.length);
  }

  /** Patches a u32 written earlier (a section's length, known once the section is written). */
  u32At(offset: number, value: number): void {
    this.bytes.writeUInt32LE(value, offset);
  }

  /** An unsigned LEB128 varint (small counts and codes take one byte). */
  varint(value: number): void {
    this.room(5);
    let rest = value;
    while (rest >= 0x80) {
      this.bytes[this.length++] = (rest & 0x7f) | 0x80;
      rest >>>= 7;
    }
    this.bytes[this.length++] = rest;
  }

  raw(bytes: Uint8Array): void {
    this.room(bytes.byteLength);
    this.bytes.set(bytes, this.length);
    this.length += bytes.byteLength;
  }

  /** A varint byte length, then the string's UTF-8. */
  string(value: string): void {
    const byteLength = Buffer.byteLength(value, 'utf8');
    this.varint(byteLength);
    this.room(byteLength);
    this.length += this.bytes.write(value, this.length, 'utf8');
  }

  get offset(): number {
    return this.length;
  }

  finish(): Buffer {
    return Buffer.from(this.bytes.subarray(0, this.length));
  }

  private room(extra: number): void {
    if (this.length + extra <= this.bytes.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.length + extra, this.bytes.length * 2));
    this.bytes.copy(grown, 0, 0, this.length);
    this.bytes = grown;
  }
}

/**
 * Reads what ByteWriter wrote, refusing (INVALID_ARGUMENT, naming `what`)
 * any read past the end, an overlong varint or text that is not UTF-8.
 */
export class ByteReader {
  private position = 0;
  private readonly view: DataView;
  private static readonly utf8 = new TextDecoder('utf-8', { fatal: true });

  constructor(
    private readonly bytes: Uint8Array,
    private readonly what: string,
    private end = bytes.byteLength,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get offset(): number {
    return this.position;
  }

  get remaining(): number {
    return this.end - this.position;
  }

  /** Bounds reads to the next `length` bytes (a section); `close` then checks they were all used. */
  section(length: number, name: string): ByteReader {
    this.need(length, name);
    const reader = new ByteReader(this.bytes, this.what, this.position + length);
    reader.position = this.position;
    this.position += length;
    return reader;
  }

  /** Refuses bytes left unread: a well-formed buffer has none. */
  close(name: string): void {
    if (this.position !== this.end) this.fail(`${this.end - this.position} unexpected bytes after ${name}`);
  }

  u8(name: string): number {
    this.need(1, name);
    return this.bytes[this.position++];
  }

  u16(name: string): number {
    this.need(2, name);
    const value = this.view.getUint16(this.position, true);
    this.position += 2;
    return value;
  }

  u32(name: string): number {
    this.need(4, name);
    const value = this.view.getUint32(this.position, true);
    this.position += 4;
    return value;
  }

  varint(name: string): number {
    let value = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      const byte = this.u8(name);
      value += (byte & 0x7f) * 2 ** shift;
      if ((byte & 0x80) === 0) {
        if (value > 0xffffffff) break;
        return value;
      }
    }
    return this.fail(`${name} is not a valid varint`);
  }

  /** The next `length` bytes, as a view (copy before keeping). */
  raw(length: number, name: string): Uint8Array {
    this.need(length, name);
    const bytes = this.bytes.subarray(this.position, this.position + length);
    this.position += length;
    return bytes;
  }

  string(name: string): string {
    const bytes = this.raw(this.varint(name), name);
    try {
      return ByteReader.utf8.decode(bytes);
    } catch {
      return this.fail(`${name} is not valid UTF-8`);
    }
  }

  fail(message: string): never {
    throw invalidArgument(`${this.what}: ${message}`);
  }

  private need(length: number, name: string): void {
    if (length > this.end - this.position) {
      this.fail(
        `truncated: ${name} needs ${length} bytes at offset ${this.position}, ${this.end - this.position} left`,
      );
    }
  }
}
