package org.shipaudit.reference;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.shipaudit.reference.screening.AliasQuality;
import org.shipaudit.reference.screening.CountryNames;
import org.shipaudit.reference.screening.EntryType;
import org.shipaudit.reference.screening.ListedAddress;
import org.shipaudit.reference.screening.ListedEntry;
import org.shipaudit.reference.screening.ListedName;
import org.shipaudit.reference.screening.SanctionsList;

/**
 * Imports the UN Security Council Consolidated List XML ({@code CONSOLIDATED_LIST}, individuals and entities),
 * streaming with StAX one entry at a time. DTDs and external entities are refused: the file comes from outside, and
 * an entity could otherwise read local files or expand without bound. The entry id is the UN reference number
 * ("QDi.001"); the edition is the list's {@code dateGenerated}.
 */
final class UnListImporter {

    private UnListImporter() {
    }

    /** A parsed element: its text, and its child elements by name in order. */
    private record Node(String name, StringBuilder text, Map<String, List<Node>> children) {
        Node(String name) {
            this(name, new StringBuilder(), new LinkedHashMap<>());
        }

        String text(String child) {
            List<Node> l = children.get(child);
            return l == null || l.isEmpty() ? "" : l.get(0).text.toString().strip();
        }

        List<Node> all(String child) {
            return children.getOrDefault(child, List.of());
        }
    }

    static XMLInputFactory safeFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        return f;
    }

    static ImportSummary run(ImportRun run, Path file, String fallbackEdition) throws IOException {
        SanctionsList list = SanctionsList.UN_SC;
        run.replace(list.source());
        String edition = fallbackEdition;
        long entries = 0;
        try (InputStream in = ReferenceFiles.open(file)) {
            XMLStreamReader x = safeFactory().createXMLStreamReader(in);
            boolean root = false;
            while (x.hasNext()) {
                int ev = x.next();
                if (ev == XMLStreamConstants.DTD) {
                    throw new MalformedReferenceFileException(run.file, x.getLocation().getLineNumber(),
                            "a list without a DTD (DTDs are refused)");
                }
                if (ev != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String n = x.getLocalName();
                if (!root) {
                    if (!n.equals("CONSOLIDATED_LIST")) {
                        throw new MalformedReferenceFileException(run.file, x.getLocation().getLineNumber(),
                                "a CONSOLIDATED_LIST root element, found " + n);
                    }
                    root = true;
                    String generated = x.getAttributeValue(null, "dateGenerated");
                    if (generated != null && generated.length() >= 10) {
                        edition = "UN SC consolidated " + generated.substring(0, 10)
                                + (run.bundled ? " (bundled sample)" : "");
                    }
                    continue;
                }
                if (n.equals("INDIVIDUAL") || n.equals("ENTITY")) {
                    run.read++;
                    long line = x.getLocation().getLineNumber();
                    Node e = read(x, n);
                    ListedEntry entry = entry(e, n.equals("INDIVIDUAL") ? EntryType.INDIVIDUAL : EntryType.ENTITY,
                            run, line);
                    if (entry != null) {
                        ScreeningDocs.add(run, entry);
                        entries++;
                    }
                }
            }
            if (!root) {
                throw new MalformedReferenceFileException(run.file, 1, "a CONSOLIDATED_LIST root element");
            }
        } catch (XMLStreamException e) {
            throw new MalformedReferenceFileException(run.file,
                    e.getLocation() == null ? 0 : e.getLocation().getLineNumber(), "well-formed XML: " + e.getMessage());
        }
        run.screeningEdition(list.source(), edition, entries);
        return run.summary(ReferenceFormat.UN_SC_XML, list.source(), edition);
    }

    /** Reads the element the reader is on, with all it holds, leaving the reader on its end tag. */
    private static Node read(XMLStreamReader x, String name) throws XMLStreamException {
        List<Node> stack = new ArrayList<>();
        Node top = new Node(name);
        stack.add(top);
        while (x.hasNext()) {
            int ev = x.next();
            Node cur = stack.get(stack.size() - 1);
            if (ev == XMLStreamConstants.START_ELEMENT) {
                Node child = new Node(x.getLocalName());
                cur.children.computeIfAbsent(child.name, k -> new ArrayList<>()).add(child);
                stack.add(child);
            } else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) {
                if (cur.text.length() < 8192) {
                    cur.text.append(x.getText());
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                stack.remove(stack.size() - 1);
                if (stack.isEmpty()) {
                    return top;
                }
            }
        }
        throw new XMLStreamException("the file ends inside " + name);
    }

    private static ListedEntry entry(Node e, EntryType type, ImportRun run, long line)
            throws MalformedReferenceFileException {
        String ref = e.text("REFERENCE_NUMBER");
        String id = ref.isEmpty() ? e.text("DATAID") : ref;
        if (id.isEmpty()) {
            throw new MalformedReferenceFileException(run.file, line, "a REFERENCE_NUMBER or DATAID on each entry");
        }
        StringBuilder name = new StringBuilder();
        for (String part : List.of("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")) {
            String p = e.text(part);
            if (!p.isEmpty()) {
                name.append(name.length() > 0 ? " " : "").append(p);
            }
        }
        if (name.length() == 0) {
            run.skip("entry without a name");
            return null;
        }
        List<ListedName> names = new ArrayList<>();
        names.add(new ListedName(name.toString(), AliasQuality.PRIMARY));
        String aliasTag = type == EntryType.INDIVIDUAL ? "INDIVIDUAL_ALIAS" : "ENTITY_ALIAS";
        for (Node a : e.all(aliasTag)) {
            String alias = a.text("ALIAS_NAME");
            if (alias.isEmpty()) {
                continue;
            }
            String q = a.text("QUALITY").toLowerCase(Locale.ROOT);
            AliasQuality quality = q.startsWith("low") ? AliasQuality.WEAK : q.startsWith("f.k.a") ? AliasQuality.FKA
                    : AliasQuality.AKA;
            names.add(new ListedName(alias, quality));
        }
        List<ListedAddress> addresses = new ArrayList<>();
        List<String> countries = new ArrayList<>();
        String addressTag = type == EntryType.INDIVIDUAL ? "INDIVIDUAL_ADDRESS" : "ENTITY_ADDRESS";
        for (Node a : e.all(addressTag)) {
            String country = a.text("COUNTRY");
            ListedAddress ad = new ListedAddress(a.text("STREET"), a.text("CITY"), a.text("STATE_PROVINCE"),
                    a.text("ZIP_CODE"), CountryNames.code(country), country);
            if (!ad.isEmpty()) {
                addresses.add(ad);
                countries.add(ad.country());
            }
        }
        for (Node nat : e.all("NATIONALITY")) {
            for (Node v : nat.all("VALUE")) {
                countries.add(CountryNames.code(v.text.toString().strip()));
            }
        }
        List<String> identifiers = new ArrayList<>();
        for (Node d : e.all("INDIVIDUAL_DOCUMENT")) {
            String kind = d.text("TYPE_OF_DOCUMENT");
            String number = d.text("NUMBER");
            if (!number.isEmpty()) {
                String issuer = d.text("ISSUING_COUNTRY");
                identifiers.add((kind.isEmpty() ? "Document" : kind) + " " + number
                        + (issuer.isEmpty() ? "" : " (" + issuer + ")"));
            }
        }
        List<String> programs = new ArrayList<>();
        String listType = e.text("UN_LIST_TYPE");
        if (!listType.isEmpty()) {
            programs.add(listType);
        }
        return new ListedEntry(SanctionsList.UN_SC, id, type, names, programs, addresses, countries, identifiers,
                e.text("COMMENTS1"), date(e.text("LISTED_ON")), null, null);
    }

    private static LocalDate date(String s) {
        if (s.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(s.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
