package org.shipaudit.reference.zones;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The distinct zones of one chart, each held in a cell as one byte: a chart has a few dozen (UPS: 2-8, 44-46 and the
 * air series 102-146, 202-246...), so a 1,000 x 1,000 grid per service takes one megabyte instead of a string per
 * cell. Codes 0-2 are the marks of {@link Zones}; zones follow in the order first seen. Not thread-safe while built.
 */
final class ZoneCodes {

    /** Zones beyond this many in one chart are refused: a cell is one unsigned byte. */
    static final int MAX = 255 - Zones.FIRST_CODE;

    private final List<String> zones = new ArrayList<>();
    private final Map<String, Byte> codes = new HashMap<>();

    /** The cell value for a zone, added when new; -1 when the chart already has {@link #MAX} zones. */
    int code(String zone) {
        Byte c = codes.get(zone);
        if (c != null) {
            return c & 0xff;
        }
        if (zones.size() >= MAX) {
            return -1;
        }
        zones.add(zone);
        byte b = (byte) (zones.size() - 1 + Zones.FIRST_CODE);
        codes.put(zone, b);
        return b & 0xff;
    }

    /** The zone a cell value stands for, null for the marks. */
    String zone(byte cell) {
        int i = (cell & 0xff) - Zones.FIRST_CODE;
        return i >= 0 && i < zones.size() ? zones.get(i) : null;
    }

    /** The zones in code order, space-separated, as stored beside a chart's blocks. */
    String text() {
        return String.join(" ", zones);
    }

    static ZoneCodes of(String text) {
        ZoneCodes c = new ZoneCodes();
        for (String z : text.isBlank() ? new String[0] : text.trim().split(" ")) {
            c.code(z);
        }
        return c;
    }

    int size() {
        return zones.size();
    }
}
