package org.shipaudit.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormatDetectorTest {
    @TempDir
    Path dir;

    @Test
    void recognisesFilesByContentNotByName() throws IOException {
        assertEquals(ReferenceFormat.HTSUS_CSV, FormatDetector.detect(
                Fixtures.write(dir, "a.txt", Fixtures.BOM + Fixtures.HTSUS_HEADER)));
        assertEquals(ReferenceFormat.HS_NOMENCLATURE, FormatDetector.detect(
                Fixtures.write(dir, "htsus.csv", "section,hscode,description,parent,level\nI,01,Animals,TOTAL,2\n")));
        assertEquals(ReferenceFormat.HS_SECTIONS, FormatDetector.detect(
                Fixtures.write(dir, "b", Fixtures.BOM + "section,name\nI,animals\n")));
        assertEquals(ReferenceFormat.GEONAMES_POSTAL, FormatDetector.detect(
                Fixtures.gzip(dir, "c.bin", Fixtures.GEONAMES_HEADER + "US,10001,New York,New York,NY,,,,,,\n")));
        assertEquals(ReferenceFormat.HAZMAT_JSONL, FormatDetector.detect(Fixtures.write(dir, "d.json",
                "{\"idNumber\": \"UN1088\", \"properShippingName\": \"Acetal\", \"hazardClass\": \"3\"}\n")));
        assertEquals(ReferenceFormat.HAZMAT_CSV, FormatDetector.detect(Fixtures.write(dir, "e.csv",
                "id_number,proper_shipping_name,hazard_class,forbidden\n")));
        assertEquals(ReferenceFormat.ISO_3166_2_JSON, FormatDetector.detect(Fixtures.write(dir, "f.json",
                "{\"3166-2\": [{\"code\": \"US-NY\", \"name\": \"New York\"}]}")));
        assertEquals(ReferenceFormat.CURRENCIES_CSV, FormatDetector.detect(Fixtures.write(dir, "g.csv",
                "Entity,Currency,AlphabeticCode,NumericCode,MinorUnit,WithdrawalDate\n")));
    }

    @Test
    void tellsTheEuCnFilesApartByTheirKeys() throws IOException {
        assertEquals(ReferenceFormat.EU_CN_CODES, FormatDetector.detect(Fixtures.write(dir, "1.json",
                "[{\"code\":\"61091000\",\"rawCode\":\"6109 10 00\",\"name\":\"Of cotton\",\"subheading\":null,"
                        + "\"heading\":\"6109\",\"chapter\":\"61\",\"supplementaryUnit\":\"PST\"}]")));
        assertEquals(ReferenceFormat.EU_CN_SUBHEADINGS, FormatDetector.detect(Fixtures.write(dir, "2.json",
                "[{\"code\":\"610990\",\"rawCode\":\"6109 90\",\"name\":\"x\",\"heading\":\"6109\",\"chapter\":\"61\"}]")));
        assertEquals(ReferenceFormat.EU_CN_HEADINGS, FormatDetector.detect(Fixtures.write(dir, "3.json",
                "[{\"code\":\"6109\",\"rawCode\":\"6109\",\"name\":\"x\",\"chapter\":\"61\",\"section\":\"XI\"}]")));
        assertEquals(ReferenceFormat.EU_CN_CHAPTERS, FormatDetector.detect(Fixtures.write(dir, "4.json",
                "[{\"code\":\"61\",\"rawCode\":\"61\",\"name\":\"x\",\"section\":\"XI\"}]")));
        assertEquals(ReferenceFormat.EU_CN_SECTIONS, FormatDetector.detect(Fixtures.write(dir, "5.json",
                "[{\"code\":\"XI\",\"rawCode\":\"XI\",\"name\":\"x\",\"version\":2026}]")));
    }

    @Test
    void answersUnknownForAnythingElse() throws IOException {
        assertEquals(ReferenceFormat.UNKNOWN, FormatDetector.detect(Fixtures.write(dir, "htsus_2026.csv",
                "position,column_name\n1,Version\n")));
        assertEquals(ReferenceFormat.UNKNOWN, FormatDetector.detect(Fixtures.write(dir, "x.json", "{\"addresses\": [1]}")));
        assertEquals(ReferenceFormat.UNKNOWN, FormatDetector.detect(Fixtures.write(dir, "empty.csv", "")));
    }
}
