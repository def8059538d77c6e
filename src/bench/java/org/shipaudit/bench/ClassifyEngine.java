package org.shipaudit.bench;

import java.util.List;

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
}
