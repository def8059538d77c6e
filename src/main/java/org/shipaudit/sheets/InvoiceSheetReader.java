package org.shipaudit.sheets;

import org.shipaudit.csv.CsvReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.UnsupportedFileFormatException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads an uploaded invoice sheet (XLSX or CSV) as a stream of rows, in constant memory whatever the file size:
 * XLSX through POI's event API (SAX over the worksheet XML, read-only shared strings; never the in-memory
 * workbook), CSV through {@link CsvReader}. The file type is found from the content, not the name. The header is
 * looked for in the first {@value RowDriver#PROBE_ROWS} non-empty rows of the first sheet, then of the next sheets.
 *
 * <p>Rows that cannot be read become row errors and the read goes on; a file that cannot be read at all fails with
 * an {@link InvoiceSheetException} carrying its HTTP status (413, 415 or 422). Empty rows are skipped cheaply (no
 * list built, no consumer call), never by stopping early, so data after a gap of empty rows is still read.
 * Instances are immutable and may be shared; each {@link #read} runs on the caller's thread (a worker, never an event
 * loop). Zip-bomb protection is POI's {@code ZipSecureFile} (inflate ratio and entry size limits), left at POI's
 * defaults unless the application sets them.
 */
public final class InvoiceSheetReader {

    /** The default largest file accepted: 1 GiB. */
    public static final long DEFAULT_MAX_BYTES = 1L << 30;

    private static final int SNIFF_BYTES = 64 * 1024;

    private final InvoiceProfile profile;
    private final ColumnMapping mapping;
    private final SheetLayout layout;
    private final long maxBytes;

    private InvoiceSheetReader(InvoiceProfile profile, ColumnMapping mapping, SheetLayout layout, long maxBytes) {
        this.profile = profile;
        this.mapping = mapping;
        this.layout = layout;
        this.maxBytes = maxBytes;
    }

    /** A reader for another kind of sheet (chargebacks): same file handling, the layout finds the header. */
    InvoiceSheetReader(SheetLayout layout, long maxBytes) {
        this(InvoiceProfile.GENERIC, null, Objects.requireNonNull(layout, "layout"), maxBytes);
    }

    /** A reader for a profile; {@link InvoiceProfile#AUTO} picks one from the header. */
    public InvoiceSheetReader(InvoiceProfile profile) {
        this(Objects.requireNonNull(profile, "profile"), null, null, DEFAULT_MAX_BYTES);
    }

    /** A reader for a custom layout: the mapping renames its header to generic names, then reads it as generic. */
    public InvoiceSheetReader(ColumnMapping mapping) {
        this(InvoiceProfile.GENERIC, Objects.requireNonNull(mapping, "mapping"), null, DEFAULT_MAX_BYTES);
    }

    /** The same reader refusing files larger than {@code bytes} with 413. */
    public InvoiceSheetReader withMaxBytes(long bytes) {
        return new InvoiceSheetReader(profile, mapping, layout, bytes);
    }

    /**
     * Reads {@code file}, calling {@code consumer} once with the header and then once per non-empty data row, in
     * order.
     *
     * @throws InvoiceSheetException the file is not a readable invoice sheet (status 413, 415 or 422)
     * @throws IOException           the file could not be read from disk, or the consumer failed
     */
    public SheetSummary read(Path file, SheetRowConsumer consumer) throws IOException, InvoiceSheetException {
        return read(file, consumer, null);
    }

    /**
     * As {@link #read(Path, SheetRowConsumer)}, but a CSV file's data rows before {@code from} (the start of a row
     * taken from a {@link SheetRow#start} of an earlier read) are passed over unread once the header is found: a
     * part of a large file is read from its first row on, at the cost of decoding the text before it. A workbook is
     * read whole (its rows have no marks). {@code from} null reads every row.
     */
    public SheetSummary read(Path file, SheetRowConsumer consumer, CsvReader.Mark from)
            throws IOException, InvoiceSheetException {
        long size = Files.size(file);
        if (size > maxBytes) {
            throw new InvoiceSheetException(InvoiceSheetException.Reason.TOO_LARGE, "The file is "
                    + megabytes(size) + "; the limit is " + megabytes(maxBytes)
                    + ". Split the invoice into several files.");
        }
        if (size == 0) {
            throw new InvoiceSheetException(InvoiceSheetException.Reason.EMPTY, "The file is empty.");
        }
        byte[] head = new byte[(int) Math.min(SNIFF_BYTES, size)];
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(head.length);
        }
        FileMagic magic = FileMagic.valueOf(head);
        if (magic == FileMagic.OOXML) {
            return readXlsx(file, consumer);
        }
        if (magic == FileMagic.OLE2) {
            throw ole2(file);
        }
        if (magic == FileMagic.BIFF2 || magic == FileMagic.BIFF3 || magic == FileMagic.BIFF4) {
            throw new InvoiceSheetException(InvoiceSheetException.Reason.LEGACY_XLS, "This is a very old Excel "
                    + "workbook (.xls), which is not supported. Save it as .xlsx or .csv and upload it again.");
        }
        if (magic == FileMagic.UNKNOWN) {
            return readText(file, head, consumer, from);
        }
        throw notASpreadsheet("it looks like a " + magic.name().toLowerCase(java.util.Locale.ROOT) + " file");
    }

    /**
     * As {@link #read}, but the consumer runs on a thread of its own while this thread parses ahead, so reading
     * overlaps the consumer's work; returns once the consumer has taken every row. For consumers that cost as much as
     * the reading (an audit, a workbook being written); a consumer that throws stops the read with its exception.
     */
    public SheetSummary readAhead(Path file, SheetRowConsumer consumer) throws IOException, InvoiceSheetException {
        return ReadAhead.read(this, file, consumer, null);
    }

    /** {@link #readAhead(Path, SheetRowConsumer)} from a CSV row on, as {@link #read(Path, SheetRowConsumer, CsvReader.Mark)}. */
    public SheetSummary readAhead(Path file, SheetRowConsumer consumer, CsvReader.Mark from)
            throws IOException, InvoiceSheetException {
        return ReadAhead.read(this, file, consumer, from);
    }

    private static String megabytes(long bytes) {
        return (bytes / (1024 * 1024)) + " MB";
    }

    private static InvoiceSheetException notASpreadsheet(String why) {
        return new InvoiceSheetException(InvoiceSheetException.Reason.NOT_A_SPREADSHEET, "This file is not a "
                + "spreadsheet (" + why + "). Upload the invoice as .xlsx or .csv.");
    }

    /** An OLE2 (compound) file: an encrypted XLSX, a legacy XLS, or another Office document. */
    private static InvoiceSheetException ole2(Path file) {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntry("EncryptedPackage") || root.hasEntry("EncryptionInfo")) {
                return new InvoiceSheetException(InvoiceSheetException.Reason.ENCRYPTED, "The workbook is password "
                        + "protected. Remove the password in Excel (File > Info > Protect Workbook) and upload it again.");
            }
            if (root.hasEntry("Workbook") || root.hasEntry("Book") || root.hasEntry("WORKBOOK")) {
                return new InvoiceSheetException(InvoiceSheetException.Reason.LEGACY_XLS, "This is an Excel 97-2003 "
                        + "workbook (.xls), which is not supported. Open it in Excel and save it as .xlsx "
                        + "(Excel Workbook) or .csv, then upload it again.");
            }
            return notASpreadsheet("it is a Word, PowerPoint or other Office 97-2003 document");
        } catch (IOException | RuntimeException e) {
            return new InvoiceSheetException(InvoiceSheetException.Reason.CORRUPT, "The file looks like an old Office "
                    + "document but is damaged and cannot be read.", e);
        }
    }

    // ---- XLSX ----

    private SheetSummary readXlsx(Path file, SheetRowConsumer consumer) throws IOException, InvoiceSheetException {
        // The zip's directory tells a workbook (xl/ parts) from any other zip before POI is asked to open it.
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            if (zip.stream().noneMatch(e -> e.getName().startsWith("xl/"))) {
                throw notASpreadsheet("it is a zip archive or a Word or PowerPoint document, not an Excel workbook");
            }
        } catch (java.util.zip.ZipException e) {
            throw unreadableXlsx(e);
        }
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (UnsupportedFileFormatException e) {
            throw notASpreadsheet("it is a zip archive, not an Excel workbook");
        } catch (InvalidFormatException | RuntimeException e) {
            throw unreadableXlsx(e);
        }
        try {
            if (pkg.getPartsByName(Pattern.compile("/xl/.*")).isEmpty()) {
                throw notASpreadsheet("it is a Word or PowerPoint document, not an Excel workbook");
            }
            XSSFReader reader = new XSSFReader(pkg);
            SharedStringsText strings = SharedStringsText.of(pkg);
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            InvoiceSheetException first = null;
            while (sheets.hasNext()) {
                try (InputStream sheet = sheets.next()) {
                    String name = sheets.getSheetName();
                    if (layout != null) {
                        layout.sheet(name);
                    }
                    RowDriver driver = new RowDriver(profile, mapping, layout, false, consumer);
                    XlsxSheetHandler handler = new XlsxSheetHandler(strings, styles, driver);
                    parse(sheet, handler);
                    if (driver.bound()) {
                        return driver.summary(name);
                    }
                    if (first == null) {
                        first = driver.noHeader("sheet '" + name + "'");
                    }
                }
            }
            throw first != null ? first : new InvoiceSheetException(InvoiceSheetException.Reason.NO_HEADER,
                    "The workbook has no worksheet.");
        } catch (InvoiceSheetException e) {
            throw e;
        } catch (ConsumerFailure e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw (RuntimeException) e.getCause();
        } catch (IOException e) {
            // Reading the package failed: a damaged or hostile workbook, since the file itself was readable.
            throw unreadableXlsx(e);
        } catch (SharedStringsText.TooManyStrings e) {
            throw new InvoiceSheetException(InvoiceSheetException.Reason.TOO_MANY_STRINGS, e.getMessage());
        } catch (OpenXML4JException | SAXException | RuntimeException e) {
            throw unreadableXlsx(e);
        } finally {
            pkg.revert();
        }
    }

    private static void parse(InputStream sheet, XlsxSheetHandler handler)
            throws IOException, InvoiceSheetException, SAXException {
        try {
            XMLReader xml = XMLHelper.newXMLReader();
            xml.setContentHandler(handler);
            xml.parse(new InputSource(sheet));
        } catch (XlsxSheetHandler.Stop stop) {
            if (stop.cause instanceof InvoiceSheetException e) {
                throw e;
            }
            if (stop.cause != null) {
                throw new ConsumerFailure(stop.cause);
            }
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no XML parser", e);
        }
    }

    /** The consumer's own failure, carried through the SAX parser so it is not taken for a damaged workbook. */
    private static final class ConsumerFailure extends IOException {
        ConsumerFailure(Exception cause) {
            super(cause);
        }
    }

    private static boolean isZipBomb(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage()).toLowerCase();
            if (m.contains("zip bomb") || m.contains("max entry size") || m.contains("inflate ratio")) {
                return true;
            }
        }
        return false;
    }

    private static InvoiceSheetException zipBomb(Throwable e) {
        return new InvoiceSheetException(InvoiceSheetException.Reason.ZIP_BOMB, "The workbook expands to far more "
                + "data than its size suggests (a possible zip bomb) and was not read. Export the invoice again from "
                + "its source, or as .csv.", e);
    }

    private static InvoiceSheetException unreadableXlsx(Throwable e) {
        if (isZipBomb(e)) {
            return zipBomb(e);
        }
        if (e instanceof EncryptedDocumentException) {
            return new InvoiceSheetException(InvoiceSheetException.Reason.ENCRYPTED, "The workbook is password "
                    + "protected. Remove the password in Excel and upload it again.", e);
        }
        return new InvoiceSheetException(InvoiceSheetException.Reason.CORRUPT, "The workbook is damaged and cannot be "
                + "read. Open it in Excel, save it again as .xlsx (or .csv) and upload it again.", e);
    }

    // ---- CSV ----

    private SheetSummary readText(Path file, byte[] head, SheetRowConsumer consumer, CsvReader.Mark from)
            throws IOException, InvoiceSheetException {
        Charset charset = charset(head);
        if (charset == null) {
            throw notASpreadsheet("it contains binary data, not text");
        }
        try (Reader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder(charset)),
                1 << 16)) {
            CsvReader csv = CsvReader.detectingSeparator(in);
            RowDriver driver = null;
            List<String> row;
            try {
                while ((row = csv.next()) != null) {
                    if (driver == null) {
                        driver = new RowDriver(profile, mapping, layout, csv.separator() == ';', consumer);
                    }
                    if (!driver.accept(csv.record(), row, csv.mark())) {
                        break;
                    }
                    if (from != null && driver.bound() && from.record() > csv.record() + 1) {
                        csv.seek(from); // past the header: straight to the first row asked for
                        from = null;
                    }
                }
            } catch (IOException e) {
                if (e.getMessage() != null && e.getMessage().startsWith("record ")) {
                    throw new InvoiceSheetException(InvoiceSheetException.Reason.CORRUPT, "The CSV file cannot be "
                            + "read past row " + csv.record() + ": " + e.getMessage() + ".", e);
                }
                throw e;
            }
            if (driver == null) {
                throw new InvoiceSheetException(InvoiceSheetException.Reason.EMPTY, "The file has no rows.");
            }
            if (!driver.bound()) {
                throw driver.noHeader("the CSV file");
            }
            return driver.summary(null);
        }
    }

    /** The charset of a text file from its start; null when the bytes are binary, not text. */
    static Charset charset(byte[] head) {
        int n = head.length;
        if (n >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (n >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            return StandardCharsets.UTF_16LE; // Excel's "Unicode text" export
        }
        if (n >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        int control = 0;
        for (byte b : head) {
            int c = b & 0xFF;
            if (c == 0) {
                return null;
            }
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
                control++;
            }
        }
        if (control > n / 100 + 1) {
            return null;
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        try {
            // The sniffed block may end inside a multi-byte character: drop up to 3 trailing bytes before checking.
            int end = n;
            while (end > 0 && end > n - 3 && (head[end - 1] & 0xC0) == 0x80) {
                end--;
            }
            if (end > 0 && (head[end - 1] & 0xC0) == 0xC0) {
                end--;
            }
            utf8.decode(ByteBuffer.wrap(head, 0, end));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            // Excel on Windows saves CSV in the ANSI code page.
            return Charset.forName("windows-1252");
        }
    }

    private static CharsetDecoder decoder(Charset charset) {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
    }

}
