package org.shipaudit.model.lookup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Tells a business name from a person's name in a recipient company field, with the word list in
 * {@code business-name-words.txt} (loaded once). Carriers fill that field with the consignee's own name when there is
 * no company, so only a legal form or an organisation word ("INC", "LLC", "HOSPITAL") makes it a business.
 */
public final class BusinessNames {

    private static final Set<String> WORDS = load();

    private BusinessNames() {
    }

    /** True when the name holds a business word as a whole word, or is a web address ("MRMAPLE.COM"). */
    public static boolean looksLikeBusiness(String name) {
        if (name == null || name.isBlank()) {
            return false;
        }
        String upper = name.toUpperCase(Locale.ROOT);
        if (upper.matches(".*[A-Z0-9]\\.(COM|NET|ORG|CO)\\b.*")) {
            return true;
        }
        for (String word : upper.split("[^A-Z0-9]+")) {
            if (WORDS.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        try (InputStream in = BusinessNames.class.getResourceAsStream("business-name-words.txt")) {
            if (in == null) {
                throw new IllegalStateException("business-name-words.txt is missing from the class path");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                String w = line.strip();
                if (!w.isEmpty() && !w.startsWith("#")) {
                    words.add(w.toUpperCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
