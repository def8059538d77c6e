package org.shipaudit.reference;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Imports the EU Combined Nomenclature JSON files as schedule "EU_CN": chapters, headings, 6-digit subheadings
 * and 8-digit codes.
 *
 * <p>CN names are leaf-only ("Other", "Lithium-ion"), so each line's path carries its chapter, heading and
 * subheading names; the four small companion files are read into memory first (about 2,900 names), then the
 * codes file is streamed. Codes are displayed as the CN writes them, "6109 10 00". A missing companion only makes
 * paths shorter; it is named in the summary.
 */
final class EuCnImporter {
    static final String SCHEDULE = "EU_CN";

    private EuCnImporter() {
    }

    private record Node(String code, String raw, String name, String parent) {
        String label() {
            return raw + " " + name;
        }
    }

    static ImportSummary run(ImportRun run, Path codes, Path subheadings, Path headings, Path chapters,
                             String edition) throws IOException {
        String source = TariffDocs.source(SCHEDULE);
        run.replace(source);
        Map<String, Node> chapterMap = read(chapters, "chapters", null);
        Map<String, Node> headingMap = read(headings, "headings", "chapter");
        Map<String, Node> subMap = read(subheadings, "subheadings", "heading");
        String[] version = {edition};
        for (Node c : chapterMap.values()) {
            add(run, c, 2, List.of(), null);
        }
        for (Node h : headingMap.values()) {
            Node c = chapterMap.get(h.code().substring(0, 2));
            add(run, h, 4, c == null ? List.of() : List.of(c.label()), c == null ? null : c.raw());
        }
        for (Node s : subMap.values()) {
            List<String> path = new ArrayList<>(2);
            String parent = ancestors(path, s.code(), chapterMap, headingMap, null);
            add(run, s, 6, path, parent);
        }
        if (chapters == null || headings == null || subheadings == null) {
            run.skip("companion file missing (chapters/headings/subheadings): paths are partial");
        }
        String display = codes.getFileName().toString();
        JsonRecords.forEach(codes, display, (o, index) -> {
            run.read++;
            String code = JsonRecords.text(o, "code");
            String raw = JsonRecords.text(o, "rawCode");
            if (code.length() != 8 || !code.chars().allMatch(Character::isDigit)) {
                throw new MalformedReferenceFileException(display, index,
                        "expected an 8-digit CN code in \"code\", found '" + code + "'");
            }
            String v = JsonRecords.text(o, "version");
            if (!v.isEmpty() && index == 1) {
                version[0] = "CN " + v + " (" + edition + ")";
            }
            List<String> path = new ArrayList<>(3);
            String parent = ancestors(path, code, chapterMap, headingMap, subMap);
            String unit = JsonRecords.text(o, "supplementaryUnit");
            run.add(TariffDocs.line(SCHEDULE, code, List.of(), raw.isEmpty() ? code : raw,
                    JsonRecords.text(o, "name"), 8, path, parent, null, null, null,
                    unit.isEmpty() ? List.of() : List.of(unit)));
        });
        run.edition(source, "tariff", version[0], run.indexed);
        return run.summary(ReferenceFormat.EU_CN_CODES, source, version[0]);
    }

    private static String ancestors(List<String> path, String code, Map<String, Node> chapters,
                                    Map<String, Node> headings, Map<String, Node> subs) {
        String parent = null;
        Node c = chapters.get(code.substring(0, 2));
        if (c != null) {
            path.add(c.label());
            parent = c.raw();
        }
        Node h = headings.get(code.substring(0, 4));
        if (h != null) {
            path.add(h.label());
            parent = h.raw();
        }
        if (subs != null) {
            Node s = subs.get(code.substring(0, 6));
            if (s != null) {
                path.add(s.label());
                parent = s.raw();
            }
        }
        return parent;
    }

    private static void add(ImportRun run, Node n, int level, List<String> path, String parent) throws IOException {
        run.add(TariffDocs.line(SCHEDULE, n.code(), List.of(), n.raw(), n.name(), level, path, parent, null, null,
                null, List.of()));
    }

    private static Map<String, Node> read(Path file, String what, String parentField) throws IOException {
        Map<String, Node> map = new HashMap<>();
        if (file == null) {
            return map;
        }
        String display = file.getFileName().toString();
        JsonRecords.forEach(file, display, (o, index) -> {
            String code = JsonRecords.text(o, "code");
            if (code.isEmpty() || !code.chars().allMatch(Character::isDigit)) {
                throw new MalformedReferenceFileException(display, index,
                        "expected a numeric CN " + what + " code in \"code\", found '" + code + "'");
            }
            String raw = JsonRecords.text(o, "rawCode");
            map.put(code, new Node(code, raw.isEmpty() ? code : raw, JsonRecords.text(o, "name"),
                    parentField == null ? null : JsonRecords.text(o, parentField)));
        });
        return map;
    }
}
