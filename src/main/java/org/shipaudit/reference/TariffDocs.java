package org.shipaudit.reference;

import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;

/** Builds the one document shape shared by all tariff schedules, and the stored-field names it uses. */
final class TariffDocs {
    static final String CODE = "code";
    static final String DESCRIPTION = "desc";
    static final String LEVEL = "level";
    static final String PATH = "path";
    static final String PARENT = "parent";
    static final String DUTY_GENERAL = "dutyGeneral";
    static final String DUTY_SPECIAL = "dutySpecial";
    static final String DUTY_COLUMN2 = "dutyColumn2";
    static final String UNITS = "units";

    private TariffDocs() {
    }

    static String source(String schedule) {
        return "tariff:" + schedule;
    }

    /**
     * A tariff line document. {@code aliases} are other digit strings that must find this line (an HTSUS 8-digit
     * line printed only as its 10-digit "00" line). {@code pathText} is the ancestors' text for search.
     */
    static Document line(String schedule, String digits, List<String> aliases, String display, String description,
                         int level, List<String> path, String parent, String general, String special,
                         String column2, List<String> units) {
        Document d = Fields.base(Fields.KIND_TARIFF, source(schedule));
        d.add(new StringField(Fields.SCHEDULE, schedule, Field.Store.NO));
        Fields.key(d, Fields.tariffKey(schedule, digits));
        for (String alias : aliases) {
            Fields.key(d, Fields.tariffKey(schedule, alias));
        }
        d.add(new StoredField(Fields.SCHEDULE, schedule));
        d.add(new StoredField(CODE, display));
        Fields.store(d, DESCRIPTION, description);
        d.add(new StoredField(LEVEL, level));
        Fields.store(d, PATH, String.join(Fields.SEP, path));
        Fields.store(d, PARENT, parent);
        Fields.store(d, DUTY_GENERAL, general);
        Fields.store(d, DUTY_SPECIAL, special);
        Fields.store(d, DUTY_COLUMN2, column2);
        Fields.store(d, UNITS, String.join(Fields.SEP, units));
        Fields.text(d, Fields.TEXT, description);
        // Chapter titles list whole families of goods ("... handbags and similar containers") and would match half
        // a chapter; search uses the path from the heading down. Code prefixes are noise; only the words count.
        List<String> searchPath = level > 2 && !path.isEmpty() && isChapter(path.get(0)) ? path.subList(1, path.size()) : path;
        Fields.text(d, Fields.PATH_TEXT, String.join(" ; ", searchPath).replaceAll("\\b\\d[\\d. ]*\\d\\b", " "));
        return d;
    }

    /** A path element that is a chapter: two digits, a space, the title. */
    private static boolean isChapter(String element) {
        return element.length() > 3 && Character.isDigit(element.charAt(0)) && Character.isDigit(element.charAt(1))
                && element.charAt(2) == ' ';
    }

    static String hsDisplay(String digits) {
        return digits.length() <= 4 ? digits : digits.substring(0, 4) + "." + digits.substring(4);
    }
}
