import fs from 'node:fs';

/**
 * Overwrites pages in the middle of a (closed) SQLite file with junk, the way a failing disk or
 * a crash of the storage layer would. The header (page 1) stays intact, so the file still opens.
 */
export function damageMiddlePages(file: string, pages = 3): void {
  const header = Buffer.alloc(18);
  const fd = fs.openSync(file, 'r+');
  try {
    fs.readSync(fd, header, 0, 18, 0);
    const raw = header.readUInt16BE(16);
    // An encrypted file has no readable header: SQLCipher's pages are 4096 bytes.
    const plain = header.subarray(0, 16).toString('latin1') === 'SQLite format 3\0';
    const pageSize = !plain ? 4096 : raw === 1 ? 65536 : raw;
    const count = Math.floor(fs.fstatSync(fd).size / pageSize);
    if (count < pages + 4) throw new Error(`too few pages (${count}) to damage the middle`);
    const junk = Buffer.alloc(pageSize * pages, 0x5a);
    fs.writeSync(fd, junk, 0, junk.length, pageSize * Math.floor(count / 2));
  } finally {
    fs.closeSync(fd);
  }
}
