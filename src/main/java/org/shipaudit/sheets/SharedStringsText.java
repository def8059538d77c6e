package org.shipaudit.sheets;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
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
 */
final class SharedStringsText extends DefaultHandler {

    private static final String NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    /** A count read from the file is a hint only: a hostile one must not allocate gigabytes up front. */
    private static final int MAX_PRESIZE = 1 << 16;

    private final List<String> strings = new ArrayList<>();
    private final StringBuilder text = new StringBuilder(64);
    private boolean inText;
    private boolean inPhonetic;

    private SharedStringsText() {
    }

    static SharedStringsText of(OPCPackage pkg) throws IOException, SAXException {
        List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
        if (parts.isEmpty()) {
            return new SharedStringsText();
        }
        try (InputStream in = parts.get(0).getInputStream()) {
            return read(in);
        }
    }

    /** Reads a shared strings part ({@code xl/sharedStrings.xml}). */
    static SharedStringsText read(InputStream in) throws IOException, SAXException {
        SharedStringsText table = new SharedStringsText();
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
        return strings.get(index);
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) {
        if (uri != null && !uri.equals(NS)) {
            return;
        }
        switch (localName) {
            case "sst" -> {
                String unique = atts.getValue("uniqueCount");
                if (unique != null) {
                    try {
                        ((ArrayList<String>) strings).ensureCapacity(Math.min(MAX_PRESIZE, Integer.parseInt(unique)));
                    } catch (NumberFormatException ignored) {
                        // only a sizing hint
                    }
                }
            }
            case "si" -> text.setLength(0);
            case "t" -> inText = true;
            case "rPh" -> inPhonetic = true;
            default -> {
            }
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        if (uri != null && !uri.equals(NS)) {
            return;
        }
        switch (localName) {
            case "si" -> strings.add(text.toString());
            case "t" -> inText = false;
            case "rPh" -> inPhonetic = false;
            default -> {
            }
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (inText && !inPhonetic) {
            text.append(ch, start, length);
        }
    }
}
