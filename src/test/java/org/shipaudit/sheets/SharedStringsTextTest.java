package org.shipaudit.sheets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class SharedStringsTextTest {

    @Test
    void readsPlainAndRichTextAndLeavesOutPhoneticRuns() throws Exception {
        String xml = """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="4">
                <si><t>UPS</t></si>
                <si><r><rPr><b/></rPr><t>Gro</t></r><r><t xml:space="preserve">und </t></r></si>
                <si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></si>
                <si><t/></si>
                </sst>""";
        SharedStringsText t = SharedStringsText.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertEquals("UPS", t.get(0));
        assertEquals("Ground ", t.get(1));
        assertEquals("東京", t.get(2));
        assertEquals("", t.get(3));
        assertThrows(IndexOutOfBoundsException.class, () -> t.get(4));
    }

    static InputStream table(int strings, int charsEach) {
        byte[] head = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/"
                + "spreadsheetml/2006/main\" uniqueCount=\"2000000000\">").getBytes(StandardCharsets.UTF_8);
        byte[] tail = "</sst>".getBytes(StandardCharsets.UTF_8);
        String pad = "x".repeat(Math.max(0, charsEach - 10));
        // Generated as it is read, in blocks, so a table of millions of strings costs the test no memory of its own.
        int block = 1_000;
        Enumeration<InputStream> parts = new Enumeration<>() {
            int next = -1;

            @Override
            public boolean hasMoreElements() {
                return next <= strings;
            }

            @Override
            public InputStream nextElement() {
                if (next < 0 || next == strings) {
                    byte[] b = next < 0 ? head : tail;
                    next++;
                    return new ByteArrayInputStream(b);
                }
                StringBuilder xml = new StringBuilder();
                for (int end = Math.min(strings, next + block); next < end; next++) {
                    String n = Integer.toString(next);
                    xml.append("<si><t>").append("0".repeat(10 - n.length())).append(n).append(pad).append("</t></si>");
                }
                return new ByteArrayInputStream(xml.toString().getBytes(StandardCharsets.UTF_8));
            }
        };
        return new SequenceInputStream(parts);
    }

    @Test
    void keepsDistinctStringsCompactlyAndInOrder() throws Exception {
        SharedStringsText t = SharedStringsText.read(table(50_000, 12));
        assertEquals(50_000, t.size());
        assertEquals("0000000000xx", t.get(0));
        assertEquals("0000049999xx", t.get(49_999));
    }

    @Test
    void refusesATableWithMoreStringsThanTheBound() {
        SharedStringsText.TooManyStrings e = assertThrows(SharedStringsText.TooManyStrings.class,
                () -> SharedStringsText.read(table(1_001, 10), 1_000, 1 << 20));
        assertTrue(e.getMessage().contains("more than 1,000 distinct texts"), e.getMessage());
    }

    @Test
    void refusesATableWithMoreTextThanTheBound() {
        SharedStringsText.TooManyStrings e = assertThrows(SharedStringsText.TooManyStrings.class,
                () -> SharedStringsText.read(table(300, 4_000), 1_000, 1 << 20));
        assertTrue(e.getMessage().contains("more than 1 MB of text"), e.getMessage());
        assertThrows(SharedStringsText.TooManyStrings.class, () -> SharedStringsText.read(table(1, 3 << 20), 1_000, 1 << 20));
    }

    /** The default bound against a table of 12 million distinct strings, as in the workbook that ran the heap out. */
    @Test
    @Tag("large")
    void refusesTwelveMillionDistinctStringsWithinTheHeap() {
        Runtime rt = Runtime.getRuntime();
        SharedStringsText.TooManyStrings e = assertThrows(SharedStringsText.TooManyStrings.class,
                () -> SharedStringsText.read(table(12_000_000, 10)));
        assertTrue(e.getMessage().contains("more than 4,000,000 distinct texts"), e.getMessage());
        assertTrue(rt.totalMemory() - rt.freeMemory() < rt.maxMemory(), "heap");
    }
}
