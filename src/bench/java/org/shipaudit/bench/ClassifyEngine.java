package org.shipaudit.bench;

import java.util.List;
import org.shipaudit.reference.ClassifyRequest;
import org.shipaudit.reference.ReferenceIndex;
import org.shipaudit.reference.TariffClassification;

/** What {@code bench classify} measures: anything that ranks tariff headings and subheadings for a description. */
@FunctionalInterface
public interface ClassifyEngine {

    /**
     * The ranked answer for one case. {@code headings} are 4-digit and {@code subheadings} 6-digit codes, best first,
     * without duplicates; {@code line} is the best full national line's digits (null when none); {@code abstained}
     * says the engine declined to answer (too vague), which counts as wrong in the accuracy figures.
     */
    record Answer(List<String> headings, List<String> subheadings, String line, boolean abstained) {
    }

    Answer classify(ClassifyCase c);

    /**
     * The classifier of {@code index} in {@code schedule}, uncached: the answer cache is cleared before each case,
     * so what is measured is a description the service has not seen.
     */
    static ClassifyEngine classifier(ReferenceIndex index, String schedule) {
        return c -> {
            index.clearSearchCache();
            TariffClassification r = index.classifyTariff(new ClassifyRequest(c.text(), c.category(), c.attributes(),
                    schedule));
            return new Answer(r.headingCodes(), r.subheadingCodes(),
                    r.line() == null ? null : r.line().code().replaceAll("\\D", ""), !r.answered());
        };
    }
}
