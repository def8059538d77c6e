package org.shipaudit.reference;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Opens reference files as streams, gunzipping by magic bytes rather than by name. */
final class ReferenceFiles {
    private ReferenceFiles() {
    }

    /** The file's content, decompressed when it starts with the gzip magic number. */
    static InputStream open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        raw.mark(2);
        int b1 = raw.read();
        int b2 = raw.read();
        raw.reset();
        if (b1 == 0x1f && b2 == 0x8b) {
            return new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16);
        }
        return raw;
    }

    /** The file's content as UTF-8 text (a BOM, if any, is left for the reader to skip). */
    static Reader reader(Path file) throws IOException {
        return new InputStreamReader(open(file), StandardCharsets.UTF_8);
    }
}
