package org.shipaudit.csv;

/**
 * Formula-injection guards for everything the service writes into files a finance user opens in a spreadsheet
 * program: text that starts with {@code =}, {@code +}, {@code -}, {@code @}, tab or carriage return could run as a
 * formula (OWASP "CSV injection"). Plain numbers, negative ones included, are not at risk and stay numbers.
 */
public final class SafeText {

    private SafeText() {
    }

    /** True when a spreadsheet program could take the text for a formula. */
    public static boolean risky(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        char c = s.charAt(0);
        return (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') && !isPlainNumber(s);
    }

    /** The text as a CSV field value: a leading apostrophe when it is risky, so it shows as text. */
    public static String forCsv(String s) {
        return risky(s) ? "'" + s : s;
    }

    /**
     * A number as a spreadsheet stores one: optional sign, digits, optional fraction; no leading zero (an id such as
     * 00123 keeps its zeros as text) and at most 15 significant digits (a tracking number is not a number).
     */
    public static boolean isPlainNumber(String s) {
        int n = s.length();
        if (n == 0 || n > 20) {
            return false;
        }
        int i = 0;
        if (s.charAt(0) == '-' || s.charAt(0) == '+') {
            i++;
        }
        int start = i;
        int digits = 0;
        boolean dot = false;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.' && !dot && i > start) {
                dot = true;
            } else {
                return false;
            }
        }
        if (digits == 0 || digits > 15 || s.charAt(n - 1) == '.') {
            return false;
        }
        // "0.5" is a number, "012" an identifier.
        return !(s.charAt(start) == '0' && n > start + 1 && s.charAt(start + 1) != '.');
    }
}
