package org.shipaudit.sheets;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * SAX handler for one worksheet part: turns {@code <row>/<c>} elements into rows of text cells without building any
 * object model. Shared strings come from the table read beforehand; a formula cell gives its cached value; a number in a
 * date-formatted cell becomes an ISO date (time included when it has one) so date columns read the same as in CSV;
 * other numbers stay as Excel stored them (at most 15 significant digits). Rows without a value are reported as empty
 * without building a list, so a sheet of a million formatted empty rows costs only its parsing.
 */
final class XlsxSheetHandler extends DefaultHandler {

    /** Thrown to end the parse of a sheet early: probing gave up, or an error must reach the reader. */
    static final class Stop extends SAXException {
        final Exception cause;

        Stop(Exception cause) {
            super("stopped");
            this.cause = cause;
        }
    }

    private final SharedStringsText strings;
    private final StylesTable styles;
    private final RawRows driver;
    private final Map<Integer, Boolean> dateStyles = new HashMap<>();
    private final StringBuilder value = new StringBuilder(64);
    private List<String> cells = new ArrayList<>(16);
    private boolean inValue;
    private boolean inInlineText;
    private String type;
    private int style;
    private int column;
    private int nextColumn;
    private long row;
    private boolean rowHasValue;
    private boolean gaveUp;

    XlsxSheetHandler(SharedStringsText strings, StylesTable styles, RawRows driver) {
        this.strings = strings;
        this.styles = styles;
        this.driver = driver;
    }

    /** True when the driver stopped probing this sheet without finding a header. */
    boolean gaveUp() {
        return gaveUp;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) {
        switch (localName) {
            case "row" -> {
                String r = atts.getValue("r");
                row = r == null ? row + 1 : Long.parseLong(r);
                cells = new ArrayList<>(Math.max(16, cells.size()));
                nextColumn = 0;
                rowHasValue = false;
            }
            case "c" -> {
                String ref = atts.getValue("r");
                column = ref == null ? nextColumn : columnOf(ref);
                type = atts.getValue("t");
                String s = atts.getValue("s");
                style = s == null ? 0 : Integer.parseInt(s);
                value.setLength(0);
            }
            case "v" -> inValue = true;
            case "t" -> inInlineText = "inlineStr".equals(type);
            default -> {
            }
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (inValue || inInlineText) {
            value.append(ch, start, length);
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        switch (localName) {
            case "v" -> inValue = false;
            case "t" -> inInlineText = false;
            case "c" -> {
                String text = cellText();
                if (!text.isEmpty()) {
                    while (cells.size() < column) {
                        cells.add("");
                    }
                    cells.add(text);
                    rowHasValue = true;
                }
                nextColumn = column + 1;
            }
            case "row" -> endRow();
            default -> {
            }
        }
    }

    private void endRow() throws SAXException {
        try {
            if (!rowHasValue) {
                driver.emptyRow(row);
            } else if (!driver.accept(row, cells)) {
                gaveUp = true;
                throw new Stop(null);
            }
        } catch (IOException | InvoiceSheetException | RuntimeException e) {
            // Whatever the consumer (or the profile) throws must not be taken for a damaged workbook.
            throw new Stop(e);
        }
    }

    private String cellText() {
        if (value.length() == 0) {
            return "";
        }
        String v = value.toString();
        if (type == null || "n".equals(type)) {
            return number(v);
        }
        return switch (type) {
            case "s" -> strings.get(Integer.parseInt(v.trim()));
            case "b" -> "1".equals(v) ? "TRUE" : "FALSE";
            case "e" -> "";
            default -> v; // str (a formula's cached text), inlineStr
        };
    }

    private String number(String v) {
        if (isDateStyle(style)) {
            try {
                double d = Double.parseDouble(v);
                LocalDateTime t = DateUtil.getLocalDateTime(d);
                return t.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? t.toLocalDate().toString() : t.toString();
            } catch (NumberFormatException e) {
                return v;
            }
        }
        if (v.length() > 16) {
            // Excel writes binary doubles such as 12.300000000000001; 15 digits is what Excel itself shows.
            try {
                return new BigDecimal(v).round(MathContext.DECIMAL64).round(new MathContext(15)).stripTrailingZeros()
                        .toPlainString();
            } catch (NumberFormatException e) {
                return v;
            }
        }
        return v;
    }

    private boolean isDateStyle(int s) {
        if (styles == null || s == 0) {
            return false;
        }
        return dateStyles.computeIfAbsent(s, i -> {
            if (i >= styles.getNumCellStyles()) {
                return false;
            }
            XSSFCellStyle st = styles.getStyleAt(i);
            return st != null && DateUtil.isADateFormat(st.getDataFormat(), st.getDataFormatString());
        });
    }

    /** 0-based column of a reference such as {@code AB12}. */
    static int columnOf(String ref) {
        int col = 0;
        for (int i = 0; i < ref.length(); i++) {
            char c = ref.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                col = col * 26 + (c - 'A' + 1);
            } else {
                break;
            }
        }
        return col - 1;
    }
}
