package org.shipaudit.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class HeadingAggregatorTest {

    @Test
    void severalMatchingLinesOfOneHeadingBeatOneLuckyLine() {
        HeadingAggregator a = new HeadingAggregator();
        a.line("610910", 5, "6109.10", "t-shirts of cotton", false);
        a.line("610990", 4, "6109.90", "t-shirts of other textiles", false);
        a.line("847130", 6, "8471.30", "portable machines", false);
        List<HeadingAggregator.Scored> h = a.headings();
        assertEquals("6109", h.get(0).code());
        assertEquals(5 + 4 * HeadingAggregator.DECAY, h.get(0).score(), 1e-9);
        assertEquals("8471", h.get(1).code());
        assertEquals("610910", a.subheadings().get(1).code());
        assertEquals("847130", a.subheadings().get(0).code(), "one line each: the better line leads");
    }

    @Test
    void specialProvisionsOfChapters98And99AreNeverTheAnswer() {
        HeadingAggregator a = new HeadingAggregator();
        a.line("9801001012", 20, "9801", "returned goods", false);
        a.line("9903881500", 20, "9903", "additional duties", false);
        a.line("420221", 1, "4202.21", "handbags", false);
        assertEquals(List.of("4202"), a.headings().stream().map(HeadingAggregator.Scored::code).toList());
    }

    @Test
    void aResidualOtherLineCountsLessThanALineThatNamesTheGoods() {
        HeadingAggregator a = new HeadingAggregator();
        a.line("392690", 5, "3926.90 Other", "other ; articles of plastics", true);
        a.line("420292", 4, "4202.92", "bags of plastic sheeting", false);
        assertEquals("4202", a.headings().get(0).code());
        assertEquals(5 * HeadingAggregator.OTHER_FACTOR, a.headings().get(1).score(), 1e-9);
    }

    @Test
    void aCuratedTermCountsForEachCodeItNamesSharingItsWeight() {
        HeadingAggregator a = new HeadingAggregator();
        a.term(List.of("8506", "8507"), 4, "HMRC guidance for 'aa battery'", "aa battery");
        a.term(List.of("8412210000"), 3, "HMRC search term 'abs pumps'", "abs pumps");
        List<HeadingAggregator.Scored> h = a.headings();
        assertEquals(4 / Math.sqrt(2), h.stream().filter(s -> s.code().equals("8506")).findFirst().orElseThrow()
                .score(), 1e-9);
        assertEquals(List.of("841221"), a.subheadings().stream().map(HeadingAggregator.Scored::code).toList(),
                "a heading-only hint says nothing about subheadings");
        assertTrue(h.stream().anyMatch(s -> s.code().equals("8412") && s.evidence().get(0).term()));
    }
}
