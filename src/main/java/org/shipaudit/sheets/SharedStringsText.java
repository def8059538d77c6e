package org.shipaudit.sheets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A workbook's shared strings as plain text, read once with SAX, phonetic runs left out. POI's read-only table reads
 * the same but answers each look-up with a new XMLBeans rich-text object, which cost a quarter of the time of reading
 * a large invoice; a cell only needs the text.
 *
 * <p>Memory is bounded whatever the file holds: the texts are kept as UTF-8 in one array with an offset per string
 * (about 5 bytes of overhead a string instead of about 50 for a {@code String}), and a table past
 * {@link #MAX_STRINGS} strings or {@link #MAX_BYTES} bytes of text is refused with {@link TooManyStrings} as soon as it
 * is crossed. A 232 MB workbook of 12 million distinct strings ran the heap out when they were kept as a list.
 */
final class SharedStringsText extends DefaultHandler {

    private static final String NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    /** Most distinct strings: ten times what a 1,000,000-row invoice with a few text columns needs. */
    static final int MAX_STRINGS = 4_000_000;
    /** Most text, in UTF-8 bytes, over all shared strings. */
    static final int MAX_BYTES = 128 * 1024 * 1024;

    private final int maxStrings;
    private final int maxBytes;
    private byte[] utf8 = new byte[1 << 12];
    private int used;
    /** {@code offsets[i]} is where string i starts; {@code offsets[count]} where the next will. */
    private int[] offsets = new int[1 << 10];
    private int count;
    private final StringBuilder text = new StringBuilder(64);
    private boolean inText;
    private boolean inPhonetic;

    private SharedStringsText(int maxStrings, int maxBytes) {
        this.maxStrings = maxStrings;
        this.maxBytes = maxBytes;
    }

    /** The table is larger than the bounds: the workbook is refused rather than read into the heap. */
    static final class TooManyStrings extends SAXException {
        TooManyStrings(String message) {
            super(message);
        }
    }

    static SharedStringsText of(OPCPackage pkg) throws IOException, SAXException {
        List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
        if (parts.isEmpty()) {
            return new SharedStringsText(0, 0);
        }
        try (InputStream in = parts.get(0).getInputStream()) {
            return read(in);
        }
    }

    /** Reads a shared strings part ({@code xl/sharedStrings.xml}). */
    static SharedStringsText read(InputStream in) throws IOException, SAXException {
        return read(in, MAX_STRINGS, MAX_BYTES);
    }

    /** Reads a shared strings part with given bounds; past them {@link TooManyStrings}. */
    static SharedStringsText read(InputStream in, int maxStrings, int maxBytes) throws IOException, SAXException {
        SharedStringsText table = new SharedStringsText(maxStrings, maxBytes);
        try {
            XMLReader xml = XMLHelper.newXMLReader();
            xml.setContentHandler(table);
            xml.parse(new InputSource(in));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no XML parser", e);
        }
        return table;
    }

    /** The text of shared string {@code index}; throws for an index the table does not have, as POI does. */
    String get(int index) {
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException("shared string " + index + " of " + count);
        }
        return new String(utf8, offsets[index], offsets[index + 1] - offsets[index], StandardCharsets.UTF_8);
    }

    /** How many strings the table holds. */
    int size() {
        return count;
    }

    private void add(String s) throws TooManyStrings {
        if (count >= maxStrings) {
            throw new TooManyStrings("The workbook's shared strings table holds more than "
                    + String.format("%,d", maxStrings) + " distinct texts, more than an invoice can have; save it as "
                    + "CSV or split it, then upload it again.");
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if ((long) used + b.length > maxBytes) {
            throw new TooManyStrings("The workbook's shared strings table holds more than " + maxBytes / (1024 * 1024)
                    + " MB of text, more than an invoice can have; save it as CSV or split it, then upload it again.");
        }
        if (used + b.length > utf8.length) {
            utf8 = Arrays.copyOf(utf8, (int) Math.min(maxBytes, Math.max((long) used + b.length, 2L * utf8.length)));
        }
        System.arraycopy(b, 0, utf8, used, b.length);
        used += b.length;
        if (count + 2 > offsets.length) {
            offsets = Arrays.copyOf(offsets, (int) Math.min(maxStrings + 1L, 2L * offsets.length));
        }
        count++;
        offsets[count] = used;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) {
        if (uri != null && !uri.equals(NS)) {
            return;
        }
        switch (localName) {
            case "si" -> text.setLength(0);
            case "t" -> inText = true;
            case "rPh" -> inPhonetic = true;
            default -> {
            }
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws TooManyStrings {
        if (uri != null && !uri.equals(NS)) {
            return;
        }
        switch (localName) {
            case "si" -> add(text.toString());
            case "t" -> inText = false;
            case "rPh" -> inPhonetic = false;
            default -> {
            }
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) throws TooManyStrings {
        if (inText && !inPhonetic) {
            if (text.length() + length > maxBytes) {
                // one string of gigabytes would grow the builder before the table's bound could see it
                throw new TooManyStrings("A text in the workbook's shared strings table is longer than "
                        + maxBytes / (1024 * 1024) + " MB; this is not an invoice.");
            }
            text.append(ch, start, length);
        }
    }
}
