package org.shipaudit.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.shipaudit.reference.screening.Keyboard;

class NameVariantsTest {
    @Test
    void aNeighbouringKeyTypoIsAQwertyNeighbourInTheLettersCase() {
        for (char c = 'a'; c <= 'z'; c++) {
            for (int position = 0; position < 6; position++) {
                char k = NameVariants.neighbourKey(c, position);
                assertTrue(Keyboard.neighbours(c, k), c + " -> " + k);
                char upper = NameVariants.neighbourKey(Character.toUpperCase(c), position);
                assertEquals(Character.toUpperCase(k), upper);
            }
        }
        // Not the next letter of the alphabet, as the bench had it: n is no neighbour of o.
        assertTrue(NameVariants.neighbourKey('n', 1) != 'o');
        assertEquals('2', NameVariants.neighbourKey('1', 3), "off the letter keys: the next character");
    }

    @Test
    void typosOfOneChangedLetterAreQwertyNeighbours() {
        NameVariants variants = new NameVariants(16);
        int changed = 0;
        for (int i = 0; i < 300; i++) {
            String name = "Abdelrahman Kuznetsov";
            String typo = variants.of(name, false).stream().filter(v -> v.kind() == NameVariants.Kind.TYPO)
                    .findFirst().orElseThrow().name();
            if (typo.length() != name.length()) {
                continue; // a dropped letter
            }
            int diff = 0;
            int at = -1;
            for (int j = 0; j < name.length(); j++) {
                if (name.charAt(j) != typo.charAt(j)) {
                    diff++;
                    at = j;
                }
            }
            if (diff == 1) {
                changed++;
                assertTrue(Keyboard.neighbours(name.charAt(at), typo.charAt(at)), name + " -> " + typo);
            }
        }
        assertTrue(changed > 50, "neighbouring-key typos seen: " + changed);
    }
}
