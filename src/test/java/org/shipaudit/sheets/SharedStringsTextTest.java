package org.shipaudit.sheets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
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
}
