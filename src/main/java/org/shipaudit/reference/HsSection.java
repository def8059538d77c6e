package org.shipaudit.reference;

/**
 * The HS section of a chapter (HS 2022 nomenclature: 21 sections, I = chapters 1-5 ... XXI = chapter 97; the
 * national chapters 98 and 99 are counted with XXI). Sections group the chapters of one kind of goods (textiles
 * 50-63, machinery 84-85), so goods and a code from different sections are unrelated, not a close call.
 */
final class HsSection {
    /** The first chapter of each section, in order (section I starts at chapter 1). */
    private static final int[] FIRST_CHAPTERS = {1, 6, 15, 16, 25, 28, 39, 41, 44, 47, 50, 64, 68, 71, 72, 84, 86, 90,
        93, 94, 97};

    private HsSection() {
    }

    /** The section (1 = I ... 21 = XXI) of the code's chapter (its first 2 digits); 0 when they are not digits. */
    static int of(String digits) {
        if (digits == null || digits.length() < 2 || !Character.isDigit(digits.charAt(0))
                || !Character.isDigit(digits.charAt(1))) {
            return 0;
        }
        int chapter = Integer.parseInt(digits.substring(0, 2));
        int section = 0;
        for (int i = 0; i < FIRST_CHAPTERS.length && chapter >= FIRST_CHAPTERS[i]; i++) {
            section = i + 1;
        }
        return section;
    }
}
