package org.shipaudit.sheets;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Parsing of the cell values invoices carry, written by hand for speed (no regex or exception per well-formed cell):
 * amounts in the notations finance exports use, dates in the formats carriers and spreadsheets write, weight and
 * length units, yes/no flags. Each parser returns null for a value it cannot read; the caller turns that into a
 * row error naming the column, so one bad cell never stops a job.
 */
final class Values {

    /** Excel serial day numbers that are plausible invoice dates (1954..2173); other numbers are not dates. */
    private static final double MIN_SERIAL = 20_000;
    private static final double MAX_SERIAL = 100_000;

    private static final String[] MONTHS = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT",
        "NOV", "DEC"};

    private Values() {
    }

    /**
     * An amount: {@code 1,234.56}, {@code $12.34}, {@code (12.34)} (negative), {@code -12.34}, {@code 12.34-},
     * {@code 12,34} and {@code 1.234,56} when the file uses a decimal comma, a currency sign or ISO code around it.
     * Returns null for anything else.
     */
    static BigDecimal amount(String text, boolean decimalComma) {
        if (text == null) {
            return null;
        }
        int n = text.length();
        StringBuilder digits = new StringBuilder(n);
        boolean negative = false;
        int lastDot = -1;
        int lastComma = -1;
        int dots = 0;
        int commas = 0;
        boolean seenDigit = false;
        int letters = 0;
        boolean minusAfterDigits = false;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (minusAfterDigits) {
                    // A minus between digits is a date or a range, not an amount.
                    return null;
                }
                digits.append(c);
                seenDigit = true;
            } else if (c == '.') {
                dots++;
                lastDot = digits.length();
                digits.append('.');
            } else if (c == ',') {
                commas++;
                lastComma = digits.length();
                digits.append(',');
            } else if (c == '-' || c == '(' || c == '\u2212') {
                if (negative) {
                    return null;
                }
                negative = true;
                minusAfterDigits = seenDigit;
            } else if (c == ')' || c == '+' || c == ' ' || c == '\u00A0' || c == '\'' || c == '$' || c == '\u20AC'
                    || c == '\u00A3' || c == '\t') {
                // Signs, spaces (also as thousands separators) and currency symbols carry no value of their own.
            } else if (c >= 'A' && c <= 'Z' && ++letters <= 3) {
                // A currency code such as USD before or after the number.
            } else {
                return null;
            }
        }
        if (!seenDigit || letters > 0 && letters != 3) {
            return null;
        }
        char decimal;
        if (dots > 0 && commas > 0) {
            decimal = lastDot > lastComma ? '.' : ',';
        } else if (commas > 0) {
            boolean groupingShape = commas > 1 || digits.length() - lastComma - 1 == 3;
            decimal = decimalComma && commas == 1 ? ',' : groupingShape ? '.' : ',';
        } else if (dots > 0) {
            boolean groupingShape = dots > 1 || digits.length() - lastDot - 1 == 3;
            decimal = decimalComma && groupingShape ? ',' : '.';
        } else {
            decimal = '.';
        }
        StringBuilder plain = new StringBuilder(digits.length() + 1);
        if (negative) {
            plain.append('-');
        }
        int decimals = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c == decimal) {
                if (++decimals > 1) {
                    return null;
                }
                plain.append('.');
            } else if (c >= '0' && c <= '9') {
                plain.append(c);
            }
        }
        try {
            return new BigDecimal(plain.toString());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A plain decimal number (weights, dimensions): the amount notations without currency. */
    static Double number(String text, boolean decimalComma) {
        BigDecimal d = amount(text, decimalComma);
        return d == null ? null : d.doubleValue();
    }

    /** A date, or the date part of a timestamp; null when the text is not one. */
    static LocalDate date(String text) {
        LocalDateTime t = dateTime(text);
        return t == null ? null : t.toLocalDate();
    }

    /**
     * A date or timestamp: ISO {@code 2026-11-20} (also with a time and an offset, kept as the local time written),
     * US {@code 11/20/2026} and {@code 11/20/26} (day first when the first number is above 12), {@code 20-Nov-2026},
     * {@code 20.11.2026}, {@code 20261120}, and Excel serial day numbers. Null when the text is none of these.
     */
    static LocalDateTime dateTime(String text) {
        if (text == null) {
            return null;
        }
        String s = text.trim();
        int n = s.length();
        if (n < 5) {
            return null;
        }
        try {
            if (n == 8 && allDigits(s, 0, 8)) {
                return LocalDate.of(num(s, 0, 4), num(s, 4, 6), num(s, 6, 8)).atStartOfDay();
            }
            if (n >= 10 && s.charAt(4) == '-' && s.charAt(7) == '-' && allDigits(s, 0, 4)) {
                LocalDate d = LocalDate.of(num(s, 0, 4), num(s, 5, 7), num(s, 8, 10));
                return withTime(d, s, 10);
            }
            int sep1 = indexOfAny(s, "/.-");
            if (sep1 > 0 && sep1 <= 2) {
                char sep = s.charAt(sep1);
                int sep2 = s.indexOf(sep, sep1 + 1);
                if (sep2 < 0) {
                    return null;
                }
                int end = sep2 + 1;
                while (end < n && Character.isDigit(s.charAt(end))) {
                    end++;
                }
                int a = num(s, 0, sep1);
                int year = num(s, sep2 + 1, end);
                if (end - sep2 - 1 == 2) {
                    year += 2000;
                } else if (end - sep2 - 1 != 4) {
                    return null;
                }
                String middle = s.substring(sep1 + 1, sep2);
                LocalDate d;
                if (!middle.isEmpty() && Character.isLetter(middle.charAt(0))) {
                    d = LocalDate.of(year, month(middle), a);
                } else {
                    int b = Integer.parseInt(middle);
                    if (sep == '.') {
                        d = LocalDate.of(year, b, a);
                    } else if (a > 12) {
                        d = LocalDate.of(year, b, a);
                    } else {
                        d = LocalDate.of(year, a, b);
                    }
                }
                return withTime(d, s, end);
            }
            if (s.charAt(0) >= '0' && s.charAt(0) <= '9') {
                double serial = Double.parseDouble(s);
                if (serial >= MIN_SERIAL && serial < MAX_SERIAL) {
                    return excelSerial(serial);
                }
            }
        } catch (NumberFormatException | DateTimeException e) {
            return null;
        }
        return null;
    }

    /** An Excel serial date (1900 system): day 25569 is 1970-01-01; the fraction is the time of day. */
    static LocalDateTime excelSerial(double serial) {
        long days = (long) Math.floor(serial);
        long seconds = Math.round((serial - days) * 86_400);
        return LocalDate.ofEpochDay(days - 25_569).atStartOfDay().plusSeconds(seconds);
    }

    private static LocalDateTime withTime(LocalDate d, String s, int from) {
        int n = s.length();
        if (from >= n) {
            return d.atStartOfDay();
        }
        String rest = s.substring(from + 1).trim();
        if (rest.isEmpty()) {
            return d.atStartOfDay();
        }
        LocalTime plain = plainTime(rest);
        if (plain != null) {
            return d.atTime(plain);
        }
        try {
            // Offsets are dropped on purpose: the local time the carrier reported is what a guarantee is measured in.
            if (rest.endsWith("Z") || rest.lastIndexOf('+') > 0 || rest.lastIndexOf('-') > 0) {
                return OffsetDateTime.parse(d + "T" + rest.replace(' ', 'T')).toLocalDateTime();
            }
            return d.atTime(LocalTime.parse(rest.length() == 4 && rest.indexOf(':') < 0
                    ? rest.substring(0, 2) + ":" + rest.substring(2) : rest.toUpperCase(Locale.ROOT).replace(" ", "")
                            .replace("AM", "").replace("PM", "")));
        } catch (DateTimeParseException e) {
            return d.atStartOfDay();
        }
    }

    /**
     * {@code HH:mm} or {@code HH:mm:ss} in digits, the form nearly every invoice uses, without the cost of a
     * DateTimeFormatter (parsing the time of day was 4% of an invoice audit's CPU); null for any other form, and for
     * an impossible time, which the general path then treats as before.
     */
    private static LocalTime plainTime(String t) {
        int n = t.length();
        if ((n != 5 && n != 8) || t.charAt(2) != ':' || (n == 8 && t.charAt(5) != ':')
                || !allDigits(t, 0, 2) || !allDigits(t, 3, 5) || (n == 8 && !allDigits(t, 6, 8))) {
            return null;
        }
        int h = num(t, 0, 2);
        int m = num(t, 3, 5);
        int sec = n == 8 ? num(t, 6, 8) : 0;
        return h < 24 && m < 60 && sec < 60 ? LocalTime.of(h, m, sec) : null;
    }

    private static int month(String name) {
        String m = name.length() >= 3 ? name.substring(0, 3).toUpperCase(Locale.ROOT) : "";
        for (int i = 0; i < MONTHS.length; i++) {
            if (MONTHS[i].equals(m)) {
                return i + 1;
            }
        }
        throw new NumberFormatException(name);
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < Math.min(s.length(), 3); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static boolean allDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int num(String s, int from, int to) {
        if (to <= from || !allDigits(s, from, to)) {
            throw new NumberFormatException(s);
        }
        return Integer.parseInt(s, from, to, 10);
    }

    /** Pounds for a weight in the given unit (LB when blank); null when the unit is not a weight unit. */
    static Double pounds(double value, String unit) {
        String u = unit == null ? "" : unit.trim().toUpperCase(Locale.ROOT);
        if (u.isEmpty() || u.startsWith("L") || u.equals("#") || u.startsWith("POUND")) {
            return value;
        }
        if (u.startsWith("K")) {
            return value * 2.2046226218;
        }
        if (u.startsWith("O")) {
            return value / 16;
        }
        if (u.equals("G") || u.startsWith("GR")) {
            return value / 453.59237;
        }
        return null;
    }

    /** Inches for a length in the given unit (IN when blank); null when the unit is not a length unit. */
    static Double inches(double value, String unit) {
        String u = unit == null ? "" : unit.trim().toUpperCase(Locale.ROOT);
        if (u.isEmpty() || u.startsWith("I")) {
            return value;
        }
        if (u.startsWith("C")) {
            return value / 2.54;
        }
        if (u.equals("MM")) {
            return value / 25.4;
        }
        return null;
    }

    /** Y/N, yes/no, true/false, 1/0, R/C (residential/commercial); null when blank or unknown. */
    static Boolean flag(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim().toUpperCase(Locale.ROOT);
        return switch (t) {
            case "Y", "YES", "TRUE", "1", "R", "RES", "RESIDENTIAL" -> Boolean.TRUE;
            case "N", "NO", "FALSE", "0", "C", "COM", "COMMERCIAL" -> Boolean.FALSE;
            default -> null;
        };
    }
}
