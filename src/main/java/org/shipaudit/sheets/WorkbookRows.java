package org.shipaudit.sheets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Streams every row of every worksheet of an XLSX workbook as text cells, for readers outside this package (the
 * carriers' published workbooks) that must not touch POI. Same cell reading as the invoice reader (shared strings,
 * cached formula values, numbers as Excel stored them), one sheet at a time, no object model.
 */
public final class WorkbookRows {

    /** Receives the rows of one workbook, sheet by sheet; empty rows are not sent. */
    @FunctionalInterface
    public interface Visitor {
        /** @param row the sheet's 1-based row number; {@code cells} by column (A is 0), "" for an empty cell */
        void row(String sheet, long row, List<String> cells) throws IOException;
    }

    /** A workbook that cannot be read as XLSX; the message says why, for the person who gave the file. */
    public static final class UnreadableWorkbookException extends IOException {
        UnreadableWorkbookException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private WorkbookRows() {
    }

    /** The worksheet names in workbook order. */
    public static List<String> sheetNames(Path file) throws IOException {
        List<String> names = new ArrayList<>();
        read(file, null, names);
        return names;
    }

    /** Sends each non-empty row of each worksheet to the visitor, in workbook order. */
    public static void read(Path file, Visitor visitor) throws IOException {
        read(file, visitor, new ArrayList<>());
    }

    private static void read(Path file, Visitor visitor, List<String> names) throws IOException {
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (OpenXML4JException | RuntimeException e) {
            throw new UnreadableWorkbookException(file.getFileName() + " is not a readable Excel workbook (.xlsx)", e);
        }
        try {
            XSSFReader reader = new XSSFReader(pkg);
            SharedStringsText strings = visitor == null ? null : SharedStringsText.of(pkg);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (sheets.hasNext()) {
                try (InputStream sheet = sheets.next()) {
                    String name = sheets.getSheetName();
                    names.add(name);
                    if (visitor != null) {
                        parse(sheet, new XlsxSheetHandler(strings, reader.getStylesTable(), new Rows(name, visitor)));
                    }
                }
            }
        } catch (Carried e) {
            throw e.io;
        } catch (SharedStringsText.TooManyStrings e) {
            throw new UnreadableWorkbookException(file.getFileName() + ": " + e.getMessage(), e);
        } catch (OpenXML4JException | SAXException | RuntimeException e) {
            throw new UnreadableWorkbookException(file.getFileName() + " is a damaged Excel workbook: open it in "
                    + "Excel and save it again as .xlsx", e);
        } finally {
            pkg.revert();
        }
    }

    private static void parse(InputStream sheet, XlsxSheetHandler handler) throws IOException, SAXException {
        try {
            XMLReader xml = XMLHelper.newXMLReader();
            xml.setContentHandler(handler);
            xml.parse(new InputSource(sheet));
        } catch (XlsxSheetHandler.Stop stop) {
            if (stop.cause instanceof IOException io) {
                throw new Carried(io);
            }
            if (stop.cause instanceof RuntimeException r) {
                throw r;
            }
            throw stop;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no XML parser", e);
        }
    }

    /** The visitor's own failure, carried out of the SAX parse so it is not taken for a damaged workbook. */
    private static final class Carried extends RuntimeException {
        final IOException io;

        Carried(IOException io) {
            super(io);
            this.io = io;
        }
    }

    private record Rows(String sheet, Visitor visitor) implements RawRows {
        @Override
        public void emptyRow(long row) {
        }

        @Override
        public boolean accept(long row, List<String> cells) throws IOException {
            visitor.row(sheet, row, cells);
            return true;
        }
    }
}
