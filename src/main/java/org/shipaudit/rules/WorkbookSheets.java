package org.shipaudit.rules;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The sheet names of an XLSX workbook in workbook order, read from its {@code xl/workbook.xml} part. Drools' table
 * parser tells its listener neither the sheet's name nor that there are others, and the rules package does not use
 * POI directly, so the names come from the file itself; the part is read bounded and without DTDs or entities.
 */
final class WorkbookSheets {

    /** {@code xl/workbook.xml} lists sheets and defined names; a megabyte is far above any real one. */
    private static final int MAX_PART_BYTES = 1024 * 1024;

    private WorkbookSheets() {
    }

    /** The sheet names in order; empty when the bytes are not a readable workbook. */
    static List<String> names(byte[] xlsx) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals("xl/workbook.xml")) {
                    return parse(new ByteArrayInputStream(zip.readNBytes(MAX_PART_BYTES)));
                }
            }
        } catch (IOException | XMLStreamException | RuntimeException e) {
            // The table compiled already; without names, errors name the row and column only.
        }
        return List.of();
    }

    private static List<String> parse(InputStream in) throws XMLStreamException {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XMLStreamReader r = f.createXMLStreamReader(in);
        List<String> names = new ArrayList<>();
        while (r.hasNext()) {
            if (r.next() == XMLStreamReader.START_ELEMENT && r.getLocalName().equals("sheet")) {
                String name = r.getAttributeValue(null, "name");
                if (name != null) {
                    names.add(name);
                }
            }
        }
        return List.copyOf(names);
    }
}
