package org.shipaudit.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    @Test
    void seeksToARecordMarkedByAnEarlierReadWithItsNumberAndLine() throws IOException {
        // A quoted line break and a byte-order mark: the mark counts characters, not lines; the buffer is 64K chars,
        // so the third record's mark lies beyond the first buffer a second reader fills.
        String padding = "p".repeat(70_000);
        String text = "\uFEFFh1,h2\n\"a\nb\",1\n" + padding + ",2\nlast,3\n";
        CsvReader first = new CsvReader(new StringReader(text));
        first.next();
        first.next();
        first.next();
        first.next();
        CsvReader.Mark last = first.mark();
        assertEquals(4, last.record());
        assertEquals(5, last.line());

        CsvReader second = new CsvReader(new StringReader(text));
        assertEquals(List.of("h1", "h2"), second.next());
        second.seek(last);
        assertEquals(List.of("last", "3"), second.next());
        assertEquals(4, second.record());
        assertEquals(5, second.line());
        assertEquals(null, second.next());
    }

    @Test
    void skipsTheByteOrderMarkBeforeTheFirstHeader() throws IOException {
        CsvReader r = new CsvReader(new StringReader("\uFEFFHTS Number,Indent\n1,2\n"));
        assertEquals(List.of("HTS Number", "Indent"), r.next());
        assertEquals(List.of("1", "2"), r.next());
        assertNull(r.next());
    }

    @Test
    void readsQuotedFieldsWithDoubledQuotesCommasAndLineBreaks() throws IOException {
        CsvReader r = new CsvReader(new StringReader("a,\"say \"\"hi\"\", then\nleave\",c\r\nx,,\"\"\n"));
        assertEquals(List.of("a", "say \"hi\", then\nleave", "c"), r.next());
        assertEquals(1, r.line());
        assertEquals(List.of("x", "", ""), r.next());
        assertEquals(3, r.line(), "the second record starts on line 3 because of the embedded line break");
        assertEquals(2, r.record());
        assertNull(r.next());
    }

    @Test
    void readsALastRecordWithoutLineBreakAndBlankLinesAsEmpty() throws IOException {
        CsvReader r = new CsvReader(new StringReader("a,b\n\nc,d"));
        assertEquals(List.of("a", "b"), r.next());
        assertTrue(r.next().isEmpty());
        assertEquals(List.of("c", "d"), r.next());
        assertNull(r.next());
    }

    @Test
    void refusesAQuoteLeftOpenAtTheEndOfTheFileNamingTheRecord() {
        CsvReader r = new CsvReader(new StringReader("a,b\n\"open,c\n"));
        IOException e = assertThrows(IOException.class, () -> {
            r.next();
            r.next();
        });
        assertTrue(e.getMessage().contains("record 2"), e.getMessage());
    }

    @Test
    void readsRecordsLongerThanItsBuffer() throws IOException {
        String big = "x".repeat(200_000);
        CsvReader r = new CsvReader(new StringReader("\"" + big + "\",y\n"));
        List<String> row = r.next();
        assertEquals(big, row.get(0));
        assertEquals("y", row.get(1));
    }

    @Test
    void detectsSemicolonSeparatorFromTheHeaderIgnoringSeparatorsInsideQuotes() throws IOException {
        CsvReader r = CsvReader.detectingSeparator(new StringReader("\uFEFF\"a,b,c\";amount;date\r\n\"x\ny\";12,34;2026-11-20\r\n"));
        assertEquals(List.of("a,b,c", "amount", "date"), r.next());
        assertEquals(';', r.separator());
        assertEquals(List.of("x\ny", "12,34", "2026-11-20"), r.next());
        assertNull(r.next());
    }

    @Test
    void detectsTabAndDefaultsToComma() throws IOException {
        CsvReader tab = CsvReader.detectingSeparator(new StringReader("a\tb\n1\t2\n"));
        assertEquals(List.of("a", "b"), tab.next());
        assertEquals('\t', tab.separator());
        CsvReader single = CsvReader.detectingSeparator(new StringReader("only\n1\n"));
        assertEquals(List.of("only"), single.next());
        assertEquals(',', single.separator());
    }

    @Test
    void refusesARecordLongerThanTheCap() {
        String huge = "\"" + "x".repeat(CsvReader.MAX_RECORD_CHARS + 10);
        CsvReader r = new CsvReader(new StringReader(huge));
        IOException e = assertThrows(IOException.class, r::next);
        assertTrue(e.getMessage().contains("record 1"), e.getMessage());
    }

    @Test
    void keepsAStrayQuoteInsideAnUnquotedFieldAndSplitsAcrossBuffers() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            sb.append("row").append(i).append(",12\" pipe,").append(i % 7 == 0 ? "\"q,\"\"x\"\"\"" : "plain").append('\n');
        }
        CsvReader r = new CsvReader(new StringReader(sb.toString()));
        for (int i = 0; i < 20_000; i++) {
            List<String> row = r.next();
            assertEquals(List.of("row" + i, "12\" pipe", i % 7 == 0 ? "q,\"x\"" : "plain"), row);
        }
        assertNull(r.next());
    }
}
