package org.shipaudit.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MaterialSplitTest {
    private final JewelleryMaterial jewellery = new JewelleryMaterial();
    private final FootwearUpper footwear = new FootwearUpper();
    private final BagMaterial bags = new BagMaterial();
    private final DeviceCase cases = new DeviceCase();
    private final ToyArticle toys = new ToyArticle();
    private final KnitOrWoven clothing = new KnitOrWoven();
    private final KeyRing keyRings = new KeyRing();
    private final OtherGarment otherGarments = new OtherGarment();
    private final ArtificialFlower flowers = new ArtificialFlower();
    private final WatchPart watchParts = new WatchPart();
    private final CosmeticPreparation cosmetics = new CosmeticPreparation();
    private final PlasticsFitting fittings = new PlasticsFitting();
    private final BaseMetalArticle baseMetal = new BaseMetalArticle();

    private static ClassifyRequest r(String title, Map<String, String> attributes) {
        return new ClassifyRequest(title, List.of(), attributes, "HTSUS");
    }

    private String sub(String title, Map<String, String> attributes) {
        return jewellery.choose(r(title, attributes)).map(MaterialSplit.Choice::subheading).orElse(null);
    }

    @Test
    void jewelleryOfHallmarkedPreciousMetalIs7113EvenWithStones() {
        assertEquals("711311", sub("925 Sterling Silver Moissanite Stud Earrings", Map.of()));
        assertEquals("711319", sub("14K Rose Gold Oval Moissanite Engagement Ring", Map.of()));
        assertEquals("711311", sub("Bead charm", Map.of("Metals Type", "Silver")));
    }

    @Test
    void goldColourAndPlatingAreNotPreciousMetal() {
        assertEquals("711620", sub("18K Gold Color Brass and Zircon Flower Pendant", Map.of()));
        assertEquals("711719", sub("Silver Plated Figaro Chain Bracelet", Map.of()));
        assertEquals("711719", sub("Cross pendant necklace", Map.of("Metals Type", "Gold Color")));
    }

    @Test
    void pearlsAndStonesWithoutPreciousMetalAre7116() {
        assertEquals("711610", sub("Natural Keshi Pearl Pendant", Map.of("Metals Type", "Copper")));
        assertEquals("711620", sub("Rhinestone Peacock Brooch", Map.of("Material", "Zinc Alloy")));
    }

    @Test
    void theRestIsImitationJewelleryOfBaseMetalOrOfOtherMaterials() {
        assertEquals("711719", sub("Gothic Enamel Lapel Pin Brooch", Map.of("Material", "Metal")));
        assertEquals("711719", sub("Gothic Lapel Pin Brooch", Map.of()));
        assertEquals("711790", sub("Woven Rope Bracelet", Map.of("Material", "Resin")));
    }

    @Test
    void jewelleryNounsAreNote9Objects() {
        assertTrue(jewellery.namesGoods(r("Vintage Heart Earrings", Map.of())));
        assertFalse(jewellery.namesGoods(r("Stainless steel kitchen knife", Map.of())));
    }

    @Test
    void footwearFollowsTheUpperMaterialAttributeThenTheTitle() {
        Optional<MaterialSplit.Choice> pvc = footwear.choose(r("Summer Slippers", Map.of("Upper coverage", "Low",
                "Upper Material", "PVC")));
        assertEquals("6402", pvc.orElseThrow().heading());
        assertEquals("6403", footwear.choose(r("Genuine Leather Flats with rubber sole", Map.of())).orElseThrow()
                .heading());
        assertEquals("6402", footwear.choose(r("PU Leather Ankle Boots", Map.of())).orElseThrow().heading());
        assertEquals("6404", footwear.choose(r("Running shoes", Map.of("Upper Material", "Air Mesh"))).orElseThrow()
                .heading());
        assertTrue(footwear.choose(r("Women's sandals", Map.of())).isEmpty(), "no material stated: no choice");
    }

    @Test
    void bagsOfPlaitingMaterialsAreBasketworkTheRest4202ByKindAndOuterSurface() {
        assertEquals("4602", bags.choose(r("Handwoven Rattan Round Crossbody Bag", Map.of())).orElseThrow().heading());
        assertEquals("420222", bags.choose(r("Women PU Leather Messenger Bag Shoulder Bag", Map.of())).orElseThrow()
                .subheading(), "PU leather is plastics");
        assertEquals("420221", bags.choose(r("Soft Leather Underarm Bags Women", Map.of())).orElseThrow().subheading());
        assertEquals("420231", bags.choose(r("Genuine Cowhide Leather Wallet for Men", Map.of())).orElseThrow()
                .subheading());
        assertEquals("420292", bags.choose(r("School Backpack", Map.of("Main Material", "Nylon"))).orElseThrow()
                .subheading());
        assertEquals("420212", bags.choose(r("ABS Plastic Suitcase 20 inch", Map.of())).orElseThrow().subheading());
        assertEquals(null, bags.choose(r("Drawstring bag", Map.of())).orElseThrow().subheading(),
                "no surface stated: the heading only");
    }

    @Test
    void aCoverShapedToFitADeviceIsPlasticsUnlessLeatherOrTextile() {
        ClassifyRequest silicone = r("Cute silicone soft earphone case for apple airpods pro", Map.of());
        assertTrue(cases.namesGoods(silicone));
        assertEquals("392690", cases.choose(silicone).orElseThrow().subheading());
        assertEquals("392690", cases.choose(r("PU Leather Half Case for Olympus Camera", Map.of())).orElseThrow()
                .subheading());
        assertEquals("420231", cases.choose(r("Genuine Leather Flip Case for iPhone 15", Map.of())).orElseThrow()
                .subheading());
        assertEquals("420232", cases.choose(r("Phone sleeve", Map.of("Material", "Canvas"))).orElseThrow()
                .subheading());
    }

    @Test
    void earPadsWatchCasesAndSuitcasesAreNotDeviceCovers() {
        assertFalse(cases.namesGoods(r("Cover Replacement Ear pads Cushion for Beats headphones", Map.of())));
        assertFalse(cases.namesGoods(r("Sterile Watch Case Sapphire Glass for NH35 movement", Map.of())));
        assertFalse(cases.namesGoods(r("Suitcase Wheels Travel Trolley", Map.of())));
        assertFalse(cases.namesGoods(new ClassifyRequest("Alloy Differential Diff Case Carrier for RC Cars",
                List.of("Toys & Hobbies", "Remote Control Toys", "Parts & Accs"), Map.of(), "HTSUS")),
                "a differential case is a working part, whatever remote the category names");
    }

    private static ClassifyRequest listed(String title, String... category) {
        return new ClassifyRequest(title, List.of(category), Map.of("Material", "Plastic"), "HTSUS");
    }

    @Test
    void aToyNamedInTheTitleOrByACategoryBelowTheRootIs9503WhateverItsMaterial() {
        assertTrue(toys.namesGoods(listed("Model Building Blocks Toys Assembly", "Toys & Hobbies", "Blocks")));
        assertTrue(toys.namesGoods(listed("Alloy Differential Diff Case Carrier for RC Cars", "Toys & Hobbies",
                "Remote Control Toys", "Parts & Accs")), "note 3: a part solely for a toy is the toy's");
        assertTrue(toys.namesGoods(listed("Doll Hat for Dollhouse Miniature")), "a doll's accessory");
        assertTrue(toys.namesGoods(listed("Bears Stuffed Plush Toys Mini Bear Keychain")),
                "the toy is named before the keychain it hangs from");
        assertEquals("950300", toys.choose(listed("Diecast Model Car")).orElseThrow().subheading());
    }

    @Test
    void theRootCategoryAloneAndNoteOnesExclusionsLeaveToysToTheSearch() {
        assertFalse(toys.namesGoods(listed("Dual Line Parafoil Kite", "Toys & Hobbies", "Outdoor Fun & Sports")),
                "a department is not the goods");
        assertFalse(toys.namesGoods(listed("Acrylic Keychain Anime Figure", "Toys & Hobbies", "Action & Toy Figures")),
                "note 1(x): a utilitarian article named first is classified by its material");
        assertFalse(toys.namesGoods(listed("7.2v 2400mah NI-MH Battery for electric toy car")), "batteries: 8507");
        assertFalse(toys.namesGoods(listed("Steel Pinion Motor Gear for 1/10 Rc Model Car", "Toys & Hobbies",
                "Remote Control Toys")), "note 1(m): electric motors, and gears of 8483");
        assertFalse(toys.namesGoods(listed("Mixed Glass Doll Eyes Cabochon")), "note 1(ij): glass eyes, 7018");
        assertFalse(toys.namesGoods(listed("Squeaky Dog Toys for Small Dogs")), "note 5: pet toys");
        assertFalse(toys.namesGoods(listed("Dungeon Board games Children's Toy")), "9504: games");
        assertFalse(toys.namesGoods(listed("Fake Silicone Breast Toys Men Masturbator")), "not a plaything");
    }

    @Test
    void aKnittedGarmentIsChapter61AWovenOne62TheBestHeadingFoundThereOrTheCounterpart() {
        ClassifyRequest trousers = new ClassifyRequest("Flare Pants Women", List.of(),
                Map.of("Craft of Weaving", "Knit"), "HTSUS");
        assertTrue(clothing.namesGoods(trousers));
        assertEquals("6104", clothing.choose(trousers, List.of("6210", "6204", "6104", "6203")).orElseThrow()
                .heading(), "knitted: the best heading found in chapter 61");
        assertEquals("6104", clothing.choose(trousers, List.of("6204", "6211")).orElseThrow().heading(),
                "none of chapter 61 found: the counterpart of the best garment heading");
        ClassifyRequest tee = new ClassifyRequest("Printed T-Shirt Men", List.of(), Map.of("Craft of Weaving", "Tat"),
                "HTSUS");
        assertEquals("6211", clothing.choose(tee, List.of("6109", "6104")).orElseThrow().heading(),
                "woven, no woven T-shirt heading: 6211 'other garments'");
        assertEquals("6110", clothing.choose(ClassifyRequest.of("Womens knitted sweater", "HTSUS"),
                List.of("6110", "6204")).orElseThrow().heading(), "the title says knitted");
    }

    @Test
    void clothingThatDoesNotSayKnittedOrWovenIsLeftToTheSearch() {
        ClassifyRequest shirt = new ClassifyRequest("Casual Shirt Men", List.of(), Map.of("Craft of Weaving", "Other"),
                "HTSUS");
        assertFalse(clothing.namesGoods(shirt));
        assertTrue(clothing.choose(shirt, List.of("6205", "6105")).isEmpty());
        assertTrue(clothing.choose(ClassifyRequest.of("Knitted cotton blanket", "HTSUS"), List.of("6301")).isEmpty(),
                "no garment heading found: nothing to split");
    }

    @Test
    void aKeyRingIsAnArticleOfItsMaterialTheStatedMetalFirst() {
        ClassifyRequest zinc = r("Kpop Acrylic Keychain Key Ring", Map.of("Material", "Plastic", "Metals Type",
                "Zinc Alloy"));
        assertTrue(keyRings.namesGoods(zinc));
        assertEquals("790700", keyRings.choose(zinc).orElseThrow().subheading(), "the metal field first");
        assertEquals("732690", keyRings.choose(r("Mustard Seed Keychain Stainless Steel", Map.of())).orElseThrow()
                .subheading());
        assertEquals("3926", keyRings.choose(r("Anime Acrylic Keychain", Map.of("Metals Type", "None")))
                .orElseThrow().heading());
        assertEquals("630790", keyRings.choose(r("Hand-Knitted Fruit Bag Keychain Ornament", Map.of()))
                .orElseThrow().subheading());
    }

    @Test
    void keyRingsAreSilentWhenOnlyTheUsePreciousMetalOrNoMaterial() {
        assertFalse(keyRings.namesGoods(r("Brass Carabiner Screw Lock for Bag Strap and Keychain", Map.of())),
                "the key ring is what the carabiner is for");
        assertFalse(keyRings.namesGoods(r("925 Sterling Silver Heart Keychain", Map.of())),
                "precious metal: chapter 71 note 9(b)");
        assertFalse(keyRings.namesGoods(r("Heart Pendant Necklace", Map.of())));
        assertTrue(keyRings.choose(r("Labubu Keyring Protective Cover", Map.of())).isEmpty(), "no material stated");
    }

    @Test
    void motherOfPearlIsNoPearlAndABaseMetalFieldOutranksAHallmarkInTheTitle() {
        assertEquals("711719", sub("Virgin Mary Necklace Stainless Steel Natural Pearl Shell Pendant",
                Map.of("Material", "Shell")), "pearl shell is nacre, not a pearl");
        assertEquals("711610", sub("Freshwater Pearl Drop Necklace", Map.of("Metals Type", "Copper")));
        assertEquals("711620", sub("Pave Zircon Fish Bones S925 Silver Post Studs Earrings",
                Map.of("Metals Type", "Copper")), "the S925 is the post's");
        assertEquals("711311", sub("Pave Zircon S925 Silver Studs Earrings", Map.of("Metals Type", "Silver")));
    }

    @Test
    void jewelleryDecidesAloneWhenTheListingsCategorySaysJewelleryUnlessLooseBeads() {
        assertTrue(jewellery.decidesWhenNamed(new ClassifyRequest("Rose Quartz Bracelet Love Attraction",
                List.of("Jewelry & Accessories", "Fashion Jewelry", "Bracelets"), Map.of(), "HTSUS")));
        assertFalse(jewellery.decidesWhenNamed(new ClassifyRequest("Faceted Crystal Glass Loose Spacer Beads",
                List.of("Jewelry & Accessories", "Fashion Jewelry", "Beads"), Map.of(), "HTSUS")),
                "loose beads are not yet jewellery: 7018, 7101, 7103");
        assertFalse(jewellery.decidesWhenNamed(r("Rose Quartz Bracelet", Map.of())), "no category: the search ranks");
    }

    @Test
    void attributesKeepTheListingsOrder() {
        Map<String, String> listed = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            listed.put("Attribute " + i, "value " + i);
        }
        listed.put("Craft of Weaving", "Tat");
        listed.put("Weaving Method", "Knit Fabric");
        ClassifyRequest request = new ClassifyRequest("Printed T-Shirt Men", List.of(), listed, "HTSUS");
        assertEquals(List.copyOf(listed.keySet()), List.copyOf(request.attributes().keySet()));
        assertEquals("6211", clothing.choose(request, List.of("6109")).orElseThrow().heading(),
                "the first of two weaving attributes is read, on every run");
    }

    @Test
    void garmentsNoHeadingNamesAreOtherGarments6211Or6114() {
        ClassifyRequest abaya = r("Abaya Muslim Dress Women Moroccan Kaftan", Map.of("Material", "POLYESTER"));
        assertTrue(otherGarments.namesGoods(abaya));
        assertEquals("621143", otherGarments.choose(abaya).orElseThrow().subheading());
        assertEquals("621120", otherGarments.choose(r("Winter Ski Suit Men Windproof", Map.of())).orElseThrow()
                .subheading());
        assertEquals("6114", otherGarments.choose(r("Knitted Halloween Costume", Map.of())).orElseThrow().heading());
        assertNull(otherGarments.choose(r("Anime Cosplay Costume", Map.of())).orElseThrow().subheading(),
                "neither whose nor what fibre: the heading only");
    }

    @Test
    void robesSleepwearAndCostumesOfPlasticsAreNotOtherGarments() {
        assertFalse(otherGarments.namesGoods(r("Women Men Bathrobe Kimono Dressing Gown", Map.of())));
        assertFalse(otherGarments.namesGoods(r("Kids Pajamas Police Costume", Map.of())));
        assertFalse(otherGarments.namesGoods(r("Sexy PU Leather Costume", Map.of())));
        assertFalse(otherGarments.namesGoods(r("Women Casual Shirt", Map.of())));
    }

    @Test
    void artificialFlowersAre6702ByMaterialNotTheCutFlowersOfChapter6() {
        ClassifyRequest roses = r("Blue and white rose artificial flower bride bouquet", Map.of("Material", "Plastic"));
        assertTrue(flowers.namesGoods(roses));
        assertEquals("670210", flowers.choose(roses).orElseThrow().subheading());
        assertEquals("670290", flowers.choose(r("Chiffon Fabric Fake Flower for Hair Clips", Map.of()))
                .orElseThrow().subheading());
        assertTrue(flowers.namesGoods(new ClassifyRequest("Luxury Flower Ball Wedding Centrepiece",
                List.of("Home & Garden", "Festive & Party Supplies", "Artificial Flowers"), Map.of(), "HTSUS")),
                "the category names them");
    }

    @Test
    void realFlowersGlassFlowersAndFlowerLightsAreNot6702() {
        assertFalse(flowers.namesGoods(r("Fresh Cut Red Roses Bouquet", Map.of())));
        assertFalse(flowers.namesGoods(r("Handmade Artificial Glass Flower Ornament", Map.of())), "note 3(a)");
        assertFalse(flowers.namesGoods(r("Led Simulation Rose String Lights", Map.of("Material", "PVC"))));
    }

    @Test
    void watchCasesDialsAndSmartWatchesAreNotTheWatchesOf9102() {
        ClassifyRequest diver = new ClassifyRequest("Diver Case 40mm Watch Case Sapphire For NH35 Movement", List.of(),
                new java.util.LinkedHashMap<>(Map.of("Bezel material", "Ceramic", "Case Material", "Stainless Steel")),
                "HTSUS");
        assertTrue(watchParts.namesGoods(diver));
        assertEquals("911120", watchParts.choose(diver).orElseThrow().subheading(),
                "the case's material, not the bezel's");
        assertEquals("911430", watchParts.choose(r("29mm Luminous Watch Dial fit NH35", Map.of())).orElseThrow()
                .subheading());
        assertEquals("851762", watchParts.choose(r("Smart Watch Bluetooth Call Men GPS", Map.of())).orElseThrow()
                .subheading());
    }

    @Test
    void strapsChargersAndWatchBoxesAreNotWatchParts() {
        assertFalse(watchParts.namesGoods(r("Silicone Strap for Huawei Smart Watch", Map.of())));
        assertFalse(watchParts.namesGoods(r("Smart Watch Charger Cable Magnetic", Map.of())));
        assertFalse(watchParts.namesGoods(r("Leather Watch Case Box 6 Slots Storage", Map.of())));
        assertFalse(watchParts.namesGoods(r("Men's Quartz Wrist Watch Stainless Steel", Map.of())));
    }

    @Test
    void aPreparationNamedByItsUseIsChapter33WhateverTheIngredient() {
        ClassifyRequest spray = new ClassifyRequest("Ginger Fast Hair Growth Spray Anti Hair Loss Liquid",
                List.of("Beauty & Health", "Hair Care & Styling", "Hair Growth Products"), Map.of(), "HTSUS");
        assertTrue(cosmetics.decidesWhenNamed(spray) && cosmetics.namesGoods(spray));
        assertEquals("330590", cosmetics.choose(spray).orElseThrow().subheading(), "note 3: ginger is no food here");
        assertEquals("330510", cosmetics.choose(r("Argan Oil Essence Shampoo 500ml", Map.of())).orElseThrow()
                .subheading());
        assertEquals("330430", cosmetics.choose(r("Poly Builder Nail Gel 30ML", Map.of())).orElseThrow()
                .subheading());
        assertEquals("3303", cosmetics.choose(r("Eau de Parfum for Women 100ml", Map.of())).orElseThrow().heading());
    }

    @Test
    void containersToolsAndFlavouringsAreNoCosmeticPreparation() {
        assertFalse(cosmetics.namesGoods(r("Car Hanging Perfume Pendant Empty Glass Bottle", Map.of())));
        assertFalse(cosmetics.namesGoods(r("Nail Polish Display Rack 60 Bottles", Map.of())));
        assertFalse(cosmetics.namesGoods(r("Portable Lipstick Shaped Electric Epilator Device", Map.of())));
        assertFalse(cosmetics.namesGoods(r("Men's Quartz Wrist Watch Stainless Steel", Map.of())));
        assertFalse(cosmetics.decidesWhenNamed(new ClassifyRequest("Vanilla Essence for Baking", List.of("Food",
                "Baking"), Map.of(), "HTSUS")), "outside a cosmetics category the search's ranking stands");
        assertTrue(cosmetics.choose(r("Glass Lotion Bottle 100ml", Map.of())).isEmpty());
    }

    @Test
    void aSmallFittingOfPlasticsNamedWithWhatItFitsIs3926() {
        assertTrue(fittings.namesGoods(r("Suitcase Wheels Travel Trolley Luggage Accessories", Map.of("Material",
                "Nylon"))), "luggage has no parts heading: the wheels go by their material");
        assertTrue(fittings.namesGoods(r("Silicone Nose Pads for Eyeglasses", Map.of())));
        assertTrue(fittings.namesGoods(r("Empty Plastic Capsules for Vending Machine", Map.of("Material", "Cotton"))),
                "the title's material before the attribute's");
        assertEquals("392690", fittings.choose(r("Ballhead Holder Mount for GoPro", Map.of("Material", "Plastic")))
                .orElseThrow().subheading());
    }

    @Test
    void fittingsOfOtherMaterialsAndPlasticGoodsThatAreNoFittingStaySilent() {
        assertFalse(fittings.namesGoods(r("Stainless Steel Hooks for Kitchen", Map.of("Material", "Plastic"))));
        assertFalse(fittings.namesGoods(r("Suitcase Wheels Replacement", Map.of())), "no material stated");
        assertFalse(fittings.namesGoods(r("Plastic Storage Box for Wheels", Map.of())),
                "the goods named before 'for' are a box");
        assertFalse(fittings.namesGoods(r("Acrylic Ear Plugs Tunnels Gauges", Map.of())));
        assertTrue(fittings.choose(r("Brass Cabinet Knobs", Map.of())).isEmpty());
    }

    @Test
    void claspsHooksBeadsAndOrnamentsOfBaseMetalAreChapter83NotJewellery() {
        assertEquals("830810", baseMetal.choose(r("10 Pcs Raw Brass Carabiner Screw Lock Clasp for Bag Strap Keychain",
                Map.of())).orElseThrow().subheading(), "a carabiner is a hook of heading 8308's kind");
        assertEquals("830890", baseMetal.choose(r("Adjustable Positioning Spacer Beads With Loop For DIY Bracelets",
                Map.of("Material", "Metal", "Metals Type", "Copper"))).orElseThrow().subheading(),
                "beads of base metal, by the listing's metal field");
        assertEquals("830890", baseMetal.choose(r("Stainless Steel Lobster Clasps for Jewelry Making", Map.of()))
                .orElseThrow().subheading());
        ClassifyRequest nailCharms = new ClassifyRequest("10pcs Ballet Shoes Bow Nail Charms 3D Metal Nail Art",
                List.of("Beauty & Health", "Nail Art & Tools"), Map.of(), "HTSUS");
        assertTrue(baseMetal.decidesWhenNamed(nailCharms) && baseMetal.namesGoods(nailCharms));
        assertEquals("830629", baseMetal.choose(nailCharms).orElseThrow().subheading(),
                "an ornament adorning no person, whatever its shape");
        assertEquals("830621", baseMetal.choose(r("Gold Plated Metal Key Charms for Party Decorations", Map.of()))
                .orElseThrow().subheading());
    }

    @Test
    void findingsOfPreciousMetalOrPlasticsFinishedArticlesAndJewelleryCharmsAreNotChapter83() {
        assertFalse(baseMetal.namesGoods(r("925 Sterling Silver Spacer Bead Caps For Jewelry Making", Map.of())),
                "precious metal: 7113");
        assertFalse(baseMetal.namesGoods(r("Acrylic Spacer Beads", Map.of("Metals Type", "Zinc Alloy"))));
        assertFalse(baseMetal.namesGoods(r("Carabiner Clip for Keys", Map.of("Material", "Plastic"))));
        assertFalse(baseMetal.namesGoods(r("Spring Clasps", Map.of())), "no material stated");
        assertFalse(baseMetal.namesGoods(r("Stainless Steel Chain Necklace Lobster Clasp", Map.of())),
                "the necklace wears the clasp");
        assertFalse(baseMetal.namesGoods(r("Dog Leash Metal Snap Hook", Map.of())));
        assertFalse(baseMetal.namesGoods(new ClassifyRequest("Enamel Ghost Charms Halloween Decoration",
                List.of("Jewelry & Accessories", "Fashion Jewelry", "Charms"), Map.of("Metals Type", "Zinc Alloy"),
                "HTSUS")), "charms in a jewellery category are imitation jewellery");
        assertFalse(baseMetal.namesGoods(r("Metal Charms Bracelet for Party", Map.of())));
        assertFalse(baseMetal.namesGoods(r("Metal Letter Charms", Map.of())), "nothing says it adorns no person");
    }
}
