package org.shipaudit.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.shipaudit.model.lookup.HazmatNames;
import org.shipaudit.model.LineItem;
import org.shipaudit.reference.HazmatEntry;

/**
 * Picks, among the Hazardous Materials Table entries of a UN number, the ones a declaration names: UN1950 has six
 * entries (flammable aerosols, engine starting fluid, poison aerosols, ...) and only "Aerosols, flammable" class 2.1
 * is the one shipped. Class, then packing group, then the proper shipping name narrow the list, each only when it
 * leaves an entry (a wrong class is HAZ-003's finding, not a reason to judge nothing). When the name is missing or
 * matches none, every entry left stays: the declaration does not tell them apart, so each is judged.
 */
final class HazmatEntryChoice {

    private HazmatEntryChoice() {
    }

    static List<HazmatEntry> named(List<HazmatEntry> entries, LineItem item) {
        List<HazmatEntry> left = entries;
        if (item.getHazardClass() != null) {
            left = narrow(left, left.stream().filter(e -> e.hazardClass() != null
                    && e.hazardClass().trim().equalsIgnoreCase(item.getHazardClass())).toList());
        }
        if (item.getPackingGroup() != null) {
            left = narrow(left, left.stream().filter(e -> e.packingGroup() == null || e.packingGroup().isBlank()
                    || LineItem.packingGroup(e.packingGroup()).equals(item.getPackingGroup())).toList());
        }
        String declared = item.getProperShippingName();
        Set<String> words = HazmatNames.allWords(declared);
        if (words.isEmpty()) {
            return left;
        }
        // The best entries hold every declared word and add the fewest words of their own outside parentheses:
        // "Aerosols, flammable" is all of "Aerosols, flammable, (each not exceeding 1 L capacity)" and leaves
        // "n.o.s." of the engine-starting-fluid entry unexplained.
        int best = Integer.MAX_VALUE;
        List<HazmatEntry> chosen = new ArrayList<>();
        for (HazmatEntry e : left) {
            if (!HazmatNames.allWords(e.properShippingName()).containsAll(words)) {
                continue;
            }
            int extra = (int) HazmatNames.coreWords(e.properShippingName()).stream().filter(w -> !words.contains(w))
                    .count();
            if (extra < best) {
                best = extra;
                chosen.clear();
            }
            if (extra == best) {
                chosen.add(e);
            }
        }
        return chosen.isEmpty() ? left : chosen;
    }

    private static List<HazmatEntry> narrow(List<HazmatEntry> all, List<HazmatEntry> some) {
        return some.isEmpty() ? all : some;
    }
}
