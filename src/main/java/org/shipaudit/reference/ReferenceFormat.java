package org.shipaudit.reference;

/** The reference file formats the importers understand, recognised by content (see {@link FormatDetector}). */
enum ReferenceFormat {
    HS_NOMENCLATURE("HS nomenclature CSV"),
    HS_SECTIONS("HS sections CSV"),
    HTSUS_CSV("USITC HTSUS CSV"),
    EU_CN_CODES("EU CN codes JSON"),
    EU_CN_SUBHEADINGS("EU CN subheadings JSON"),
    EU_CN_HEADINGS("EU CN headings JSON"),
    EU_CN_CHAPTERS("EU CN chapters JSON"),
    EU_CN_SECTIONS("EU CN sections JSON"),
    HAZMAT_JSONL("49 CFR HMT JSONL"),
    HAZMAT_CSV("49 CFR HMT CSV"),
    GEONAMES_POSTAL("GeoNames postal CSV"),
    COUNTRIES_CSV("country-codes CSV"),
    ISO_3166_1_JSON("ISO 3166-1 JSON"),
    ISO_3166_2_JSON("ISO 3166-2 JSON"),
    CURRENCIES_CSV("ISO 4217 CSV"),
    ISO_4217_JSON("ISO 4217 JSON"),
    DELIVERY_AREA_CSV("carrier delivery-area ZIP list CSV"),
    FUEL_CSV("carrier fuel surcharge table CSV"),
    RATE_SHEET_CSV("contract rate sheet CSV"),
    CONTRACT_DISCOUNTS_CSV("contract discounts off published rates CSV"),
    UPS_DAILY_RATES_CSV("UPS published daily rates CSV"),
    FEDEX_LIST_RATES_CSV("FedEx Ground/Home Delivery list rates CSV"),
    FEDEX_DAS_CSV("FedEx delivery-area ZIP list CSV"),
    UPS_DAS_CSV("UPS delivery-area ZIP list CSV"),
    FEDEX_DAS_XLSX("FedEx delivery-area ZIP workbook"),
    UPS_DAS_XLSX("UPS area surcharge ZIP workbook"),
    FEDEX_FUEL_WEEKLY_CSV("FedEx weekly fuel table CSV"),
    UPS_FUEL_WEEKLY_CSV("UPS weekly fuel table CSV"),
    CARRIER_ACCESSORIALS_JSON("carrier accessorial amounts JSON"),
    FEDEX_SURCHARGE_CHANGES_PDF("FedEx surcharge and fee changes PDF (delivery area amounts)"),
    UPS_ZONE_CHART_CSV("UPS zone chart CSV (origin ZIP3 x destination ZIP3)"),
    FEDEX_ZONE_RANGES_CSV("FedEx zone chart CSV (origin x destination ZIP ranges)"),
    FEDEX_ZONE_LOCATOR_CSV("FedEx zone locator export CSV"),
    USPS_ZONES_CSV("USPS zones by destination ZIP3 CSV"),
    UK_SEARCH_REFERENCES("UK tariff search references JSON"),
    UK_INTERCEPT_MESSAGES("UK tariff intercept messages YAML"),
    UK_SEARCH_SYNONYMS("UK tariff search synonyms"),
    UK_VAGUE_TERMS("UK too-vague descriptions CSV"),
    HTSUS_CHAPTER_NOTES("HTSUS section and chapter notes markdown"),
    OFAC_SDN_CSV("OFAC SDN legacy CSV (sdn.csv)"),
    OFAC_ADD_CSV("OFAC SDN addresses CSV (add.csv)"),
    OFAC_ALT_CSV("OFAC SDN alternate names CSV (alt.csv)"),
    UN_SC_XML("UN SC consolidated list XML"),
    BIS_DPL_TSV("BIS Denied Persons List TSV"),
    ECB_XML("ECB euro reference rates XML"),
    ECB_CSV("ECB euro reference rates CSV"),
    UNKNOWN("unknown");

    private final String label;

    ReferenceFormat(String label) {
        this.label = label;
    }

    /** A short human name for summaries. */
    String label() {
        return label;
    }
}
